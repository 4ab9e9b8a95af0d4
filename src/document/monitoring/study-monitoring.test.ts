import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMonitoringAccumulator } from '../../engine/monitoring/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import { parseStudyText } from '../parse-study.js';
import { resolveStudy } from '../resolve-study.js';
import { readMonitoringCsv } from './csv-reader.js';
import { monitoringKey, monitoringSettingsFromStudy } from './study-monitoring.js';

function cvAbc(): StudyInput {
  const text = readFileSync(join(import.meta.dirname, '../../../examples/cv-abc.yaml'), 'utf8');
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error('cv-abc does not parse');
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error('cv-abc does not resolve');
  return resolved.study;
}

const study = cvAbc();

function headerOf(text: string, options: Parameters<typeof readMonitoringCsv>[1] = {}) {
  const { summary, rows } = readMonitoringCsv(text, options);
  if (summary.header === undefined) throw new Error('no header');
  return { header: summary.header, rows, summary };
}

const ROWS = [
  '2024-03-01 08:00,7.0,40,5,1,10',
  '2024-03-01 08:02,7.1,60,12,1,20',
  '2024-03-01 08:04,7.2,50,7,1,30',
];

describe('monitoringKey', () => {
  it('ignores case, punctuation, spaces and "and"/"&"', () => {
    expect(monitoringKey('NH3-N')).toBe(monitoringKey('nh3n'));
    expect(monitoringKey('Oil & Grease')).toBe(monitoringKey('oil-grease'));
    expect(monitoringKey('Oil and grease')).toBe('oilgrease');
    expect(monitoringKey('Minyak dan Lemak')).toBe('minyaklemak');
  });
});

