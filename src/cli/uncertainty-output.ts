/**
 * `lestari uncertainty` for people: per option a table of the outputs' distributions, the
 * probability each option is chosen under each rule, the sieve pass rates, the tornado as
 * text bars, the weighted sums' flip margins, and one sentence on how robust the choice is.
 */
import type { StudyInput } from '../engine/study/study-input.js';
import type { MonteCarloOutput, MonteCarloStudyResult } from '../engine/uncertainty/index.js';
import { formatNumber, formatPercent, type ReportLanguage } from '../report/format.js';
import { OUTPUT_LABEL, robustnessSentence, ruleLabel, share } from '../report/robustness.js';
import { textTable } from './text-table.js';

const T = {
  id: {
    title: 'Analisis ketidakpastian (Monte Carlo)',
    runs: (n: string, seed: number) => `${n} iterasi, seed ${seed}`,
    inputs: 'Input tidak pasti',
    fromRange: 'dari rentang di studi',
    output: 'Keluaran',
    point: 'Nilai titik',
    mean: 'Rata-rata',
    never: (share: string) => `Payback tidak tercapai pada ${share} iterasi`,
    rules: 'Peluang tiap opsi terpilih',
    rule: 'Aturan',
    none: 'tidak ada',
    sieve: 'Peluang lolos saringan',
    tornado: 'Tornado (satu input pada ujung rendah/tinggi, input lain pada nilai titik)',
    flip: 'Margin perubahan bobot (weighted sum)',
    flipLine: (c: string, up: string, down: string) => `${c}: naik ${up}, turun ${down}`,
    noFlip: 'tidak ada',
    flipAhp: (ahp: string) =>
      `Margin perubahan bobot AHP "${ahp}" untuk EPI terbaik (bobot lain dinormalkan ulang)`,
    critical: (c: string, delta: string) => `Paling kritis: ${c} (${delta})`,
    epiBefore: 'EPI sebelum (hasil ukur)',
  },
  en: {
    title: 'Uncertainty analysis (Monte Carlo)',
    runs: (n: string, seed: number) => `${n} iterations, seed ${seed}`,
    inputs: 'Uncertain inputs',
    fromRange: 'from a range in the study',
    output: 'Output',
    point: 'Point',
    mean: 'Mean',
    never: (share: string) => `Payback never reached in ${share} of iterations`,
    rules: 'Probability each option is chosen',
    rule: 'Rule',
    none: 'none',
    sieve: 'Probability of passing the sieve',
    tornado: 'Tornado (one input at its low/high end, the others at their point)',
    flip: 'Weight flip margins (weighted sum)',
    flipLine: (c: string, up: string, down: string) => `${c}: up ${up}, down ${down}`,
    noFlip: 'none',
    flipAhp: (ahp: string) =>
      `Flip margins of the AHP weights "${ahp}" for the best EPI (the others renormalised)`,
    critical: (c: string, delta: string) => `Most critical: ${c} (${delta})`,
    epiBefore: 'EPI before (as measured)',
  },
} as const;

/** Significant-looking display: large numbers whole, small ones with 4 decimals. */
function show(value: number | undefined, language: ReportLanguage): string {
  if (value === undefined) return '–';
  return formatNumber(value, language, Math.abs(value) >= 1000 ? 0 : 4);
}

