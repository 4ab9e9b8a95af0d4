import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  LIKERT_DEFAULT_SCALE,
  likertItemColumns,
  likertRespondentTotals,
  requireLikertResponses,
  requireLikertScale,
} from './likert-responses.js';

describe('Likert responses', () => {
  it('accept a respondents × items matrix on the default 1–5 scale', () => {
    const checked = requireLikertResponses([
      [4, 5, 3],
      [3, 4, 4],
    ]);
    expect(checked).toMatchObject({ respondents: 2, items: 3, scale: LIKERT_DEFAULT_SCALE });
    expect(likertItemColumns(checked)).toEqual([
      [4, 3],
      [5, 4],
      [3, 4],
    ]);
    expect(likertRespondentTotals(checked)).toEqual([12, 11]);
  });

  it('accept other scales: 1–7, 0–4, and averaged (non-whole) scores within them', () => {
    expect(requireLikertResponses([[7, 1]], { min: 1, max: 7 }).items).toBe(2);
    expect(requireLikertResponses([[0, 4]], { min: 0, max: 4 }).respondents).toBe(1);
    expect(requireLikertResponses([[3.5, 4.25]]).scores).toEqual([[3.5, 4.25]]);
  });

  it('name the score that lies off the scale, the short row and the bad scale', () => {
    expect(() => requireLikertResponses([[4, 6]])).toThrow(
      'responses[0][1]: must be on the scale 1–5, got 6',
    );
    expect(() => requireLikertResponses([[4, 0]])).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'responses[0][1]' }),
    );
    expect(() => requireLikertResponses([[4, 5], [3]])).toThrow(
      'responses[1]: must have 2 scores (as responses[0]), got 1',
    );
    expect(() => requireLikertResponses([[4, Number.NaN]])).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE', field: 'responses[0][1]' }),
    );
    expect(() => requireLikertResponses([])).toThrow('responses: must not be empty');
    expect(() => requireLikertResponses([[1, 2]], { min: 5, max: 1 })).toThrow(
      'scale.max: must be > min (5), got 1',
    );
    expect(() => requireLikertScale(null)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'scale' }),
    );
    expect(() => requireLikertResponses([[1]], LIKERT_DEFAULT_SCALE, 3)).toThrow(
      'responses: must have at least 3 items, got 1',
    );
  });

  it("sum each respondent's scores without overflow surprises", () => {
    expect(() =>
      likertRespondentTotals(requireLikertResponses([[1e308, 1e308]], { min: 0, max: 1e308 })),
    ).toThrow(expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'responses[0]' }));
  });

  it('return a checked matrix or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 4 })), { maxLength: 4 }),
        ),
        fc.oneof(nastyValue, fc.record({ min: nastyNumber, max: nastyNumber })),
        (responses, scale) => {
          expectFiniteOrGpError(() => requireLikertResponses(responses, scale));
        },
      ),
    );
  });
});