describe('monitoringSettingsFromStudy', () => {
  it('matches columns to the study by id or name, with the limits and loads (cv-abc)', () => {
    const text = [
      'Waktu (WIB),PH,cod (mg/L),Oil & Grease (mg/l),NH3-N (mg/L),Debit (m3/jam)',
      ...ROWS.map((r) => `${r}`),
    ].join('\n');
    const { header, rows } = headerOf(text);
    const r = monitoringSettingsFromStudy(study, header);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Study order: bod, cod, tss, oil-grease, ph; then the flow.
    expect(r.settings.parameters).toEqual([
      { id: 'cod', limit: { max: 50 }, load: true },
      { id: 'oil-grease', limit: { max: 10 }, load: true },
      { id: 'ph', limit: { max: 9 } },
      { id: 'flow' },
    ]);
    expect(r.columns).toEqual([1, 2, 0, 4]);
    expect(r.settings.flowParameter).toBe('flow');
    expect(r.settings.loadUnitFactor).toBe(0.001);
    expect(r.settings.utcOffsetMinutes).toBe(420);
    expect(r.settings.expectedIntervalSeconds).toBe(120);
    expect(r.unmatchedColumns).toEqual(['NH3-N (mg/L)']);
    expect(r.unmatchedParameters).toEqual(['bod', 'tss']);
    expect(r.notes).toEqual([]);
    expect(r.parameters.map((p) => p.header)).toEqual([
      'cod (mg/L)',
      'Oil & Grease (mg/l)',
      'PH',
      'Debit (m3/jam)',
    ]);

    // The settings are valid for the engine, and the columns feed it.
    const acc = createMonitoringAccumulator(r.settings);
    acc.addColumns(
      rows.times,
      r.columns.map((j) => rows.values[j] as Float64Array),
    );
    const result = acc.result({ hourly: false });
    const cod = result.parameters[0];
    expect(cod?.summary.mean).toBe(50);
    expect(cod?.summary.exceedances).toBe(1);
    // Loads: (40·10 + 60·20 + 50·30)/3 × 0.001 = 1.0333… kg/h.
    expect(cod?.summary.load?.meanRate).toBeCloseTo(3.1 / 3, 12);
    expect(result.parameters[1]?.summary.exceedances).toBe(1); // oil & grease 12 > 10
  });

  it('takes a range limit, no limit, and the zone and interval of the options', () => {
    const custom: StudyInput = {
      ...study,
      effluent: {
        parameters: [
          { id: 'ph', name: 'pH', measured: 7, limit: { range: { low: 6, high: 9 } } },
          { id: 'temp', name: 'Suhu', unit: '°C', measured: 30 },
        ],
      },
    };
    const { header } = headerOf(
      'timestamp,pH,Suhu\n2024-03-01T08:00:00Z,7,30\n2024-03-01T08:02:00Z,7,31\n',
    );
    const r = monitoringSettingsFromStudy(custom, header, {
      utcOffsetMinutes: 480,
      expectedIntervalSeconds: 60,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings).toEqual({
      parameters: [{ id: 'ph', limit: { range: { low: 6, high: 9 } } }, { id: 'temp' }],
      utcOffsetMinutes: 480,
      expectedIntervalSeconds: 60,
    });
    expect(r.notes).toEqual([
      { code: 'no-limit', subject: 'temp', message: 'Suhu (temp) has no limit: summarised only' },
    ]);
  });

  it('defaults to WIB with a note when no zone is known', () => {
    const { header } = headerOf('timestamp,COD\n2024-03-01T08:00:00Z,7\n2024-03-01T08:02:00Z,7\n');
    const r = monitoringSettingsFromStudy(study, header);
    expect(r.ok && r.settings.utcOffsetMinutes).toBe(420);
    expect(r.ok && r.notes.map((n) => `${n.code}: ${n.message}`).join('\n')).toMatch(
      /^default-zone: .*WIB \(\+07:00\)/,
    );
  });

  it('uses the flow column the caller names, and its unit for the load factor', () => {
    const { header } = headerOf(
      'Waktu (WITA),COD (mg/L),Q out (L/s)\n2024-03-01 08:00,40,2\n2024-03-01 08:02,40,2\n',
    );
    const r = monitoringSettingsFromStudy(study, header, { flowColumn: 'q out' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.flowParameter).toBe('flow');
    expect(r.settings.loadUnitFactor).toBe(0.0036);
    expect(r.settings.utcOffsetMinutes).toBe(480);
    expect(r.columns).toEqual([0, 1]);
  });

  it('refuses a unit that differs from the study’s', () => {
    const { header } = headerOf(
      'Waktu (WIB),COD (g/L),TSS (mg/L)\n2024-03-01 08:00,0.04,5\n2024-03-01 08:02,0.04,5\n',
    );
    const r = monitoringSettingsFromStudy(study, header);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        path: 'effluent.parameters[1].unit',
        message: expect.stringMatching(/"COD \(g\/L\)" is in g\/L but the study's COD is in mg\/L/),
      },
    ]);
  });

  it('refuses a flow in an unknown unit, an unknown flow column, duplicates and no match', () => {
    const bad = (csv: string, options = {}) => {
      const r = monitoringSettingsFromStudy(study, headerOf(csv).header, options);
      return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    const rows = '\n2024-03-01 08:00,40,5\n2024-03-01 08:02,40,5\n2024-03-01 08:04,40,5\n';
    expect(bad(`Waktu (WIB),COD,flow (kg)${rows}`)).toEqual([
      expect.stringMatching(/^flowColumn: flow "flow \(kg\)": unit "kg" is not a flow unit/),
    ]);
    expect(bad(`Waktu (WIB),COD,flow${rows}`, { flowColumn: 'debit' })).toEqual([
      expect.stringMatching(/^flowColumn: "debit" is not a column of the file/),
    ]);
    expect(bad(`Waktu (WIB),Oil & grease,oil and grease (mg/L)${rows}`)).toEqual([
      expect.stringMatching(
        /both columns "Oil & grease" and "oil and grease \(mg\/L\)" are Oil and grease \(oil-grease\)/,
      ),
    ]);
    expect(bad(`Waktu (WIB),NH3-N,DO${rows}`)).toEqual([
      expect.stringMatching(/^effluent.parameters: no column of the file is a parameter/),
    ]);
  });

  it('notes a flow without a unit (read as m3/h) and leaves loads out for non-mg/L parameters', () => {
    const { header } = headerOf(
      'Waktu (WIB),pH,COD,flow\n2024-03-01 08:00,7,40,5\n2024-03-01 08:02,7,40,5\n2024-03-01 08:04,7,40,5\n',
    );
    const r = monitoringSettingsFromStudy(study, header);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // COD takes the study's unit (mg/L), so it has a load; pH has none.
    expect(r.settings.parameters).toEqual([
      { id: 'cod', limit: { max: 50 }, load: true },
      { id: 'ph', limit: { max: 9 } },
      { id: 'flow' },
    ]);
    expect(r.notes).toEqual([
      {
        code: 'flow-without-unit',
        subject: 'flow',
        message: 'flow "flow" has no unit: read as m3/h',
      },
    ]);
  });

  it('refuses a study without effluent parameters', () => {
    const { header } = headerOf('Waktu (WIB),COD\n2024-03-01 08:00,40\n');
    const { effluent: _unused, ...bare } = study;
    const r = monitoringSettingsFromStudy(bare, header);
    expect(r).toEqual({
      ok: false,
      problems: [{ path: 'effluent.parameters', message: 'the study has no effluent parameters' }],
    });
  });
});

describe('monitoringSettingsFromStudy: load limits (beban pencemaran maksimum)', () => {
  const withLoadLimit: StudyInput = {
    ...study,
    effluent: {
      parameters: [
        {
          id: 'cod',
          name: 'COD',
          unit: 'mg/L',
          measured: 40,
          limit: { max: 100 },
          loadLimit: { perDay: 12, perHour: 0.5, citation: 'Izin IPLC' },
        },
        { id: 'temp', name: 'Suhu', unit: '°C', measured: 30, loadLimit: { perDay: 1 } },
      ],
    },
  };

  it('passes the load limit to the engine, which counts the days and readings over it', () => {
    // Day 1: COD 40 mg/L × 10 m³/h × 0.001 = 0.4 kg/h → 0.4 × 24 = 9.6 kg/day (≤ 12).
    // Day 2: COD 60 mg/L × 10 m³/h × 0.001 = 0.6 kg/h → 14.4 kg/day (> 12); each reading > 0.5 kg/h.
    const day1 = ['2024-03-01 08:00,40,10', '2024-03-01 09:00,40,10'];
    const day2 = ['2024-03-02 08:00,60,10', '2024-03-02 09:00,60,10', '2024-03-02 10:00,60,10'];
    const { header, rows } = headerOf(
      ['Waktu (WIB),COD (mg/L),Debit (m3/jam)', ...day1, ...day2].join('\n'),
    );
    const r = monitoringSettingsFromStudy(withLoadLimit, header);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.parameters).toEqual([
      { id: 'cod', limit: { max: 100 }, load: true, loadLimit: { perHour: 0.5, perDay: 12 } },
      { id: 'flow' },
    ]);
    expect(r.notes).toEqual([]);

    const acc = createMonitoringAccumulator(r.settings);
    acc.addColumns(
      rows.times,
      r.columns.map((j) => rows.values[j] as Float64Array),
    );
    const cod = acc.result({ hourly: false }).parameters[0];
    expect(cod?.loadLimit).toEqual({ perHour: 0.5, perDay: 12 });
    expect(cod?.summary.load?.daysOverLimit).toBe(1);
    expect(cod?.summary.load?.rateExceedances).toBe(day2.length);
    expect(cod?.daily.map((d) => d.load?.complies)).toEqual([true, false]);
    expect(cod?.daily[0]?.load?.amount).toBeCloseTo(40 * 10 * 0.001 * 24, 12);
    expect(cod?.daily[1]?.load?.amount).toBeCloseTo(60 * 10 * 0.001 * 24, 12);
  });

  it('notes a load limit that cannot be checked because the file has no flow column', () => {
    const { header } = headerOf('Waktu (WIB),COD (mg/L),Suhu\n2024-03-01 08:00,40,30\n');
    const r = monitoringSettingsFromStudy(withLoadLimit, header);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.parameters).toEqual([{ id: 'cod', limit: { max: 100 } }, { id: 'temp' }]);
    expect(r.notes.filter((n) => n.code === 'load-limit-without-flow')).toEqual([
      {
        code: 'load-limit-without-flow',
        subject: 'cod',
        message:
          'COD (cod) has a load limit but the file has no flow column: the load limit is not checked',
      },
      {
        code: 'load-limit-without-flow',
        subject: 'temp',
        message:
          'Suhu (temp) has a load limit but the file has no flow column: the load limit is not checked',
      },
    ]);
  });

  it('notes a load limit on a parameter whose unit is not mg/L, and leaves it out of the settings', () => {
    const { header } = headerOf(
      'Waktu (WIB),COD (mg/L),Suhu (°C),Debit (m3/jam)\n2024-03-01 08:00,40,30,10\n',
    );
    const r = monitoringSettingsFromStudy(withLoadLimit, header);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.parameters[1]).toEqual({ id: 'temp' });
    const aboutTemp = r.notes.filter((n) => n.subject === 'temp');
    expect(aboutTemp.map((n) => n.code)).toEqual([
      'no-limit',
      'no-load',
      'load-limit-without-flow',
    ]);
    expect(aboutTemp[2]?.message).toBe(
      'Suhu (temp) has a load limit but its unit is not mg/L: the load limit is not checked',
    );
  });
});
