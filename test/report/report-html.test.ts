/**
 * Whole reports: the three published studies in both languages, a synthetic study that
 * exercises every section, and random valid studies. Checks numbering, number formats, the
 * published key values, escaping, accessibility and self-containment.
 */
import fc from 'fast-check';
import { auditStudy } from '../../src/engine/audit/index.js';
import { describe, expect, it } from 'vitest';
import { evaluateStudy } from '../../src/engine/study/evaluate-study.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { studyArbitrary } from '../support/study-arbitrary.js';
import {
  cvAbcTextWith,
  cvAbcTextWithout,
  EXAMPLES,
  loadExample,
  loadStudyText,
  type ExampleName,
} from './examples.js';
import { HOSTILE, syntheticStudy } from './fixtures.js';

type Language = 'id' | 'en';
const LANGUAGES: readonly Language[] = ['id', 'en'];

const reports = new Map<string, string>();
function report(name: ExampleName, language: Language): string {
  const key = `${name}:${language}`;
  let html = reports.get(key);
  if (html === undefined) {
    const { study, evaluation } = loadExample(name);
    html = renderReportHtml(study, evaluation, { language, date: '2026-11-23' });
    reports.set(key, html);
  }
  return html;
}

/** Visible text of the document: tags removed, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The markup with the whitespace between tags removed. */
function compact(html: string): string {
  return html.replace(/>\s+</g, '><').replace(/>\s+/g, '>').replace(/\s+</g, '<');
}

function tableNumbers(html: string, word: string): number[] {
  return [
    ...html.matchAll(new RegExp(`<caption><span class="number">${word} (\\d+)\\.</span>`, 'g')),
  ].map((m) => Number(m[1]));
}

/** Structural checks every report must pass. */
function expectWellFormedReport(markup: string, language: Language): void {
  const html = compact(markup);
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toContain(`<html lang="${language}">`);
  // Self-contained and inert: no scripts, no external resources.
  expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<img/i);
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  for (const tag of tags) expect(tag).not.toMatch(/\s(src|on[a-z]+|srcset|formaction)\s*=/i);
  const styles = (html.match(/<style[^>]*>[\s\S]*?<\/style>/g) ?? []).join('');
  expect(styles).not.toMatch(/url\(|@import/i);
  const links = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] ?? '');
  for (const link of links) expect(link).toMatch(/^(#|https?:\/\/)/);
  // Tables and figures numbered 1, 2, 3 … in order.
  const tables = tableNumbers(html, language === 'id' ? 'Tabel' : 'Table');
  expect(tables).toEqual(tables.map((_, i) => i + 1));
  expect(tables.length).toBe((html.match(/<caption>/g) ?? []).length);
  const figures = [
    ...html.matchAll(
      new RegExp(
        `<figcaption><span class="number">${language === 'id' ? 'Gambar' : 'Figure'} (\\d+)\\.`,
        'g',
      ),
    ),
  ].map((m) => Number(m[1]));
  expect(figures).toEqual(figures.map((_, i) => i + 1));
  expect(figures.length).toBe((html.match(/<figcaption>/g) ?? []).length);
  // Every header cell has a scope.
  const ths = html.match(/<th\b[^>]*>/g) ?? [];
  for (const th of ths) expect(th).toMatch(/\sscope="(col|row|colgroup|rowgroup)"/);
  // Headings start at h1 and never skip a level.
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1);
  });
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  // No empty section.
  expect(html).not.toMatch(/<section[^>]*>\s*<h[2-4][^>]*>[^<]*<\/h[2-4]>\s*<\/section>/);
}

describe.each(EXAMPLES)('report of %s', (name) => {
  it.each(LANGUAGES)('is a well-formed, self-contained document (%s)', (language) => {
    expectWellFormedReport(report(name, language), language);
    expect(
      tableNumbers(compact(report(name, language)), language === 'id' ? 'Tabel' : 'Table').length,
    ).toBeGreaterThan(5);
  });

  it('is in the language asked for', () => {
    expect(report(name, 'id')).toContain('Ringkasan');
    expect(report(name, 'id')).toContain('Tabel 1.');
    expect(report(name, 'en')).toContain('Summary');
    expect(report(name, 'en')).toContain('Table 1.');
    expect(report(name, 'en')).not.toContain('Tabel 1.');
    expect(text(report(name, 'id'))).toContain('23 November 2026');
  });
});

