/**
 * The uncertainty section, when the study has an `uncertainty` block: per option the
 * distribution (mean, P5, P50, P95) of NPV, BCR and EPI after, the probability each option
 * is the best under the study's decision rule, a histogram and a tornado per option of the
 * output that rule compares, and one sentence on how robust the choice is. The Monte Carlo is seeded, so the report is reproducible.
 */
import {
  monteCarloStudy,
  uncertainInputsOfStudy,
  type AhpFlipMargins,
  type MonteCarloOutput,
  type MonteCarloStudyResult,
  type OutputDistribution,
} from '../engine/uncertainty/index.js';
import { histogramChartOption, renderChartSvg, tornadoChartOption } from './charts.js';
import { figure, section, table, type ReportContext } from './context.js';
import { html, trusted, type SafeHtml } from './html.js';
import { headlineRule, OUTPUT_LABEL, robustnessSentence, ruleLabel, share } from './robustness.js';
import { CHART_WIDTH } from './sections-planning.js';

const T = {
  id: {
    title: 'Analisis ketidakpastian (Monte Carlo)',
    intro: (n: string, seed: number, k: number) =>
      `${n} iterasi (seed ${seed}) atas ${k} input tidak pasti; rentang di studi diperlakukan sebagai seragam.`,
    distribution: (option: string) => `Sebaran hasil ${option}`,
    output: 'Keluaran',
    point: 'Nilai titik',
    mean: 'Rata-rata',
    probabilities: (rule: string) => `Peluang tiap opsi menjadi yang terbaik (${rule})`,
    option: 'Opsi',
    probability: 'Peluang',
    none: 'tidak ada opsi yang layak',
    tornado: (option: string, output: string) => `Tornado ${output}: ${option}`,
    histogram: (option: string, output: string, low: string, high: string) =>
      `Histogram ${output}: ${option} (${low} sampai ${high}; garis oranye: nilai titik)`,
    histogramSampled: (n: string) => ` Jumlah per kelas ditaksir dari sampel ${n} iterasi.`,
    pointLabel: 'Nilai titik',
    failed: (message: string) => `Analisis ketidakpastian tidak dapat dihitung: ${message}`,
    epiBefore: 'EPI sebelum (hasil ukur)',
    flipWeightedSum: (k: number, chosen: string) =>
      `Flip margin weighted sum #${k}: perubahan bobot terkecil (bobot lain tetap) yang mengubah pilihan ${chosen}`,
    flipAhp: (ahp: string, chosen: string) =>
      `Flip margin bobot AHP "${ahp}" untuk EPI terbaik: perubahan bobot terkecil (bobot lain dinormalkan ulang, Σ = 1) yang mengubah pilihan ${chosen}`,
    criterion: 'Kriteria',
    weight: 'Bobot',
    increase: 'Naik sebesar (→ opsi yang menyamai)',
    decrease: 'Turun sebesar (→ opsi yang menyamai)',
    noFlip: 'tidak mengubah',
    tie: (options: string) =>
      `Pilihan sudah seri (${options}): setiap perubahan bobot yang memisahkan mereka mengubah pilihan.`,
    critical: (criterion: string, delta: string) =>
      `Kriteria paling kritis: ${criterion} (perubahan ${delta}).`,
  },
  en: {
    title: 'Uncertainty analysis (Monte Carlo)',
    intro: (n: string, seed: number, k: number) =>
      `${n} iterations (seed ${seed}) over ${k} uncertain inputs; the study's ranges are taken as uniform.`,
    distribution: (option: string) => `Distribution of the results of ${option}`,
    output: 'Output',
    point: 'Point',
    mean: 'Mean',
    probabilities: (rule: string) => `Probability each option is the best (${rule})`,
    option: 'Option',
    probability: 'Probability',
    none: 'no option acceptable',
    tornado: (option: string, output: string) => `Tornado of ${output}: ${option}`,
    histogram: (option: string, output: string, low: string, high: string) =>
      `Histogram of ${output}: ${option} (${low} to ${high}; orange line: the point value)`,
    histogramSampled: (n: string) => ` Counts per bin estimated from a sample of ${n} iterations.`,
    pointLabel: 'Point',
    failed: (message: string) => `The uncertainty analysis could not be computed: ${message}`,
    epiBefore: 'EPI before (as measured)',
    flipWeightedSum: (k: number, chosen: string) =>
      `Flip margins of weighted sum #${k}: the smallest change of each weight (others fixed) that changes the choice of ${chosen}`,
    flipAhp: (ahp: string, chosen: string) =>
      `Flip margins of the AHP weights "${ahp}" for the best EPI: the smallest change of each weight (the others renormalised, Σ = 1) that changes the choice of ${chosen}`,
    criterion: 'Criterion',
    weight: 'Weight',
    increase: 'Increase by (→ option that ties)',
    decrease: 'Decrease by (→ option that ties)',
    noFlip: 'no change',
    tie: (options: string) =>
      `The choice is already a tie (${options}): any weight change that separates them changes it.`,
    critical: (criterion: string, delta: string) =>
      `Most critical criterion: ${criterion} (a change of ${delta}).`,
  },
} as const;

