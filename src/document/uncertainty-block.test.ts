import { describe, expect, it } from 'vitest';
import { cvAbcTextWith } from '../../test/report/examples.js';
import { parseStudyText } from './parse-study.js';
import { serializeStudy } from './serialize-study.js';

const withInputs = (inputs: string) =>
  cvAbcTextWith(`\nuncertainty:\n  iterations: 100\n  seed: 7\n  inputs:\n${inputs}`);
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the study file uncertainty block', () => {
  it('reads each distribution form, numbers as the file writes them', () => {
    const result = parseStudyText(
      withInputs(
        [
          '    - { path: "options[alt-2].economics.annualBenefits[0].amount", distribution: { triangular: ["Rp 9 juta", "Rp 9,3 juta", "Rp 10 juta"] } }',
          '    - { path: "options[alt-1].economics.interestRate", distribution: { normal: { mean: "10 %", sd: "1 %" } } }',
          '    - { path: "options[alt-1].economics.annualCosts[0].amount", distribution: { plusMinus: "20 %" } }',
          '    - { path: "options[alt-2].effects.removal.tss", distribution: { uniform: "60–75 %" } }',
          '    - { path: "options[alt-1].economics.life", distribution: { uniform: [4, 6] } }',
          '    - { path: "options[alt-2].economics.salvage", distribution: { plusMinus: { value: "Rp 1 juta", fraction: "10 %" } } }',
        ].join('\n'),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.study.uncertainty).toEqual({
      iterations: 100,
      seed: 7,
      inputs: [
        {
          path: 'options[alt-2].economics.annualBenefits[0].amount',
          distribution: { triangular: [9_000_000, 9_300_000, 10_000_000] },
        },
        {
          path: 'options[alt-1].economics.interestRate',
          distribution: { normal: { mean: 0.1, sd: 0.01 } },
        },
        {
          path: 'options[alt-1].economics.annualCosts[0].amount',
          distribution: { plusMinus: 0.2 },
        },
        {
          path: 'options[alt-2].effects.removal.tss',
          distribution: { uniform: { low: 0.6, high: 0.75 } },
        },
        {
          path: 'options[alt-1].economics.life',
          distribution: { uniform: { low: 4, high: 6 } },
        },
        {
          path: 'options[alt-2].economics.salvage',
          distribution: { plusMinus: { value: 1_000_000, fraction: 0.1 } },
        },
      ],
    });
  });

  it('writes the block back to the same study (serializeStudy)', () => {
    const first = parseStudyText(cvAbcTextWith());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    for (const format of ['yaml', 'json'] as const) {
      const again = parseStudyText(serializeStudy(first.study, format));
      expect(again.ok && again.study.uncertainty).toEqual(first.study.uncertainty);
    }
  });

  it('refuses bad distributions, each at its place', () => {
    const text = withInputs(
      [
        '    - path: options[alt-1].economics.interestRate',
        '      distribution: { uniform: "10 %", normal: { mean: "10 %", sd: "1 %" } }',
        '    - path: options[alt-1].economics.life',
        '      distribution: { uniform: 5 }',
        '    - path: options[alt-2].economics.life',
        '      distribution: { triangular: [1, 2] }',
        '    - path: options[alt-2].economics.interestRate',
        '      distribution: { normal: { mean: "10 %", sd: lots } }',
        '    - path: options[alt-2].economics.salvage',
        '      distribution: { gamma: 2 }',
      ].join('\n'),
    );
    const result = parseStudyText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
    expect(byPath['uncertainty.inputs[0].distribution']?.message).toBe(
      'give exactly one of uniform, triangular, normal or plusMinus',
    );
    expect(byPath['uncertainty.inputs[0].distribution']?.line).toBe(
      lineOf(text, 'uniform: "10 %"'),
    );
    expect(byPath['uncertainty.inputs[1].distribution.uniform']?.message).toMatch(
      /must be a range/,
    );
    expect(byPath['uncertainty.inputs[1].distribution.uniform']?.line).toBe(
      lineOf(text, '{ uniform: 5 }'),
    );
    expect(byPath['uncertainty.inputs[2].distribution.triangular']?.line).toBe(
      lineOf(text, 'triangular: [1, 2]'),
    );
    expect(byPath['uncertainty.inputs[3].distribution.normal.sd']?.line).toBe(
      lineOf(text, 'sd: lots'),
    );
    expect(byPath['uncertainty.inputs[4].distribution.gamma']?.message).toMatch(
      /unknown field "gamma"/,
    );
  });

  it('refuses a path that names no input at its line, with the accepted forms', () => {
    const text = withInputs(
      [
        '    - path: options[alt-1].economics.interestRate',
        '      distribution: { plusMinus: 10 % }',
        '    - path: options[alt-9].economics.interestRate',
        '      distribution: { plusMinus: 10 % }',
        '    - path: study.title',
        '      distribution: { plusMinus: 10 % }',
      ].join('\n'),
    );
    const result = parseStudyText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.line])).toEqual([
      ['uncertainty.inputs[1].path', lineOf(text, 'options[alt-9]')],
      ['uncertainty.inputs[2].path', lineOf(text, 'study.title')],
    ]);
    expect(result.errors[0]?.message).toMatch(/no option "alt-9".*options\[id\]\.economics/);
    expect(result.errors[1]?.message).toMatch(/options\[…\]\.economics/);
  });

  it('refuses a distribution outside its input’s domain and a path given twice', () => {
    const text = withInputs(
      [
        '    - path: options[alt-1].economics.interestRate',
        '      distribution: { uniform: [-1, 2] }',
        '    - path: options[alt-1].economics.interestRate',
        '      distribution: { plusMinus: 10 % }',
      ].join('\n'),
    );
    const result = parseStudyText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      'uncertainty.inputs[0].distribution',
      'uncertainty.inputs[1].path',
    ]);
  });

  it('reads measured concentrations, EPI weights and weighted-sum inputs, refusing unknown ones at their line', () => {
    const good = parseStudyText(
      withInputs(
        [
          '    - { path: "effluent.parameters[cod].measured", distribution: { uniform: "55–70" } }',
          '    - { path: "effluent.parameters[ph].weight", distribution: { plusMinus: "10 %" } }',
          '    - { path: "effluent.parameters[tss].measured", distribution: { plusMinus: "15 %" } }',
        ].join('\n'),
      ),
    );
    expect(good.ok && good.study.uncertainty?.inputs?.map((i) => i.path)).toEqual([
      'effluent.parameters[cod].measured',
      'effluent.parameters[ph].weight',
      'effluent.parameters[tss].measured',
    ]);
    const text = withInputs(
      [
        '    - path: effluent.parameters[cod].measured',
        '      distribution: { uniform: [55, 70] }',
        '    - path: effluent.parameters[nitrate].measured',
        '      distribution: { plusMinus: 10 % }',
        '    - path: effluent.parameters[cod].limit',
        '      distribution: { plusMinus: 10 % }',
        '    - path: effluent.parameters[bod].measured',
        '      distribution: { uniform: [-5, 20] }',
      ].join('\n'),
    );
    const result = parseStudyText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.line])).toEqual([
      ['uncertainty.inputs[1].path', lineOf(text, 'parameters[nitrate]')],
      ['uncertainty.inputs[2].path', lineOf(text, 'parameters[cod].limit')],
      ['uncertainty.inputs[3].distribution', lineOf(text, '[-5, 20]')],
    ]);
    expect(result.errors[0]?.message).toMatch(/no effluent parameter "nitrate"/);
    expect(result.errors[1]?.message).toMatch(/effluent\.parameters\[…\]\.measured/);
  });
});
