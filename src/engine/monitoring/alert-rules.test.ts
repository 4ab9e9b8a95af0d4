import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyValue } from '../../../test/support/finite.js';
import { checkAlertRules } from './alert-rules.js';

const parameters = [
  { id: 'ph', hasLimit: true },
  { id: 'cod', hasLimit: true },
  { id: 'flow', hasLimit: false },
];

describe('checkAlertRules', () => {
  it('applies a rule without a parameter to every parameter with a limit, or to all for completeness', () => {
    expect(
      checkAlertRules(
        [
          { kind: 'exceedance' },
          { kind: 'run', parameter: 'cod', minReadings: 15 },
          { kind: 'completeness', below: 0.9 },
        ],
        parameters,
        true,
      ),
    ).toEqual([
      { index: 0, kind: 'exceedance', parameters: [0, 1], minReadings: 1, below: 0 },
      { index: 1, kind: 'run', parameters: [1], minReadings: 15, below: 0 },
      { index: 2, kind: 'completeness', parameters: [0, 1, 2], minReadings: 0, below: 0.9 },
    ]);
    expect(checkAlertRules(undefined, parameters, false)).toEqual([]);
  });

  it('names the field of a bad rule', () => {
    expect(() =>
      checkAlertRules([{ kind: 'run', parameter: 'bod', minReadings: 3 }], parameters, true),
    ).toThrow('alerts[0].parameter: "bod" is not a monitored parameter');
    expect(() =>
      checkAlertRules([{ kind: 'exceedance', parameter: 'flow' }], parameters, true),
    ).toThrow('alerts[0].parameter: "flow" has no limit to check');
    expect(() => checkAlertRules([{ kind: 'run', minReadings: 2.5 }], parameters, true)).toThrow(
      /^alerts\[0\]\.minReadings: must be a whole number ≥ 1/,
    );
    expect(() => checkAlertRules([{ kind: 'completeness', below: 1.5 }], parameters, true)).toThrow(
      'alerts[0].below: must be > 0 and ≤ 1, got 1.5',
    );
    expect(() =>
      checkAlertRules([{ kind: 'completeness', below: 0.9 }], parameters, false),
    ).toThrow('alerts[0]: a completeness rule needs expectedIntervalSeconds');
    expect(() =>
      checkAlertRules([{ kind: 'exceedance' }], [{ id: 'flow', hasLimit: false }], true),
    ).toThrow('alerts[0]: no monitored parameter has a limit to check');
  });

  it('returns only finite numbers or a GpError for nasty rules', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(
            fc.record({
              kind: fc.constantFrom('exceedance', 'run', 'completeness', 'x', 3),
              parameter: fc.constantFrom(undefined, 'ph', 'flow', '', 'x'),
              minReadings: nastyValue,
              below: nastyValue,
            }),
            { maxLength: 3 },
          ),
        ),
        fc.boolean(),
        (rules, hasInterval) => {
          expectFiniteOrGpError(() => checkAlertRules(rules, parameters, hasInterval));
        },
      ),
    );
  });
});
