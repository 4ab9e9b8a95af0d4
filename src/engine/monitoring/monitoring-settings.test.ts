import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyValue } from '../../../test/support/finite.js';
import { checkMonitoringSettings } from './monitoring-settings.js';

describe('checkMonitoringSettings', () => {
  it('resolves the flow parameter, the loads and the defaults of a SPARING set-up', () => {
    const checked = checkMonitoringSettings({
      parameters: [
        { id: 'ph', limit: { range: { low: 6, high: 9 } } },
        { id: 'cod', limit: { max: 100 }, loadLimit: { perDay: 120 } },
        { id: 'tss', limit: { max: 60 }, load: true },
        { id: 'nh3n', limit: { max: 5 } },
        { id: 'flow' },
      ],
      flowParameter: 'flow',
      utcOffsetMinutes: 420,
      expectedIntervalSeconds: 120,
    });
    expect(checked.flowIndex).toBe(4);
    expect(checked.parameters.map((p) => p.load)).toEqual([false, true, true, false, false]);
    expect(checked.loadUnitFactor).toBe(0.001);
    expect(checked.maxEvents).toBe(10_000);
    expect(checked.period).toBeUndefined();
    expect(checked.parameters[0]?.limit).toEqual({ min: 6, max: 9 });
  });

  it('names the field of bad settings', () => {
    const ok = { parameters: [{ id: 'cod' }, { id: 'flow' }], utcOffsetMinutes: 420 };
    expect(() => checkMonitoringSettings(null)).toThrow(/^settings must be an object/);
    expect(() =>
      checkMonitoringSettings({
        ...ok,
        parameters: [{ id: 'cod' }, { id: 'ph', limit: { max: Infinity } }],
      }),
    ).toThrow('parameters[1].limit.max: must be a finite number, got Infinity');
    expect(() =>
      checkMonitoringSettings({
        ...ok,
        flowParameter: 'flow',
        parameters: [{ id: 'cod' }, { id: 'flow', load: true }],
      }),
    ).toThrow('parameters[1].load: the flow parameter carries no load of its own');
    expect(() =>
      checkMonitoringSettings({
        ...ok,
        parameters: [{ id: 'cod', load: false, loadLimit: { perDay: 1 } }],
      }),
    ).toThrow('parameters[0].load: is false but a loadLimit is given');
    expect(() =>
      checkMonitoringSettings({ ...ok, period: { startMs: 0, endMs: 3660 * 86_400_000 } }),
    ).toThrow(/^period: may span at most 3659 days/);
    expect(() => checkMonitoringSettings({ ...ok, maxEvents: -1 })).toThrow(/^maxEvents:/);
    expect(() => checkMonitoringSettings({ ...ok, loadUnitFactor: Number.NaN })).toThrow(
      /^loadUnitFactor:/,
    );
  });

  it('returns only finite numbers or a GpError for nasty settings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.record({
            parameters: fc.oneof(
              nastyValue,
              fc.array(fc.record({ id: nastyValue, limit: nastyValue }), { maxLength: 2 }),
            ),
            utcOffsetMinutes: nastyValue,
            period: fc.oneof(nastyValue, fc.record({ startMs: nastyValue, endMs: nastyValue })),
            maxEvents: nastyValue,
          }),
        ),
        (settings) => {
          expectFiniteOrGpError(() => checkMonitoringSettings(settings));
        },
      ),
    );
  });
});
