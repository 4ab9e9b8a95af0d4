/**
 * `lestari compute` for people: aligned tables in GP step order, numbers in the study's
 * language (Indonesian: decimal comma). Display rounding only; `--json` has full precision.
 */
import type { StudyEvaluation } from '../engine/study/evaluate-study.js';
import type { StudyInput } from '../engine/study/study-input.js';
import {
  formatFractionPercent,
  formatInput,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSigned,
  type ReportLanguage,
} from '../report/format.js';
import { inputCategoryLabel } from '../report/i18n.js';
import { textTable } from './text-table.js';

const T = {
  id: {
    massBalance: 'Neraca massa dan produktivitas per proses',
    process: 'Proses',
    input: 'Input',
    product: 'Produk',
    waste: 'Limbah',
    closure: 'Selisih',
    productivity: 'Produktivitas',
    rank: 'Urutan',
    sumOverSum: 'Σ produk / Σ input',
    meanOfRatios: 'Rata-rata rasio',
    periods: 'Produktivitas per periode',
    period: 'Periode',
    output: 'Output',
    year: 'Tahun (Σ output / Σ input)',
    partial: 'Produktivitas parsial',
    category: 'Kategori',
    epi: 'Environmental Performance Indicator (EPI)',
    parameter: 'Parameter',
    measured: 'Hasil uji',
    weight: 'Bobot',
    performance: 'Penyimpangan (Pi)',
    level: 'Level',
    term: 'Wi·Pi',
    total: 'Total',
    bound: 'batas',
    atLeast: 'batas bawah: ada hasil di bawah batas deteksi',
    atMost: 'batas atas: ada hasil di atas batas deteksi',
    estimate: 'perkiraan: hasil di bawah batas deteksi dihitung setengahnya',
    ahp: 'Bobot AHP',
    item: 'Item',
    sieve: 'Sieve method',
    option: 'Opsi',
    result: 'Hasil',
    kept: 'lolos',
    eliminated: 'tereliminasi',
    weightedSum: 'Weighted sum method',
    economics: 'Analisis finansial',
    investment: 'Investasi',
    annualCost: 'Biaya/tahun',
    annualBenefit: 'Manfaat/tahun',
    life: 'n',
    rate: 'i',
    aw: 'Annual worth',
    bcr: 'BCR',
    npv: 'NPV',
    irr: 'IRR',
    payback: 'Payback (tahun)',
    never: 'tidak kembali',
    none: 'tidak ada',
    several: 'beberapa',
    effects: 'Estimasi setelah opsi',
    before: 'Sebelum',
    after: 'Sesudah',
    change: 'Perubahan',
    wasteReduction: 'Pengurangan limbah',
    decision: 'Keputusan',
    chosen: 'Opsi terpilih',
  },
  en: {
    massBalance: 'Mass balance and productivity per process',
    process: 'Process',
    input: 'Input',
    product: 'Product',
    waste: 'Waste',
    closure: 'Closure',
    productivity: 'Productivity',
    rank: 'Rank',
    sumOverSum: 'Σ products / Σ inputs',
    meanOfRatios: 'Mean of ratios',
    periods: 'Productivity by period',
    period: 'Period',
    output: 'Output',
    year: 'Year (Σ output / Σ input)',
    partial: 'Partial productivity',
    category: 'Category',
    epi: 'Environmental Performance Indicator (EPI)',
    parameter: 'Parameter',
    measured: 'Measured',
    weight: 'Weight',
    performance: 'Deviation (Pi)',
    level: 'Level',
    term: 'Wi·Pi',
    total: 'Total',
    bound: 'bound',
    atLeast: 'a lower bound: some results are below the detection limit',
    atMost: 'an upper bound: some results are above the detection limit',
    estimate: 'an estimate: results below the detection limit taken at half',
    ahp: 'AHP weights',
    item: 'Item',
    sieve: 'Sieve method',
    option: 'Option',
    result: 'Result',
    kept: 'kept',
    eliminated: 'eliminated',
    weightedSum: 'Weighted sum method',
    economics: 'Financial appraisal',
    investment: 'Investment',
    annualCost: 'Cost/year',
    annualBenefit: 'Benefit/year',
    life: 'n',
    rate: 'i',
    aw: 'Annual worth',
    bcr: 'BCR',
    npv: 'NPV',
    irr: 'IRR',
    payback: 'Payback (years)',
    never: 'never',
    none: 'none',
    several: 'several',
    effects: 'Estimates after each option',
    before: 'Before',
    after: 'After',
    change: 'Change',
    wasteReduction: 'Waste reduction',
    decision: 'Decision',
    chosen: 'Chosen option',
  },
} as const;