const SHOWN: readonly MonteCarloOutput[] = ['npv', 'bcr', 'epiAfter'];

/** The output a decision rule compares, for the tornado. */
function ruleOutput(rule: string | undefined): MonteCarloOutput {
  if (rule === 'npv') return 'npv';
  if (rule === 'annual-worth') return 'annualWorth';
  if (rule === 'epi') return 'epiAfter';
  return 'bcr';
}

export function uncertaintySection(ctx: ReportContext): SafeHtml {
  const block = ctx.study.uncertainty;
  if (block === undefined) return html``;
  const t = T[ctx.language];
  let result: MonteCarloStudyResult;
  try {
    result = monteCarloStudy(ctx.study, uncertainInputsOfStudy(ctx.study), {
      iterations: block.iterations ?? 10_000,
      seed: block.seed ?? 1,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return section('uncertainty', 3, t.title, [html`<p>${t.failed(message)}</p>`]);
  }
  const value = (output: MonteCarloOutput, x: number | undefined): string =>
    x === undefined
      ? '–'
      : output === 'npv' || output === 'annualWorth'
        ? ctx.money(x)
        : ctx.num(x, output === 'bcr' ? 3 : 2);
  const parts: SafeHtml[] = [
    html`<p>${t.intro(ctx.num(result.iterations, 0), result.seed, result.inputs.length)}</p>`,
  ];

  // The columns of every distribution table (per option, and the EPI before).
  const distributionHead = html`<tr>
    <th scope="col">${t.output}</th>
    <th scope="col" class="num">${t.point}</th>
    <th scope="col" class="num">${t.mean}</th>
    <th scope="col" class="num">P5</th>
    <th scope="col" class="num">P50</th>
    <th scope="col" class="num">P95</th>
  </tr>`;
  for (const option of result.options) {
    const rows = SHOWN.flatMap((output) => {
      const d: OutputDistribution | undefined = option.outputs[output];
      if (d === undefined || d.count === 0) return [];
      return [
        html`<tr>
          <th scope="row">${OUTPUT_LABEL[ctx.language][output]}</th>
          <td class="num">${value(output, d.point)}</td>
          <td class="num">${value(output, d.mean)}</td>
          <td class="num">${value(output, d.p5)}</td>
          <td class="num">${value(output, d.p50)}</td>
          <td class="num">${value(output, d.p95)}</td>
        </tr>`,
      ];
    });
    if (rows.length === 0) continue;
    parts.push(
      table(ctx, {
        caption: t.distribution(option.name),
        head: distributionHead,
        body: rows,
      }),
    );
  }

  const before = result.epiBefore;
  if (before !== undefined) {
    parts.push(
      table(ctx, {
        caption: t.epiBefore,
        head: distributionHead,
        body: [
          html`<tr>
            <th scope="row">${t.epiBefore}</th>
            <td class="num">${value('epiAfter', before.point)}</td>
            <td class="num">${value('epiAfter', before.mean)}</td>
            <td class="num">${value('epiAfter', before.p5)}</td>
            <td class="num">${value('epiAfter', before.p50)}</td>
            <td class="num">${value('epiAfter', before.p95)}</td>
          </tr>`,
        ],
      }),
    );
  }

  const rule = headlineRule(result);
  if (rule !== undefined) {
    const label = ruleLabel(rule.rule, ctx.language);
    parts.push(
      table(ctx, {
        caption: t.probabilities(label),
        head: html`<tr>
          <th scope="col">${t.option}</th>
          <th scope="col" class="num">${t.probability}</th>
        </tr>`,
        body: [
          ...rule.probabilities.map(
            (p) =>
              html`<tr>
                <th scope="row">${ctx.optionName(p.option)}</th>
                <td class="num">${share(p.probability, ctx.language)}</td>
              </tr>`,
          ),
          ...(rule.none > 0
            ? [
                html`<tr>
                  <th scope="row">${t.none}</th>
                  <td class="num">${share(rule.none, ctx.language)}</td>
                </tr>`,
              ]
            : []),
        ],
      }),
    );
  }

  const output = ruleOutput(rule?.rule ?? ctx.study.decisionRule);
  for (const option of result.options) {
    const d = option.outputs[output];
    if (d === undefined || d.count === 0) continue;
    const label = OUTPUT_LABEL[ctx.language][output];
    const title =
      t.histogram(option.name, label, value(output, d.min), value(output, d.max)) +
      (d.histogram.source === 'reservoir'
        ? t.histogramSampled(ctx.num(result.quantiles.capacity, 0))
        : '');
    parts.push(
      figure(
        ctx,
        title,
        trusted(
          renderChartSvg(
            histogramChartOption(
              d.histogram,
              d.point,
              title,
              (x) => value(output, x),
              t.pointLabel,
            ),
            { width: CHART_WIDTH, height: 170 },
          ),
        ),
      ),
    );
  }
  for (const tornado of result.tornado) {
    if (tornado.output !== output || tornado.point === undefined) continue;
    const point = tornado.point;
    const bars = tornado.bars.flatMap((b) =>
      b.atLow === undefined || b.atHigh === undefined
        ? []
        : [{ label: b.path.replace(/^options\[[^\]]+\]\./, ''), atLow: b.atLow, atHigh: b.atHigh }],
    );
    if (bars.length === 0) continue;
    const title = t.tornado(ctx.optionName(tornado.option), OUTPUT_LABEL[ctx.language][output]);
    parts.push(
      figure(
        ctx,
        title,
        trusted(
          renderChartSvg(
            tornadoChartOption(bars, point, title, (x) => value(output, x)),
            { width: CHART_WIDTH, height: 60 + 34 * bars.length },
          ),
        ),
      ),
    );
  }

  parts.push(...flipMarginTables(ctx, result));

  parts.push(
    html`<p class="decision">
      <strong>${ctx.L.decision}:</strong> ${robustnessSentence(result, ctx.language)}
    </p>`,
  );
  return section('uncertainty', 3, t.title, parts);
}

/** The weighted sums' and the AHP's flip margins, one table each (a sentence for a tie). */
function flipMarginTables(ctx: ReportContext, result: MonteCarloStudyResult): SafeHtml[] {
  const t = T[ctx.language];
  const names = (ids: readonly string[]) => ids.map((id) => ctx.optionName(id)).join(', ');
  const flip = (
    f: { delta: number; rival: string } | undefined,
    digits: number,
    percent: boolean,
  ) =>
    f === undefined
      ? t.noFlip
      : `${percent ? share(Math.abs(f.delta), ctx.language) : ctx.num(Math.abs(f.delta), digits)} → ${ctx.optionName(f.rival)}`;
  const margins: {
    caption: string;
    percent: boolean;
    margins: MonteCarloStudyResult['flipMargins'][number]['margins'] | AhpFlipMargins;
  }[] = result.flipMargins.map((f) => ({
    caption: t.flipWeightedSum(
      f.entry + 1,
      names(f.margins.kind === 'single' ? [f.margins.chosen] : f.margins.chosen),
    ),
    percent: false,
    margins: f.margins,
  }));
  const ahp = result.ahpFlipMargins;
  if (ahp !== undefined) {
    margins.push({
      caption: t.flipAhp(
        ahp.ahp,
        names(ahp.margins.kind === 'single' ? [ahp.margins.chosen] : ahp.margins.chosen),
      ),
      percent: true,
      margins: ahp.margins,
    });
  }
  return margins.flatMap((m): SafeHtml[] => {
    if (m.margins.kind === 'tie') {
      return [html`<p>${m.caption}. ${t.tie(names(m.margins.chosen))}</p>`];
    }
    const weight = (w: number) => (m.percent ? share(w, ctx.language) : ctx.num(w, 3));
    const out: SafeHtml[] = [
      table(ctx, {
        caption: m.caption,
        head: html`<tr>
          <th scope="col">${t.criterion}</th>
          <th scope="col" class="num">${t.weight}</th>
          <th scope="col" class="num">${t.increase}</th>
          <th scope="col" class="num">${t.decrease}</th>
        </tr>`,
        body: m.margins.criteria.map(
          (c) =>
            html`<tr>
              <th scope="row">${c.criterion}</th>
              <td class="num">${weight(c.weight)}</td>
              <td class="num">${flip(c.increase, 3, m.percent)}</td>
              <td class="num">${flip(c.decrease, 3, m.percent)}</td>
            </tr>`,
        ),
      }),
    ];
    const critical = 'mostCritical' in m.margins ? m.margins.mostCritical : undefined;
    if (critical !== undefined) {
      const sign = critical.direction === 'increase' ? '+' : '−';
      out.push(
        html`<p>
          ${t.critical(critical.criterion, `${sign}${share(Math.abs(critical.delta), ctx.language)}`)}
        </p>`,
      );
    }
    return out;
  });
}
