import type { StudyInput } from '../../src/engine/study/study-input.js';

/** A small valid study whose title marks which save wrote it. */
export function studyDocument(title: string): StudyInput {
  return {
    lestari: 1,
    language: 'en',
    study: { title, organisation: { name: 'CV ABC', sector: 'tofu' } },
    walkThrough: [{ area: 'boiler', observation: `steam leak noted in ${title}` }],
  };
}

export const burstDocument = (revision: number): StudyInput => studyDocument(`burst ${revision}`);

/** A study with effluent limits (COD ≤ 100 mg/L, pH 6–9) that monitoring files are read against. */
export function monitoredStudyDocument(title: string): StudyInput {
  return {
    ...studyDocument(title),
    effluent: {
      parameters: [
        { id: 'cod', name: 'COD', unit: 'mg/L', measured: 80, limit: { max: 100 } },
        { id: 'ph', name: 'pH', measured: 7.2, limit: { range: { low: 6, high: 9 } } },
      ],
    },
  };
}

/**
 * A SPARING-style file: `hours` hours of 2-minute readings from `start` (WIB), COD rising past
 * its limit in the second hour of each day, with a flow column for loads.
 */
export function monitoringCsv(start: string, hours: number): string {
  const lines = ['waktu (WIB),COD (mg/L),pH,debit (m3/h)'];
  const t0 = Date.parse(`${start}T00:00:00+07:00`);
  for (let k = 0; k < hours * 30; k++) {
    const t = new Date(t0 + k * 120_000 + 7 * 3600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const minute = k % (24 * 30);
    const cod = minute >= 30 && minute < 45 ? 120 + (k % 7) : 60 + (k % 11);
    const ph = 7 + (k % 5) / 10;
    lines.push(`${t},${cod},${ph},${10 + (k % 3)}`);
  }
  return `${lines.join('\n')}\n`;
}
