import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../engine/study/study-input.js';
import { CAUSE_CATEGORIES, causeCategoryLabel, renderFishboneSvg, wrapText } from './fishbone.js';
import { escapeHtml } from './html.js';

const problem: Problem = {
  id: 'mass-loss',
  title: 'Mass loss pada pelintingan SKM',
  causes: [
    { category: 'machine', text: 'Mesin sudah lama digunakan sehingga aus dan terjadi blank miss' },
    { category: 'machine', text: 'Pisau pemotong kotor sehingga pemotongan tidak rata' },
    { category: 'material', text: 'Kerusakan bahan baku karena supplier yang berbeda-beda' },
    { category: 'environment', text: 'Debu dari mesin pelinting' },
  ],
};

/** The text content of the SVG's <text> elements, lines of a cause joined by spaces. */
function texts(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
}

describe('renderFishboneSvg', () => {
  it('draws every cause, every category with causes and the problem', () => {
    const svg = renderFishboneSvg(problem, 'id');
    expect(svg.startsWith('<svg')).toBe(true);
    const all = texts(svg).replace(/-\s/g, '-');
    for (const cause of problem.causes ?? []) expect(all).toContain(cause.text);
    expect(all).toContain('Mesin');
    expect(all).toContain('Material');
    expect(all).toContain('Lingkungan');
    expect(all).not.toContain('Metode');
    expect(all).toContain('Mass loss pada');
    expect(svg).toContain('<title>Masalah: Mass loss pada pelintingan SKM</title>');
  });
  it('has a description listing the causes by category', () => {
    const svg = renderFishboneSvg(problem, 'en');
    expect(svg).toContain('Machine: Mesin sudah lama');
    expect(svg).toContain('Environment: Debu dari mesin pelinting');
  });
  it('escapes all text', () => {
    const svg = renderFishboneSvg(
      {
        id: 'x',
        title: '<script>alert("t")</script>',
        causes: [{ category: 'other', text: '<img src=x onerror=alert(1)> & more' }],
      },
      'en',
    );
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain(escapeHtml('<img'));
    expect(svg).toContain('&amp; more');
  });
  it('draws all seven categories', () => {
    const svg = renderFishboneSvg(
      {
        id: 'all',
        title: 'Everything',
        causes: CAUSE_CATEGORIES.map((category) => ({ category, text: `cause of ${category}` })),
      },
      'en',
    );
    for (const c of CAUSE_CATEGORIES) {
      expect(texts(svg)).toContain(causeCategoryLabel(c, 'en'));
      expect(texts(svg)).toContain(`cause of ${c}`);
      expect(svg).toContain(`${causeCategoryLabel(c, 'en')}: cause of ${c}`);
    }
  });
  it('is empty for a problem without causes', () => {
    expect(renderFishboneSvg({ id: 'p', title: 'No causes' }, 'id')).toBe('');
    expect(renderFishboneSvg({ id: 'p', title: 'No causes', causes: [] }, 'id')).toBe('');
  });
});

describe('wrapText', () => {
  it('wraps at spaces', () => {
    expect(wrapText('Pisau pemotong kotor sehingga pemotongan tidak rata', 20)).toEqual([
      'Pisau pemotong kotor',
      'sehingga pemotongan',
      'tidak rata',
    ]);
  });
  it('keeps every line within the width and every word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,30}$/), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 4, max: 40 }),
        (words, width) => {
          const lines = wrapText(words.join(' '), width);
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
          expect(lines.join(' ').replace(/-\s?/g, '').replace(/\s+/g, '')).toBe(words.join(''));
        },
      ),
    );
  });
});
