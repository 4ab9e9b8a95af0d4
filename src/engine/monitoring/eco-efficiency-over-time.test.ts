import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import {
  ecoEfficiencyOverTime,
  type MonthIndicator,
  type ProductionMonth,
} from './eco-efficiency-over-time.js';
import { createMonitoringAccumulator } from './monitoring-accumulator.js';
import type { MonitoringResult } from './monitoring-accumulator.js';
import { loadUnitFactor } from './pollutant-load.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Hand-checked: in UTC, January 2026 (744 h) COD 100 mg/L at 10 m³/h → 1 kg/h → 744 kg and
 * 7 440 m³; February (672 h) COD 50 mg/L at 20 m³/h → 1 kg/h → 672 kg and 13 440 m³; March
 * has readings but no load (no flow).
 */
function monitored(factor = 0.001): MonitoringResult {
  const accumulator = createMonitoringAccumulator({
    parameters: [{ id: 'cod', load: true }, { id: 'ph' }, { id: 'flow' }],
    flowParameter: 'flow',
    utcOffsetMinutes: 0,
    loadUnitFactor: factor,
  });
  const jan = Date.UTC(2026, 0, 1);
  const feb = Date.UTC(2026, 1, 1);
  const mar = Date.UTC(2026, 2, 1);
  accumulator.add(jan, [100, 7, 10]);
  accumulator.add(jan + 14 * DAY, [100, 7.2, 10]);
  accumulator.add(feb, [50, 7, 20]);
  accumulator.add(feb + 9 * DAY, [50, 7, 20]);
  accumulator.add(mar, [40, 7, Number.NaN]);
  return accumulator.result({ hourly: false });
}

const records: ProductionMonth[] = [
  { key: '2026-02', output: 1344, inputs: { material: 1000, labour: 200 } },
  { key: '2026-01', output: 1488, inputs: { material: 800, labour: 400 } },
  { key: '2025-12', output: 1000, totalInput: 900 },
];

const valueOf = (x: MonthIndicator | undefined): number => {
  if (x?.kind !== 'value') throw new Error(`no value: ${JSON.stringify(x)}`);
  return x.value;
};