export function computeText(
  study: StudyInput,
  evaluation: StudyEvaluation,
  lang: ReportLanguage,
): string {
  const t = T[lang];
  const r = evaluation.results;
  const n = (v: number, d = 2) => formatNumber(v, lang, d);
  const pct = (v: number, d = 2) => formatPercent(v, lang, d);
  const out: string[] = [`${study.study.title}`, `${study.study.organisation.name}`, ''];
  const section = (title: string, body: string) => out.push(`■ ${title}`, body, '');

  if (r.massBalance !== undefined) {
    const p = r.massBalance.productivity;
    const rows = r.massBalance.balance.processes.map((b, i) => {
      const pp = p.processes[i];
      return [
        b.name,
        n(b.totalInput),
        n(b.totalProduct),
        n(b.totalWaste),
        n(b.closureError),
        pp === undefined ? '' : pct(pp.percent),
        pp === undefined ? '' : String(pp.rankFromWeakest),
      ];
    });
    section(
      `${t.massBalance} (${r.massBalance.balance.unit})`,
      textTable(
        [
          { header: t.process },
          { header: t.input, align: 'right' },
          { header: t.product, align: 'right' },
          { header: t.waste, align: 'right' },
          { header: t.closure, align: 'right' },
          { header: t.productivity, align: 'right' },
          { header: t.rank, align: 'right' },
        ],
        rows,
      ) +
        `\n${t.sumOverSum}: ${pct(p.ratioOfTotals.percent)}   ${t.meanOfRatios}: ${pct(p.meanOfRatios.percent)}`,
    );
  }

  if (r.productivity !== undefined) {
    const { periods, year } = r.productivity;
    const rows = periods.periods.map((p) =>
      p.kind === 'computed'
        ? [p.label, n(p.totalOutput), n(p.totalInput), pct(p.percent)]
        : [p.label, '', '', pct(p.percent)],
    );
    const totals =
      periods.ratioOfTotals.kind === 'available'
        ? `${t.year}: ${pct(periods.ratioOfTotals.percent)}   `
        : '';
    section(
      `${t.periods}${periods.unit === undefined ? '' : ` (${periods.unit})`}`,
      textTable(
        [
          { header: t.period },
          { header: t.output, align: 'right' },
          { header: t.input, align: 'right' },
          { header: t.productivity, align: 'right' },
        ],
        rows,
      ) + `\n${totals}${t.meanOfRatios}: ${pct(periods.meanOfRatios.percent)}`,
    );
    if (year !== undefined) {
      section(
        t.partial,
        textTable(
          [
            { header: t.category },
            { header: t.input, align: 'right' },
            { header: t.productivity, align: 'right' },
          ],
          year.partial.map((p) => [
            inputCategoryLabel(p.category, lang),
            n(p.input),
            p.kind === 'ratio' ? n(p.ratio, 4) : '—',
          ]),
        ),
      );
    }
  }

  if (r.epi !== undefined) {
    const epi = r.epi;
    const rows =
      epi.method === 'deviation'
        ? epi.terms.map((term) => [
            term.name ?? term.id ?? '',
            (term.measured.qualifier ?? '') + formatInput(term.measured.reported, lang),
            n(term.weight, 3),
            formatFractionPercent(term.performance, lang, 2),
            n(term.term, 4),
          ])
        : epi.terms.map((term) => [
            term.name ?? term.id ?? '',
            '',
            n(term.weight, 3),
            `${n(term.level, 2)} ${term.band}`,
            n(term.term, 4),
          ]);
    const band = epi.method === 'traffic-light' ? ` (${epi.band})` : '';
    const bound = epi.bound === 'exact' ? '' : `  (${t[epi.bound]})`;
    section(
      t.epi,
      textTable(
        [
          { header: t.parameter },
          { header: t.measured, align: 'right' },
          { header: t.weight, align: 'right' },
          { header: epi.method === 'deviation' ? t.performance : t.level, align: 'right' },
          { header: t.term, align: 'right' },
        ],
        rows,
      ) + `\n${t.total}: ${n(epi.total, 4)}${band}${bound}`,
    );
  }

  for (const ahp of r.weights?.ahp ?? []) {
    section(
      `${t.ahp}: ${ahp.id}`,
      textTable(
        [{ header: t.item }, { header: t.weight, align: 'right' }],
        ahp.items.map((item, i) => [item, n(ahp.weights[i] ?? Number.NaN, 4)]),
      ) +
        `\nλmax ${n(ahp.lambdaMax, 4)}  CI ${n(ahp.consistencyIndex, 4)}  CR ${n(ahp.consistencyRatio, 4)}${ahp.consistent ? '' : ' > 0,1 !'}`,
    );
  }

  const optionName = (id: string) => study.options?.find((o) => o.id === id)?.name ?? id;
  for (const s of r.screening?.sieve ?? []) {
    section(
      `${t.sieve}${s.problem === undefined ? '' : `: ${s.problem}`}`,
      textTable(
        [{ header: t.option }, { header: t.result }],
        s.options.map((o) => [
          `${o.option} ${optionName(o.option)}`,
          o.kept
            ? t.kept
            : `${t.eliminated}: ${o.reasons.map((reason) => reason.criterion).join(', ')}`,
        ]),
      ),
    );
  }
  for (const w of r.screening?.weightedSum ?? []) {
    section(
      `${t.weightedSum}${w.problem === undefined ? '' : `: ${w.problem}`}`,
      textTable(
        [
          { header: t.option },
          { header: t.total, align: 'right' },
          { header: t.rank, align: 'right' },
        ],
        w.options.map((o) => [
          `${o.option} ${optionName(o.option)}`,
          n(o.total, 2),
          String(o.rank),
        ]),
      ),
    );
  }

  const withEconomics = (r.options ?? []).filter((o) => o.economics !== undefined);
  if (withEconomics.length > 0) {
    section(
      t.economics,
      textTable(
        [
          { header: t.option },
          { header: t.investment, align: 'right' },
          { header: t.annualCost, align: 'right' },
          { header: t.annualBenefit, align: 'right' },
          { header: t.life, align: 'right' },
          { header: t.rate, align: 'right' },
          { header: t.aw, align: 'right' },
          { header: t.bcr, align: 'right' },
          { header: t.irr, align: 'right' },
          { header: t.payback, align: 'right' },
        ],
        withEconomics.map((o) => {
          const e = o.economics;
          if (e === undefined) return [];
          const irr =
            e.irr.kind === 'unique'
              ? formatFractionPercent(e.irr.rate, lang, 1)
              : e.irr.kind === 'multiple'
                ? t.several
                : t.none;
          const payback =
            e.payback.simple.kind === 'recovered' ? n(e.payback.simple.years, 2) : t.never;
          return [
            o.id,
            formatMoney(e.investment, lang),
            formatMoney(e.annualCost, lang),
            formatMoney(e.annualBenefit, lang),
            n(e.life, 0),
            formatFractionPercent(e.interestRate, lang, 1),
            formatMoney(e.annualWorth, lang),
            n(e.bcr, 3),
            irr,
            payback,
          ];
        }),
      ),
    );
  }

  const effects = (r.options ?? []).filter((o) => o.effects !== undefined);
  if (effects.length > 0) {
    const rows: string[][] = [];
    for (const o of effects) {
      const e = o.effects;
      if (e?.epi !== undefined) {
        rows.push([
          o.id,
          'EPI',
          n(e.epi.before.total, 4),
          n(e.epi.after.total, 4),
          formatSigned(e.epi.change.absolute, lang, 4),
        ]);
      }
      if (e?.productivity !== undefined) {
        rows.push([
          o.id,
          t.productivity,
          pct(e.productivity.before.percent),
          pct(e.productivity.after.percent),
          formatSigned(e.productivity.change.changePoints, lang, 2),
        ]);
      }
      if (e?.waste !== undefined) {
        rows.push([
          o.id,
          `${t.wasteReduction}${e.waste.unit === undefined ? '' : ` (${e.waste.unit})`}`,
          n(e.waste.before, 2),
          n(e.waste.after, 2),
          `${formatSigned(-e.waste.reduction, lang, 2)} (${pct(-e.waste.reductionPercent, 1)})`,
        ]);
      }
    }
    section(
      t.effects,
      textTable(
        [
          { header: t.option },
          { header: '' },
          { header: t.before, align: 'right' },
          { header: t.after, align: 'right' },
          { header: t.change, align: 'right' },
        ],
        rows,
      ),
    );
  }

  if (r.decision !== undefined) {
    const d = r.decision;
    const irr = d.incrementalIrr === undefined ? '' : `  ΔIRR ${pct(d.incrementalIrr.percent, 1)}`;
    section(
      t.decision,
      `${t.chosen} (${d.rule}): ${d.chosen.map(optionName).join(', ') || '—'}${irr}`,
    );
  }
  return out.join('\n');
}
