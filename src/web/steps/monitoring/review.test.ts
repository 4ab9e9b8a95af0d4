import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import { resolveStudy } from '../../../document/resolve-study.js';
import { createMonitoringAccumulator } from '../../../engine/monitoring/index.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import cvAbcText from '../../../../examples/cv-abc.yaml?raw';
import { beforeAfterRows, epiOverTime, localDateTime, localMidnightMs } from './review.js';

function cvAbc(): StudyInput {
  const parsed = parseStudyText(cvAbcText);
  if (!parsed.ok) throw new Error('cv-abc does not parse');
  return resolveStudy(parsed.study).study;
}

const WIB = 420;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1) - WIB * 60_000;

/** Ten days of hourly COD and pH readings; COD falls from about 61 to 31 on day 5. */
function result() {
  const acc = createMonitoringAccumulator({
    parameters: [
      { id: 'cod', limit: { max: 50 } },
      { id: 'ph', limit: { max: 9 } },
    ],
    utcOffsetMinutes: WIB,
  });
  for (let h = 0; h < 240; h++) {
    const day = Math.floor(h / 24);
    acc.add(START + h * 3_600_000, [(day < 5 ? 60 : 30) + (h % 3) + (day % 2), 7 + (h % 2) * 0.2]);
  }
  return acc.result({ hourly: false });
}

describe('epiOverTime', () => {
  it('computes the deviation EPI per day over the monitored parameters only (cv-abc)', () => {
    const outcome = epiOverTime(cvAbc(), [], result(), 'day');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.epi.method).toBe('deviation');
    expect(outcome.epi.included).toEqual(['cod', 'ph']);
    expect(outcome.epi.excluded).toEqual(['bod', 'tss', 'oil-grease']);
    expect(outcome.epi.points).toHaveLength(10);
    // COD over its limit (50) first: a negative term; under it after day 5.
    const first = outcome.epi.points[0]?.total ?? NaN;
    const last = outcome.epi.points[9]?.total ?? NaN;
    expect(first).toBeLessThan(last);
    // EPI = Σ W·(S − M)/S: COD weight 4.565, pH 4.065; day 9 means 32 and 7.1.
    expect(last).toBeCloseTo(4.565 * ((50 - 32) / 50) + 4.065 * ((9 - 7.1) / 9), 6);
  });

  it('says when the study has no EPI, and when no EPI parameter has readings', () => {
    const study = cvAbc();
    const { epi: _epi, ...noEpi } = study;
    expect(epiOverTime(noEpi, [], result(), 'month')).toEqual({ ok: false, reason: 'no-epi' });
    const acc = createMonitoringAccumulator({
      parameters: [{ id: 'flow' }],
      utcOffsetMinutes: WIB,
    });
    acc.add(START, [1]);
    expect(epiOverTime(study, [], acc.result(), 'day')).toEqual({
      ok: false,
      reason: 'no-parameters',
    });
  });
});

describe('beforeAfterRows', () => {
  it('compares daily means before and after local midnight of the date', () => {
    const rows = beforeAfterRows(result(), '2024-01-06');
    const cod = rows.find((r) => r.id === 'cod');
    expect(cod?.ok).toBe(true);
    if (cod?.ok !== true) return;
    expect(cod.comparison.nBefore).toBe(5);
    expect(cod.comparison.nAfter).toBe(5);
    expect(cod.comparison.meanBefore).toBeCloseTo(61.4, 6);
    expect(cod.comparison.meanAfter).toBeCloseTo(31.6, 6);
    expect(cod.comparison.significant).toBe(true);
    // pH does not vary from day to day: no test, said per row.
    expect(rows.find((r) => r.id === 'ph')?.ok).toBe(false);
  });

  it('needs two days on each side', () => {
    const rows = beforeAfterRows(result(), '2024-01-10');
    expect(rows[0]?.ok).toBe(false);
    expect(beforeAfterRows(result(), 'not a date')).toEqual([]);
  });
});

describe('local time', () => {
  it('writes instants in the local zone and finds local midnight', () => {
    expect(localDateTime(START, WIB)).toBe('2024-01-01 00:00');
    expect(localMidnightMs('2024-01-02', WIB)).toBe(START + DAY);
  });
});
