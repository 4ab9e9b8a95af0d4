import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cvAbcTextWithout } from '../../test/report/examples.js';
import { cli, example } from '../../test/support/cli.js';

describe('lestari uncertainty', () => {
  it('prints the distributions, rank probabilities, tornado and a robustness sentence', async () => {
    const result = await cli('uncertainty', example('cv-abc'), '--iterations', '500');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('500 iterasi, seed 1');
    // cv-abc's own block (benefits ±20 %, the electricity, the interest rate) and its ranges.
    expect(result.stdout).toContain('options[alt-2].economics.interestRate: normal');
    expect(result.stdout).toContain('options[alt-2].effects.removal.cod: uniform');
    expect(result.stdout).toMatch(/BCR tertinggi \*\s+16,8 %\s+83,2 %\s+0,0 %/);
    expect(result.stdout).toMatch(
      /█+ +options\[alt-2\]\.economics\.annualBenefits\[0\]\.amount: 2,5036 … 3,7463/,
    );
    expect(result.stdout).toMatch(/█+ +options\[alt-2\]\.effects\.removal\.cod/);
    expect(result.stdout).toContain(
      'Pilihan alt-2 menurut BCR tertinggi cukup kokoh: opsi ini terpilih pada 83,2 % iterasi.',
    );
    const english = await cli(
      'uncertainty',
      example('cv-abc'),
      '--iterations',
      '500',
      '--lang',
      'en',
    );
    expect(english.stdout).toContain(
      'The choice of alt-2 by highest BCR is fairly robust: it is chosen in 83.2% of iterations.',
    );
  });

  it('gives the same JSON for the same seed and a different one for another seed', async () => {
    const a = await cli('uncertainty', example('cv-abc'), '--iterations', '300', '--json');
    const b = await cli('uncertainty', example('cv-abc'), '--iterations', '300', '--json');
    const c = await cli(
      'uncertainty',
      example('cv-abc'),
      '--iterations',
      '300',
      '--seed',
      '2',
      '--json',
    );
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const json = JSON.parse(a.stdout) as {
      uncertainty: {
        iterations: number;
        options: { id: string; outputs: { epiAfter?: { p50: number } } }[];
      };
    };
    expect(json.uncertainty.iterations).toBe(300);
    expect(json.uncertainty.options[1]?.outputs.epiAfter?.p50).toBeGreaterThan(15.2419);
  });

  it('refuses bad option values with exit code 2', async () => {
    const bad = await cli('uncertainty', example('cv-abc'), '--iterations', 'many');
    expect(bad).toMatchObject({ code: 2, stderr: '--iterations: must be a whole number\n' });
    const zero = await cli('uncertainty', example('cv-abc'), '--iterations', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('settings.iterations');
    const seed = await cli('uncertainty', example('cv-abc'), '--seed', '99999999999');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('seed: must be a whole number 0 … 4294967295');
  });
});

describe('lestari uncertainty with the study’s uncertainty block', () => {
  // examples/cv-abc.yaml carries one (CV_ABC_UNCERTAINTY).
  const file = example('cv-abc');

  it('varies only the study’s ranges without a block', async () => {
    const plain = join(mkdtempSync(join(tmpdir(), 'lestari-uncertainty-')), 'cv-abc-plain.yaml');
    writeFileSync(plain, cvAbcTextWithout());
    const result = await cli('uncertainty', plain, '--iterations', '500');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).not.toContain('options[alt-2].economics.interestRate');
    expect(result.stdout).toContain('options[alt-2].effects.removal.cod: uniform');
    expect(result.stdout).toMatch(/BCR tertinggi \*\s+0,0 %\s+100,0 %/);
    expect(result.stdout).toContain('Pilihan alt-2 menurut BCR tertinggi kokoh');
  });

  it('varies the block’s inputs with its iterations and seed, the same output for the same seed', async () => {
    const a = await cli('uncertainty', file, '--json');
    const b = await cli('uncertainty', file, '--json');
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(b.stdout).toBe(a.stdout);
    const json = JSON.parse(a.stdout) as {
      uncertainty: {
        iterations: number;
        seed: number;
        inputs: { path: string; source: string; distribution: { kind: string; value?: number } }[];
      };
    };
    expect(json.uncertainty.iterations).toBe(2000);
    expect(json.uncertainty.seed).toBe(1);
    const given = json.uncertainty.inputs.filter((i) => i.source === 'given');
    expect(given.map((i) => i.path)).toEqual([
      'options[alt-1].economics.annualBenefits[0].amount',
      'options[alt-2].economics.annualBenefits[0].amount',
      'options[alt-2].economics.annualCosts[1].amount',
      'options[alt-2].economics.interestRate',
    ]);
    // ± without a value is around the input's own point.
    expect(given[0]?.distribution).toEqual({ kind: 'plus-minus', value: 4_650_000, fraction: 0.2 });
  });

  it('lets --iterations and --seed override the block', async () => {
    const a = await cli('uncertainty', file, '--iterations', '300', '--seed', '5', '--json');
    const json = JSON.parse(a.stdout) as { uncertainty: { iterations: number; seed: number } };
    expect(json.uncertainty).toMatchObject({ iterations: 300, seed: 5 });
    const text = await cli('uncertainty', file, '--lang', 'en');
    expect(text.stdout).toContain('2,000 iterations, seed 1');
    expect(text.stdout).toContain('options[alt-2].economics.interestRate: normal');
    expect(text.stdout).toMatch(/The choice of alt-2 by highest BCR is/);
  });
});

describe('lestari uncertainty with EPI inputs and AHP weights', () => {
  it('prints the EPI before and the AHP weights’ flip margins', async () => {
    // cv-abc with its EPI weights taken from an AHP instead of the file.
    const text = cvAbcTextWithout()
      .replace(/\n\s*weight: "[\d,]+",/g, '')
      .replace(/, weight: "[\d,]+"/g, '')
      .replace(
        'epi:\n  method: deviation',
        'epi:\n  method: deviation\n  weightsFrom: epi-weights',
      );
    const ahp = [
      'weights:',
      '  ahp:',
      '    - id: epi-weights',
      '      items: [bod, cod, tss, oil-grease, ph]',
      '      matrix:',
      '        - [1, 2, 2, 1, 3]',
      '        - [0.5, 1, 1, 0.5, 2]',
      '        - [0.5, 1, 1, 0.5, 2]',
      '        - [1, 2, 2, 1, 3]',
      '        - [0.3333333333, 0.5, 0.5, 0.3333333333, 1]',
      'uncertainty:',
      '  iterations: 300',
      '  inputs:',
      '    - { path: "effluent.parameters[cod].measured", distribution: { plusMinus: 10 % } }',
      '',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'lestari-uncertainty-ahp-'));
    const file = join(dir, 'study.yaml');
    writeFileSync(file, `${text}\n${ahp}`);
    const result = await cli('uncertainty', file, '--lang', 'en');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('EPI before (as measured): Point');
    expect(result.stdout).toContain(
      'Flip margins of the AHP weights "epi-weights" for the best EPI',
    );
    expect(result.stdout).toMatch(/Most critical: [a-z-]+ \([+−]/);
  });
});
