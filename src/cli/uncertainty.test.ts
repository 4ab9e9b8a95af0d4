import { describe, expect, it } from 'vitest';
import { cli, example } from '../../test/support/cli.js';

describe('lestari uncertainty', () => {
  it('prints the distributions, rank probabilities, tornado and a robustness sentence', async () => {
    const result = await cli('uncertainty', example('cv-abc'), '--iterations', '500');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('500 iterasi, seed 1');
    expect(result.stdout).toContain('options[alt-2].effects.removal.cod: uniform');
    expect(result.stdout).toMatch(/BCR tertinggi \*\s+0,0 %\s+100,0 %/);
    expect(result.stdout).toMatch(/█+ +options\[alt-2\]\.effects\.removal\.cod/);
    expect(result.stdout).toContain('Pilihan alt-2 menurut BCR tertinggi kokoh');
    const english = await cli(
      'uncertainty',
      example('cv-abc'),
      '--iterations',
      '500',
      '--lang',
      'en',
    );
    expect(english.stdout).toContain('The choice of alt-2 by highest BCR is robust');
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
