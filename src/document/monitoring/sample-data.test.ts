import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMonitoringCsv } from './index.js';
import { monitoringSettingsFromStudy } from './study-monitoring.js';
import { resolveStudy } from '../resolve-study.js';
import { parseStudyText } from '../parse-study.js';
import { createMonitoringAccumulator } from '../../engine/monitoring/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import { beforeAfterRows, calendarMonths, statusCounts } from '../../report/monitoring-charts.js';
import {
  SAMPLE_EVENTS,
  sampleColumnName,
  sampleMonitoringCsv,
  sampleParameters,
} from './sample-data.js';

const cvAbcText = readFileSync(new URL('../../../examples/cv-abc.yaml', import.meta.url), 'utf8');

function cvAbc(): StudyInput {
  const parsed = parseStudyText(cvAbcText);
  if (!parsed.ok) throw new Error('cv-abc does not parse');
  return resolveStudy(parsed.study).study;
}

const study = cvAbc();
const parameters = study.effluent?.parameters ?? [];

function analyse(language: 'id' | 'en') {
  const text = sampleMonitoringCsv(parameters, { language, year: 2026, month: 10 });
  const { summary, rows } = readMonitoringCsv(text);
  if (summary.header === undefined) throw new Error('no header');
  const mapped = monitoringSettingsFromStudy(study, summary.header);
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
  const acc = createMonitoringAccumulator(mapped.settings);
  acc.addColumns(
    rows.times,
    mapped.columns.map((j) => rows.values[j] as Float64Array),
  );
  return { text, summary, mapped, result: acc.result({ hourly: false }) };
}

describe('sampleMonitoringCsv', () => {
  it('is read without refusal, in the UI language’s notation, and matches the study (cv-abc)', () => {
    for (const language of ['id', 'en'] as const) {
      const { text, summary, mapped } = analyse(language);
      expect(text.split('\n', 1)[0]).toContain(language === 'id' ? ';' : ',');
      expect(summary.ok).toBe(true);
      expect(summary.header?.numberFormat).toBe(language);
      expect(summary.header?.delimiter).toBe(language === 'id' ? ';' : ',');
      expect(summary.header?.timeZone).toBe(420);
      expect(summary.header?.expectedIntervalMs).toBe(120_000);
      // The planted outage and blank cell are found and flagged, not refused.
      expect(summary.counts.gap).toBe(1);
      expect(summary.counts['missing-value']).toBe(1);
      expect(mapped.unmatchedColumns).toEqual([]);
      expect(mapped.unmatchedParameters).toEqual([]);
      expect(mapped.settings.flowParameter).toBe('flow');
    }
  });

  it('is the same every time for the same seed', () => {
    const a = sampleMonitoringCsv(parameters, { language: 'en', year: 2026, month: 1, days: 2 });
    const b = sampleMonitoringCsv(parameters, { language: 'en', year: 2026, month: 1, days: 2 });
    expect(a).toBe(b);
    expect(a.split('\n').length).toBe(1 + 2 * 720 + 1);
  });

  it('plants the exceedances: a red day, yellow days, and the rest green', () => {
    const { result } = analyse('en');
    const bod = result.parameters.find((p) => p.id === 'bod');
    expect(bod?.daily).toHaveLength(30);
    expect(bod?.daily[SAMPLE_EVENTS.badDay.day]?.meanComplies).toBe(false);
    expect(bod?.daily[SAMPLE_EVENTS.episode.day]?.meanComplies).toBe(true);
    expect(bod?.daily[SAMPLE_EVENTS.episode.day]?.extremesComply).toBe(false);
    const counts = statusCounts(calendarMonths(result.parameters));
    expect(counts.red).toBe(1);
    expect(counts.yellow).toBe(2);
    // 5 limited parameters × 30 days, the flow has no limit.
    expect(counts.green + counts.yellow + counts.red).toBe(150);
    expect(counts.unlimited).toBe(30);
  });

  it('names columns by name with the unit, or by id when the name has brackets', () => {
    expect(sampleColumnName({ id: 'cod', name: 'COD', unit: 'mg/L', measured: 1 })).toBe(
      'COD (mg/L)',
    );
    expect(
      sampleColumnName({ id: 'nh3-n', name: 'N-NH3 (amonia)', unit: 'mg/L', measured: 1 }),
    ).toBe('nh3-n (mg/L)');
    expect(sampleColumnName({ id: 'ph', name: 'pH', measured: 7 })).toBe('pH');
  });

  it('shows the planted improvement in the before/after comparison', () => {
    const { result } = analyse('id');
    const rows = beforeAfterRows(
      result,
      `2026-10-${String(SAMPLE_EVENTS.improvement.day + 1).padStart(2, '0')}`,
    );
    const tss = rows.find((r) => r.id === 'tss');
    expect(tss?.ok).toBe(true);
    if (tss?.ok !== true) return;
    expect(tss.comparison.changePercent).toBeCloseTo(-15, 0);
    expect(tss.comparison.significant).toBe(true);
  });

  it('leaves out sludge parameters (mg/kg), which no logger measures in water', () => {
    const kept = sampleParameters([
      { id: 'cod', name: 'COD', unit: 'mg/L', measured: 1 },
      { id: 'hg-sludge', name: 'Hg in sludge', unit: 'mg/kg', measured: 1 },
    ]);
    expect(kept.map((p) => p.id)).toEqual(['cod']);
  });
});