describe('key published values, formatted per language', () => {
  it('CV. ABC: EPI, BCR, money and productivity', () => {
    const id = text(report('cv-abc', 'id'));
    const en = text(report('cv-abc', 'en'));
    expect(id).toContain('Total indeks EPI 1,33');
    expect(en).toContain('Total EPI 1.33');
    expect(id).toContain('41,67 %');
    expect(en).toContain('41.67%');
    expect(id).toContain('-1,04');
    expect(en).toContain('-1.04');
    expect(id).toMatch(/BCR 2,61 3,12/);
    expect(en).toMatch(/BCR 2\.61 3\.12/);
    expect(id).toContain('Rp 73.360.000');
    expect(en).toContain('Rp 73,360,000');
    expect(id).toContain('Rp 19.352.183');
    expect(id).toContain('124,31 %');
    expect(en).toContain('124.31%');
    expect(id).toContain('Alternatif terpilih: “Pompa dan DAF (dissolved air flotation)”');
    // Estimated EPI after each option (Tabel IV's terms for alternative 2).
    expect(id).toContain('88,33 %');
    expect(id).toContain('15,24');
  });

  it('PT ECCO Tannery: EPI 29,20 (a lower bound), productivity, waste reduction, IRR', () => {
    const id = text(report('ecco-tannery', 'id'));
    const en = text(report('ecco-tannery', 'en'));
    expect(id).toContain('≥ 29,20');
    expect(en).toContain('≥ 29.20');
    expect(id).toContain('< 0,0072');
    expect(id).toContain('145,39 %');
    expect(en).toContain('145.39%');
    expect(id).toContain('146,35 %');
    expect(id).toContain('29,1 %');
    expect(id).toContain('66,9 %');
    expect(en).toContain('66.9%');
    expect(id).toContain('283.314,73');
    expect(en).toContain('283,314.73');
    expect(id).toContain('180,43 %');
    expect(id).toContain('Bagian WWTP & Laboratory');
    expect(report('ecco-tannery', 'id')).toContain('Bagian WWTP &amp; Laboratory');
  });

  it('PR. Adi Bungsu: weighted sums 291 and 292, the traffic-light EPI, the sieve', () => {
    const html = report('adi-bungsu', 'id');
    const id = text(html);
    const en = text(report('adi-bungsu', 'en'));
    expect(id).toMatch(/Jumlah 224 291 290/);
    expect(id).toMatch(/Jumlah 292 229 238/);
    expect(en).toMatch(/Total 224 291 290/);
    // The chosen options are highlighted.
    expect(compact(html)).toMatch(
      /class="num chosen"[^>]*>3\. Mengganti bak perendaman dengan steam tube/,
    );
    expect(compact(html)).toMatch(
      /class="num chosen"[^>]*>2\. Membersihkan dan melumasi pisau pemotong/,
    );
    expect(id).toContain('Total indeks EPI 2,67');
    expect(en).toContain('Total EPI 2.67');
    expect(id).toContain('9,64 · hijau');
    expect(en).toContain('1.76 · red');
    expect(id).toContain('Tereliminasi : Waktu (bulan) 12 > 6; Sumber daya manusia: tidak');
    expect(id).toContain('Tereliminasi : Biaya (Rp) 300.000.000 > 250.000.000');
    expect(id).toContain('27,12 %');
    expect(id).toContain('-1,04 kg/h (-6,65 %) · output > input');
    // Fishbone text of every cause.
    for (const cause of loadExample('adi-bungsu').study.problems?.flatMap((p) => p.causes ?? []) ??
      []) {
      expect(html).toContain(`Mesin`);
      const words = cause.text.split(' ');
      expect(id).toContain(words.slice(0, 2).join(' '));
    }
  });

  it('leaves out sections without data', () => {
    const cv = report('cv-abc', 'id');
    expect(cv).not.toContain('id="mass-balance"');
    expect(cv).not.toContain('id="sieve"');
    expect(cv).not.toContain('id="weighted-sum"');
    expect(cv).not.toContain('id="ahp"');
    expect(cv).not.toContain('id="plan"');
    expect(cv).not.toContain('id="audit"');
    expect(cv).toContain('id="epi"');
    const adi = report('adi-bungsu', 'id');
    expect(adi).toContain('id="mass-balance"');
    expect(adi).not.toContain('id="financial"');
    expect(adi).not.toContain('id="productivity"');
  });
});