describe('ecoEfficiencyOverTime', () => {
  it('reproduces the hand-checked months: productivity, value per kg COD and per m³', () => {
    const out = ecoEfficiencyOverTime(records, monitored(), { flowParameter: 'flow' });
    expect(out.loadParameters).toEqual(['cod']);
    expect(out.months.map((m) => m.key)).toEqual(['2026-01', '2026-02']);
    const [jan, feb] = out.months;
    expect(jan?.totalInput).toBe(1200);
    expectSignificant(valueOf(jan?.productivity), 1.24, 10);
    expectSignificant(valueOf(feb?.productivity), 1.12, 10);
    // 1 488 ÷ 744 kg = 2; 1 344 ÷ 672 kg = 2.
    expectSignificant(valueOf(jan?.perLoad['cod']), 2, 10);
    expectSignificant(valueOf(feb?.perLoad['cod']), 2, 10);
    // 1 488 ÷ 7 440 m³ = 0.2; 1 344 ÷ 13 440 m³ = 0.1.
    expectSignificant(valueOf(jan?.perVolume), 0.2, 10);
    expectSignificant(valueOf(feb?.perVolume), 0.1, 10);
    const volume = feb?.perVolume;
    expect(volume?.kind === 'value' && volume.denominator).toBeCloseTo(13_440, 6);
  });

  it('gives each month’s change from the first month (none in the first)', () => {
    const out = ecoEfficiencyOverTime(records, monitored(), { flowParameter: 'flow' });
    const [jan, feb] = out.months;
    expect(jan?.productivity.kind === 'value' && jan.productivity.change).toBeUndefined();
    const p = feb?.productivity;
    expect(p?.kind).toBe('value');
    if (p?.kind !== 'value') return;
    expectSignificant(p.change?.relativeChangePercent as number, -9.677419355, 9);
    const v = feb?.perVolume;
    expect(v?.kind === 'value' && v.change?.relativeChangePercent).toBeCloseTo(-50, 9);
    const cod = feb?.perLoad['cod'];
    expect(cod?.kind === 'value' && cod.change?.direction).toBe('unchanged');
  });

  it('lists months present on only one side instead of dropping them silently', () => {
    const out = ecoEfficiencyOverTime(records, monitored(), { flowParameter: 'flow' });
    expect(out.missing).toEqual({ monitoring: ['2025-12'], production: ['2026-03'] });
  });

  it('gives a reason, not NaN or Infinity, for a month without load or flow', () => {
    const out = ecoEfficiencyOverTime(
      [...records.slice(0, 2), { key: '2026-03', output: 900, totalInput: 800 }],
      monitored(),
      { flowParameter: 'flow' },
    );
    const mar = out.months[2];
    expect(mar?.perLoad['cod']).toEqual({ kind: 'undefined', reason: 'no-load' });
    expect(mar?.perVolume).toEqual({ kind: 'undefined', reason: 'no-flow' });
    expectFiniteOrGpError(() => out);
  });

  it('says zero-load and zero-volume for a month with zero flow', () => {
    const accumulator = createMonitoringAccumulator({
      parameters: [{ id: 'cod', load: true }, { id: 'flow' }],
      flowParameter: 'flow',
      utcOffsetMinutes: 420,
    });
    accumulator.add(Date.UTC(2026, 3, 10), [80, 0]);
    const out = ecoEfficiencyOverTime(
      [{ key: '2026-04', output: 10, inputs: { material: 5 } }],
      accumulator.result(),
      { flowParameter: 'flow' },
    );
    expect(out.months[0]?.perLoad['cod']).toEqual({ kind: 'undefined', reason: 'zero-load' });
    expect(out.months[0]?.perVolume).toEqual({ kind: 'undefined', reason: 'zero-volume' });
  });

  it('says zero-input for a month whose inputs add up to 0', () => {
    const out = ecoEfficiencyOverTime(
      [{ key: '2026-01', output: 10, inputs: { material: 0 } }],
      monitored(),
    );
    expect(out.months[0]?.productivity).toEqual({ kind: 'undefined', reason: 'zero-input' });
    expect(out.months[0]?.perVolume).toBeUndefined();
  });

  it('turns a flow in L/s into m³ with the result’s load unit factor', () => {
    // 10 L/s = 36 m³/h; January: 36 × 744 = 26 784 m³.
    const out = ecoEfficiencyOverTime(records, monitored(loadUnitFactor('L/s')), {
      flowParameter: 'flow',
    });
    const v = out.months[0]?.perVolume;
    expect(v?.kind === 'value' && v.denominator).toBeCloseTo(26_784, 6);
  });

  it('names the bad field', () => {
    const call =
      (periods: unknown, options = {}) =>
      () =>
        ecoEfficiencyOverTime(periods as ProductionMonth[], monitored(), options);
    expect(call([{ key: 'Jan', output: 1, totalInput: 1 }])).toThrow(/periods\[0\]\.key/);
    expect(call([...records, { key: '2026-01', output: 1, totalInput: 1 }])).toThrow(
      /periods\[3\]\.key: "2026-01" is also periods\[1\]/,
    );
    expect(call([records[0], { key: '2026-01', output: -1, totalInput: 1 }])).toThrow(
      /periods\[1\]\.output/,
    );
    expect(call([{ key: '2026-01', output: 1, inputs: { energy: Number.NaN } }])).toThrow(
      /periods\[0\]\.inputs\.energy/,
    );
    expect(call([{ key: '2026-01', output: 1 }])).toThrow(/periods\[0\]\.inputs/);
    expect(call(records, { flowParameter: 'debit' })).toThrow(GpError);
    expect(call([])).toThrow(/periods/);
  });

  it('scales every eco-efficiency and the productivity by k when the output is scaled by k', () => {
    const result = monitored();
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (jan, feb, k) => {
          const periods = (scale: number): ProductionMonth[] => [
            { key: '2026-01', output: jan * scale, inputs: { material: 500 } },
            { key: '2026-02', output: feb * scale, inputs: { material: 700 } },
          ];
          const base = ecoEfficiencyOverTime(periods(1), result, { flowParameter: 'flow' });
          const scaled = ecoEfficiencyOverTime(periods(k), result, { flowParameter: 'flow' });
          base.months.forEach((m, i) => {
            const s = scaled.months[i];
            const pairs: [MonthIndicator | undefined, MonthIndicator | undefined][] = [
              [m.productivity, s?.productivity],
              [m.perLoad['cod'], s?.perLoad['cod']],
              [m.perVolume, s?.perVolume],
            ];
            for (const [a, b] of pairs) {
              expect(valueOf(b) / valueOf(a)).toBeCloseTo(k, 6);
            }
          });
        },
      ),
    );
  });

  it('returns only finite numbers or throws a GpError for nasty inputs', () => {
    const result = monitored();
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyValue, (output, input, key) => {
        expectFiniteOrGpError(() =>
          ecoEfficiencyOverTime(
            [
              { key: '2026-01', output, inputs: { material: input } },
              { key: key as string, output: 1, totalInput: 1 },
            ],
            result,
            { flowParameter: 'flow' },
          ),
        );
      }),
    );
  });
});