export function uncertaintyText(
  study: StudyInput,
  result: MonteCarloStudyResult,
  language: ReportLanguage,
): string {
  const t = T[language];
  const lines: string[] = [
    `■ ${t.title}: ${study.study.title}`,
    t.runs(formatNumber(result.iterations, language, 0), result.seed),
    '',
  ];
  if (result.inputs.length > 0) {
    lines.push(t.inputs);
    for (const input of result.inputs) {
      const d = input.distribution;
      const text =
        d.kind === 'uniform'
          ? `uniform ${show(d.low, language)}–${show(d.high, language)}`
          : d.kind === 'triangular'
            ? `triangular ${show(d.low, language)} / ${show(d.mode, language)} / ${show(d.high, language)}`
            : d.kind === 'normal'
              ? `normal μ ${show(d.mean, language)}, σ ${show(d.sd, language)}`
              : `${show(d.value, language)} ± ${formatPercent(d.fraction * 100, language, 1)}`;
      lines.push(`  ${input.path}: ${text}${input.source === 'range' ? ` (${t.fromRange})` : ''}`);
    }
    lines.push('');
  }
  for (const option of result.options) {
    const rows = Object.entries(option.outputs).map(([key, d]) => [
      OUTPUT_LABEL[language][key as MonteCarloOutput],
      show(d.point, language),
      show(d.mean, language),
      show(d.p5, language),
      show(d.p50, language),
      show(d.p95, language),
    ]);
    if (rows.length === 0) continue;
    lines.push(`${option.id}: ${option.name}`);
    lines.push(
      textTable(
        [
          { header: t.output },
          { header: t.point, align: 'right' },
          { header: t.mean, align: 'right' },
          { header: 'P5', align: 'right' },
          { header: 'P50', align: 'right' },
          { header: 'P95', align: 'right' },
        ],
        rows,
      ),
    );
    if ((option.paybackNever ?? 0) > 0) {
      lines.push(t.never(share((option.paybackNever ?? 0) / result.iterations, language)));
    }
    lines.push('');
  }
  const before = result.epiBefore;
  if (before !== undefined) {
    lines.push(
      `${t.epiBefore}: ${t.point} ${show(before.point, language)}, ${t.mean} ${show(before.mean, language)}, P5 ${show(before.p5, language)}, P50 ${show(before.p50, language)}, P95 ${show(before.p95, language)}`,
      '',
    );
  }
  if (result.rules.length > 0) {
    lines.push(t.rules);
    const ids = result.options.map((o) => o.id);
    lines.push(
      textTable(
        [
          { header: t.rule },
          ...ids.map((id) => ({ header: id, align: 'right' as const })),
          { header: t.none, align: 'right' },
        ],
        result.rules.map((r) => [
          `${ruleLabel(r.rule, language)}${r.studyRule ? ' *' : ''}`,
          ...ids.map((id) => {
            const p = r.probabilities.find((x) => x.option === id);
            return p === undefined ? '' : share(p.probability, language);
          }),
          share(r.none, language),
        ]),
      ),
    );
    lines.push('');
  }
  for (const sieve of result.sieve) {
    lines.push(`${t.sieve} #${sieve.entry + 1}`);
    lines.push(
      sieve.options.map((o) => `  ${o.option}: ${share(o.probability, language)}`).join('\n'),
    );
    lines.push('');
  }
  if (result.tornado.length > 0) {
    lines.push(t.tornado);
    for (const tornado of result.tornado) {
      lines.push(
        `  ${tornado.option} · ${OUTPUT_LABEL[language][tornado.output]} (${show(tornado.point, language)})`,
      );
      const widest = Math.max(...tornado.bars.map((b) => b.swing));
      for (const bar of tornado.bars) {
        const length = widest > 0 ? Math.max(1, Math.round((bar.swing / widest) * 30)) : 1;
        lines.push(
          `    ${'█'.repeat(length).padEnd(30)} ${bar.path}: ${show(bar.atLow, language)} … ${show(bar.atHigh, language)}`,
        );
      }
    }
    lines.push('');
  }
  for (const f of result.flipMargins) {
    if (f.margins.kind !== 'single') continue;
    lines.push(`${t.flip} #${f.entry + 1}`);
    for (const m of f.margins.criteria) {
      const fmt = (flip: typeof m.increase) =>
        flip === undefined ? t.noFlip : `${show(Math.abs(flip.delta), language)} → ${flip.rival}`;
      lines.push(`  ${t.flipLine(m.criterion, fmt(m.increase), fmt(m.decrease))}`);
    }
    lines.push('');
  }
  const ahp = result.ahpFlipMargins;
  if (ahp !== undefined && ahp.margins.kind === 'single') {
    lines.push(t.flipAhp(ahp.ahp));
    for (const m of ahp.margins.criteria) {
      const fmt = (flip: typeof m.increase) =>
        flip === undefined ? t.noFlip : `${share(Math.abs(flip.delta), language)} → ${flip.rival}`;
      lines.push(
        `  ${t.flipLine(`${m.criterion} (${share(m.weight, language)})`, fmt(m.increase), fmt(m.decrease))}`,
      );
    }
    const critical = ahp.margins.mostCritical;
    if (critical !== undefined) {
      const sign = critical.direction === 'increase' ? '+' : '−';
      lines.push(
        `  ${t.critical(critical.criterion, `${sign}${share(Math.abs(critical.delta), language)}`)}`,
      );
    }
    lines.push('');
  }
  lines.push(robustnessSentence(result, language));
  return lines.join('\n');
}