describe('the synthetic study (every section)', () => {
  const evaluation = evaluateStudy(syntheticStudy);
  const audit = auditStudy(
    {
      ...syntheticStudy,
      published: [
        { result: 'epi.total', value: 1.34, decimals: 2, percent: false, text: '1,34' },
        { result: `x${HOSTILE}`, value: 1, decimals: 0, percent: false, text: HOSTILE },
      ],
    },
    evaluation,
  );
  const en = renderReportHtml(syntheticStudy, evaluation, { language: 'en', audit });
  const id = renderReportHtml(syntheticStudy, evaluation, { language: 'id', audit });

  it('computes without input errors', () => {
    expect(evaluation.errors).toEqual([]);
  });

  it('renders <script> in titles, names, causes and options inert', () => {
    for (const html of [en, id]) {
      expectWellFormedReport(html, html === en ? 'en' : 'id');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>Sehat');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(text(html)).toContain(`Tofu plant ${HOSTILE} study`);
    }
    expect(en).toContain('<title>Tofu plant &lt;script&gt;');
    expect(en).toContain('href="https://example.org/study?a=1&amp;b=&lt;2&gt;"');
  });

  it('shows AHP with λmax, CI, CR and a warning over 0.1', () => {
    expect(en).toContain('id="ahp"');
    expect(text(en)).toMatch(/λmax 10\.1111/);
    expect(text(en)).toContain('Consistency ratio (CR) 6.130');
    expect(text(en)).toContain('Warning: CR 6.130 > 0.1');
    expect(text(id)).toContain('Perhatian: CR 6,130 > 0,1');
    expect(text(en)).toMatch(/BOD 1 9 1\/9/);
  });

  it('shows the Likert weights with validity and reliability, and the survey', () => {
    expect(en).toContain('id="likert"');
    expect(text(en)).toContain('Likert questionnaire: hazard');
    expect(text(en)).toMatch(/6 respondents; critical r 0\.811 \(α = 0\.05, df = 4\)/);
    expect(text(en)).toContain('Cronbach’s α =');
    expect(text(id)).toContain('r tabel 0,811');
    expect(en).toContain('id="survey"');
    expect(text(en)).toContain(`Awareness ${HOSTILE}`);
    expect(text(id)).toMatch(/Awareness .* 3 38 45 84,44 % sangat baik/);
  });

  it('draws the fishbone with all seven categories', () => {
    for (const label of [
      'Man',
      'Machine',
      'Method',
      'Material',
      'Environment',
      'Measurement',
      'Other',
    ]) {
      expect(en).toContain(`>${label}</text>`);
    }
    for (const label of ['Manusia', 'Mesin', 'Metode', 'Lingkungan', 'Pengukuran', 'Lain-lain']) {
      expect(id).toContain(`>${label}</text>`);
    }
    expect(text(en)).toContain('Energy use');
  });

  it('shows the audit with matches and discrepancies', () => {
    expect(en).toContain('id="audit"');
    expect(text(en)).toMatch(/\d match, \d discrepancies, 1 could not be computed\./);
    expect(en).toMatch(/class="audit-(discrepancy|match)"/);
    expect(en).toMatch(/class="audit-unresolved"/);
  });

  it('shows the decision, NPV and the plan with schedules', () => {
    expect(text(en)).toContain('Chosen: “Counter-current soaking”. NPV of each option:');
    expect(text(en)).toContain('Jan 2026');
    expect(en).toContain('rowspan="2"');
    expect(text(en)).toContain('1,250');
    expect(text(id)).toContain('1.250');
  });
});

describe('random valid studies', () => {
  it('always render a well-formed report with every user text escaped', () => {
    fc.assert(
      fc.property(studyArbitrary, fc.constantFrom<Language>('id', 'en'), (study, language) => {
        let evaluation;
        try {
          evaluation = evaluateStudy(study);
        } catch {
          fc.pre(false);
          return;
        }
        const html = renderReportHtml(study, evaluation, { language });
        expectWellFormedReport(html, language);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the uncertainty section (cv-abc, whose study file has an uncertainty block)', () => {
  const study = loadStudyText(cvAbcTextWith());
  const evaluation = evaluateStudy(study);
  const render = (language: Language) =>
    renderReportHtml(study, evaluation, { language, date: '2026-11-23' });

  it('is in the example’s report, and absent without the block', () => {
    const plain = loadStudyText(cvAbcTextWithout());
    for (const language of LANGUAGES) {
      expect(report('cv-abc', language)).toContain('id="uncertainty"');
      expect(report('adi-bungsu', language)).not.toContain('id="uncertainty"');
      const html = renderReportHtml(plain, evaluateStudy(plain), {
        language,
        date: '2026-11-23',
      });
      expect(html).not.toContain('id="uncertainty"');
    }
  });

  for (const language of LANGUAGES) {
    it(`shows the distributions, probabilities, tornado and robustness (${language})`, () => {
      const html = render(language);
      expectWellFormedReport(html, language);
      expect(html).toContain('id="uncertainty"');
      const t = text(html);
      const [title, distribution, probability, tornado, sentence] =
        language === 'id'
          ? [
              'Analisis ketidakpastian (Monte Carlo)',
              'Sebaran hasil Pompa dan DAF',
              'Peluang tiap opsi menjadi yang terbaik (BCR tertinggi)',
              'Tornado BCR:',
              /Pilihan alt-2 menurut BCR tertinggi (kokoh|cukup kokoh|tidak kokoh): opsi ini terpilih pada [\d,]+ ?% iterasi\./,
            ]
          : [
              'Uncertainty analysis (Monte Carlo)',
              'Distribution of the results of Pompa dan DAF',
              'Probability each option is the best (highest BCR)',
              'Tornado of BCR:',
              /The choice of alt-2 by highest BCR is (robust|fairly robust|not robust): it is chosen in [\d.]+ ?% of iterations\./,
            ];
      expect(t).toContain(title);
      expect(t).toContain(distribution);
      expect(t).toContain(probability);
      expect(t).toContain(tornado);
      expect(t).toMatch(sentence);
      expect(t).toMatch(/P5 P50 P95/);
      expect(html).toMatch(/<figure class="chart"><svg role="img" aria-label="Tornado/);
      // Seeded: the same study renders the same numbers (SVG class ids differ per chart instance).
      expect(text(render(language))).toBe(t);
    });
  }
});
