import { describe, expect, it } from 'vitest';
import { checkMonitoringSettings } from '../../../engine/monitoring/index.js';
import { runReadings, withAlerts } from './alerts.js';

describe('alert rules', () => {
  it('asks for half-hour runs at the logger’s interval, every exceedance without one', () => {
    expect(runReadings(120)).toBe(15);
    expect(runReadings(30 * 86_400)).toBe(1);
    expect(runReadings(undefined)).toBe(1);
  });

  it('adds only the rules the settings can carry', () => {
    const limited = withAlerts({
      parameters: [{ id: 'cod', limit: { max: 50 } }, { id: 'flow' }],
      utcOffsetMinutes: 420,
      expectedIntervalSeconds: 120,
    });
    expect(limited.alerts).toEqual([
      { kind: 'run', minReadings: 15 },
      { kind: 'completeness', below: 0.9 },
    ]);
    expect(() => checkMonitoringSettings(limited)).not.toThrow();
    const bare = withAlerts({ parameters: [{ id: 'flow' }], utcOffsetMinutes: 420 });
    expect(bare.alerts).toBeUndefined();
  });
});
