/**
 * Report sections of GP steps 1 and 2: team and profile, walk-through findings, mass balance,
 * productivity, EPI, AHP, problems and causes (fishbone), goals and targets.
 */
import type { DeviationEpiResult, EpiBound, TrafficLightEpiResult } from '../engine/epi/index.js';
import type { AhpSectionResult } from '../engine/study/evaluate-study.js';
import type { EffluentParameter, Limit, MeasuredValue } from '../engine/study/study-input.js';
import { epiContributionChartOption, productivityChartOption, renderChartSvg } from './charts.js';
import { figure, section, table, type ReportContext } from './context.js';
import { renderFishboneSvg } from './fishbone.js';
import { html, trusted, type SafeHtml } from './html.js';
import { inputCategoryLabel, type LabelKey } from './i18n.js';
import { bandLegend, renderTrafficLightSvg } from './traffic-light.js';

/** Chart width in the page (px at 96 dpi ≈ the A4 text width). */
export const CHART_WIDTH = 680;

// ── Step 1 ────────────────────────────────────────────────────────────────────────────────

export function teamSection(ctx: ReportContext): SafeHtml {
  const { L, study } = ctx;
  const o = study.study.organisation;
  const facts: [string, string | undefined][] = [
    [L.organisation, o.name],
    [L.sector, o.sector],
    [L.location, o.location],
    [L.products, o.products],
    [L.employees, o.employees === undefined ? undefined : ctx.input(o.employees, 0)],
    [L.period, study.study.period],
  ];
  const profile = table(ctx, {
    caption: L.companyProfile,
    className: 'facts',
    head: html`<tr>
      <th scope="col">${L.item}</th>
      <th scope="col">${L.description}</th>
    </tr>`,
    body: facts
      .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
      .map(
        ([k, v]) =>
          html`<tr>
            <th scope="row">${k}</th>
            <td>${v}</td>
          </tr>`,
      ),
  });
  const team = study.study.team ?? [];
  const members =
    team.length === 0
      ? html``
      : table(ctx, {
          caption: L.teamMembers,
          head: html`<tr>
            <th scope="col" class="num no">${L.no}</th>
            <th scope="col">${L.name}</th>
            <th scope="col">${L.role}</th>
          </tr>`,
          body: team.map(
            (m, i) =>
              html`<tr>
                <td class="num">${String(i + 1)}</td>
                <th scope="row">${m.name}</th>
                <td>${m.role ?? '–'}</td>
              </tr>`,
          ),
        });
  return section('team', 3, L.team, [profile, members]);
}

export function walkThroughSection(ctx: ReportContext): SafeHtml {
  const findings = ctx.study.walkThrough ?? [];
  if (findings.length === 0) return html``;
  const { L } = ctx;
  return section('walk-through', 3, L.walkThrough, [
    table(ctx, {
      caption: L.walkThrough,
      head: html`<tr>
        <th scope="col" class="num no">${L.no}</th>
        <th scope="col">${L.area}</th>
        <th scope="col">${L.finding}</th>
      </tr>`,
      body: findings.map(
        (f, i) =>
          html`<tr>
            <td class="num">${String(i + 1)}</td>
            <th scope="row">${f.area}</th>
            <td>${f.observation}</td>
          </tr>`,
      ),
    }),
  ]);
}

// ── Step 2: mass balance and productivity ────────────────────────────────────────────────────

export function massBalanceSection(ctx: ReportContext): SafeHtml {
  const mb = ctx.results.massBalance;
  if (mb === undefined) return html``;
  const { L } = ctx;
  const unit = mb.balance.unit;
  const q = (x: number) => ctx.input(x, 4);
  const groups = mb.balance.processes.map((p, index) => {
    const rows: { name: string; input?: number; product?: number; waste?: number }[] = [
      ...p.inputs.map((s) => ({ name: s.name, input: s.quantity })),
      ...p.products.map((s) => ({ name: s.name, product: s.quantity })),
      ...p.wastes.map((s) => ({ name: s.name, waste: s.quantity })),
    ];
    const span = rows.length + 2;
    const status =
      p.closure === 'within-tolerance'
        ? L.closureWithin
        : p.closure === 'missing-mass'
          ? L.closureMissing
          : L.closureExcess;
    const streamRows = rows.map(
      (r, i) =>
        html`<tr>
          ${i === 0 ? html`<th scope="rowgroup" rowspan="${String(span)}" class="group">${String(index + 1)}. ${p.name}</th>` : ''}
          <td>${r.name}</td>
          <td class="num">${r.input === undefined ? '' : q(r.input)}</td>
          <td class="num">${r.product === undefined ? '' : q(r.product)}</td>
          <td class="num">${r.waste === undefined ? '' : q(r.waste)}</td>
        </tr>`,
    );
    return html`<tbody class="keep">
      ${streamRows}
      <tr class="subtotal">
        <td>${L.total}</td>
        <td class="num">${ctx.num(p.totalInput)}</td>
        <td class="num">${ctx.num(p.totalProduct)}</td>
        <td class="num">${ctx.num(p.totalWaste)}</td>
      </tr>
      <tr class="closure ${p.closure === 'within-tolerance' ? '' : 'warn'}">
        <td>${L.closureError}</td>
        <td colspan="3" class="num">
          ${ctx.num(p.closureError)} ${unit} (${ctx.pct(p.closureErrorPercent)}) · ${status}
        </td>
      </tr>
    </tbody>`;
  });
  const balance = table(ctx, {
    caption: L.massBalance,
    className: 'mass-balance',
    head: html`<tr>
      <th scope="col">${L.process}</th>
      <th scope="col">${L.stream}</th>
      <th scope="col" class="num">${L.input} (${unit})</th>
      <th scope="col" class="num">${L.product} (${unit})</th>
      <th scope="col" class="num">${L.waste} (${unit})</th>
    </tr>`,
    body: groups,
    bodyIsGroups: true,
    notes: [L.massBalanceNote],
  });

  const pp = mb.productivity;
  const weakest = pp.weakestFirst[0]?.name;
  const productivity = table(ctx, {
    caption: L.processProductivity,
    head: html`<tr>
      <th scope="col" class="num no">${L.no}</th>
      <th scope="col">${L.process}</th>
      <th scope="col" class="num">${L.totalInput} (${unit})</th>
      <th scope="col" class="num">${L.product} (${unit})</th>
      <th scope="col" class="num">${L.productivityPercent}</th>
      <th scope="col" class="num">${L.rankFromWeakest}</th>
    </tr>`,
    body: [
      ...pp.processes.map(
        (p, i) =>
          html`<tr class="${p.name === weakest ? 'highlight' : ''}">
            <td class="num">${String(i + 1)}</td>
            <th scope="row">${p.name}</th>
            <td class="num">${ctx.num(p.totalInput)}</td>
            <td class="num">${ctx.num(p.totalProduct)}</td>
            <td class="num">${ctx.pct(p.percent)}</td>
            <td class="num">${String(p.rankFromWeakest)}</td>
          </tr>`,
      ),
      html`<tr class="total">
        <td></td>
        <th scope="row">${L.processTotal}</th>
        <td class="num">${ctx.num(pp.ratioOfTotals.totalInput)}</td>
        <td class="num">${ctx.num(pp.ratioOfTotals.totalProduct)}</td>
        <td class="num">${ctx.pct(pp.ratioOfTotals.percent)}</td>
        <td></td>
      </tr>`,
      html`<tr class="total">
        <td></td>
        <th scope="row">${L.meanOfRatios}</th>
        <td></td>
        <td></td>
        <td class="num">${ctx.pct(pp.meanOfRatios.percent)}</td>
        <td></td>
      </tr>`,
    ],
  });
  return section('mass-balance', 3, L.massBalance, [balance, productivity]);
}

export function productivitySection(ctx: ReportContext): SafeHtml {
  const p = ctx.results.productivity;
  if (p === undefined || p.periods.periods.length === 0) return html``;
  const { L } = ctx;
  const r = p.periods;
  const unit = r.unit === undefined ? '' : ` (${r.unit})`;
  const hasTotals = r.periods.some((x) => x.kind === 'computed');
  const extreme = (label: string) =>
    label === r.lowest.label ? 'low' : label === r.highest.label ? 'high' : '';
  const rows = r.periods.map((x) => {
    const cls = extreme(x.label);
    const totals = !hasTotals
      ? html``
      : x.kind === 'computed'
        ? html`<td class="num">${ctx.num(x.totalOutput)}</td>
            <td class="num">${ctx.num(x.totalInput)}</td>`
        : html`<td class="num">–</td>
            <td class="num">–</td>`;
    return html`<tr class="${cls}">
      <th scope="row">${x.label}</th>
      ${totals}
      <td class="num">${ctx.pct(x.percent)}</td>
    </tr>`;
  });
  const empty = hasTotals
    ? html`<td></td>
        <td></td>`
    : html``;
  const year =
    r.ratioOfTotals.kind === 'available'
      ? html`<tr class="total">
          <th scope="row">${L.yearRatio}</th>
          ${
            hasTotals
              ? html`<td class="num">${ctx.num(r.ratioOfTotals.totalOutput)}</td>
                  <td class="num">${ctx.num(r.ratioOfTotals.totalInput)}</td>`
              : ''
          }
          <td class="num">${ctx.pct(r.ratioOfTotals.percent)}</td>
        </tr>`
      : html``;
  const mean = html`<tr class="total">
    <th scope="row">${L.meanOfRatios}</th>
    ${empty}
    <td class="num">${ctx.pct(r.meanOfRatios.percent)}</td>
  </tr>`;
  const monthly = table(ctx, {
    caption: L.productivity,
    className: 'productivity',
    head: html`<tr>
      <th scope="col">${L.periodLabel}</th>
      ${
        hasTotals
          ? html`<th scope="col" class="num">${L.totalOutput}${unit}</th>
              <th scope="col" class="num">${L.totalInput}${unit}</th>`
          : ''
      }
      <th scope="col" class="num">${L.productivityPercent}</th>
    </tr>`,
    body: [...rows, year, mean],
    notes: hasTotals ? [] : [L.givenRatioNote],
  });
  const chart = figure(
    ctx,
    L.productivityChartTitle,
    trusted(
      renderChartSvg(productivityChartOption(r, ctx.language), { width: CHART_WIDTH, height: 300 }),
    ),
  );

  const y = p.year;
  const partial =
    y === undefined || y.inputs.length < 2
      ? html``
      : table(ctx, {
          caption: L.partialProductivity,
          head: html`<tr>
            <th scope="col">${L.inputCategory}</th>
            <th scope="col" class="num">${L.input}${y.unit === undefined ? '' : ` (${y.unit})`}</th>
            <th scope="col" class="num">${L.shareOfInput}</th>
            <th scope="col" class="num">${L.partialRatio} (${L.totalOutput} ÷ ${L.input})</th>
          </tr>`,
          body: [
            ...y.partial.map(
              (c) =>
                html`<tr>
                  <th scope="row">${inputCategoryLabel(c.category, ctx.language)}</th>
                  <td class="num">${ctx.num(c.input)}</td>
                  <td class="num">${ctx.pct(c.percentOfTotalInput)}</td>
                  <td class="num">${c.kind === 'ratio' ? ctx.num(c.ratio, 4) : '–'}</td>
                </tr>`,
            ),
            html`<tr class="total">
              <th scope="row">${L.allInputs}</th>
              <td class="num">${ctx.num(y.totalInput)}</td>
              <td class="num">${ctx.pct(100)}</td>
              <td class="num">${ctx.num(y.ratio, 4)} (${ctx.pct(y.percent)})</td>
            </tr>`,
          ],
          notes: [
            `${L.totalOutput}: ${ctx.num(y.totalOutput)}${y.unit === undefined ? '' : ` ${y.unit}`}`,
          ],
        });
  return section('productivity', 3, L.productivity, [monthly, chart, partial]);
}

// ── Step 2: EPI ─────────────────────────────────────────────────────────────────────────────

/** "≥ " / "≤ " / "≈ " before a value that is a bound or an estimate. */
export function boundPrefix(bound: EpiBound): string {
  return bound === 'atLeast' ? '≥ ' : bound === 'atMost' ? '≤ ' : bound === 'estimate' ? '≈ ' : '';
}

export function measuredText(ctx: ReportContext, value: MeasuredValue | undefined): string {
  if (value === undefined) return '–';
  if (typeof value === 'number') return ctx.input(value, 6);
  return `${value.qualifier} ${ctx.input(value.value, 6)}`;
}

export function limitText(ctx: ReportContext, limit: Limit | undefined): string {
  if (limit === undefined) return '–';
  if (limit.max !== undefined) return `≤ ${ctx.input(limit.max, 6)}`;
  if (limit.min !== undefined) return `≥ ${ctx.input(limit.min, 6)}`;
  if (limit.range !== undefined) {
    return typeof limit.range === 'number'
      ? ctx.input(limit.range, 6)
      : `${ctx.input(limit.range.low, 6)}–${ctx.input(limit.range.high, 6)}`;
  }
  return '–';
}

function parameterLabel(name: string, p: EffluentParameter | undefined): string {
  const unit = p?.unit ?? p?.limit?.unit;
  return unit === undefined || unit === '' ? name : `${name} (${unit})`;
}

/** The deviation-method EPI table rows (shared with the after-option tables). */
export function deviationTable(
  ctx: ReportContext,
  epi: DeviationEpiResult,
  caption: string,
  extra?: { readonly removal?: readonly (number | undefined)[] },
): SafeHtml {
  const { L } = ctx;
  const parameters = ctx.study.effluent?.parameters ?? [];
  const hasRemoval = extra?.removal !== undefined;
  const rows = epi.terms.map((t) => {
    const p = parameters[t.index];
    const name = t.name ?? t.id ?? String(t.index + 1);
    const prefix = boundPrefix(t.bound);
    const measured =
      t.measured.qualifier === undefined
        ? ctx.input(t.measured.value, 6)
        : `${t.measured.qualifier} ${ctx.input(t.measured.reported, 6)}`;
    const removal = extra?.removal?.[t.index];
    return html`<tr class="${t.compliant ? '' : 'bad'}">
      <td class="num">${String(t.index + 1)}</td>
      <th scope="row">${parameterLabel(name, p)}</th>
      <td class="num">${ctx.input(t.weight, 4)}</td>
      <td class="num">${limitText(ctx, p?.limit)}</td>
      ${hasRemoval ? html`<td class="num">${removal === undefined ? '–' : ctx.fraction(removal, 0)}</td>` : ''}
      <td class="num">${measured}</td>
      <td class="num">${prefix}${ctx.pct(t.performance * 100)}</td>
      <td class="num">${prefix}${ctx.num(t.term)}</td>
      <td class="num">${t.share === undefined ? '–' : ctx.pct(t.share * 100, 1)}</td>
      <td>${t.compliant ? L.compliant : L.notCompliant}</td>
    </tr>`;
  });
  const colspan = hasRemoval ? 7 : 6;
  const total = html`<tr class="total">
    <th scope="row" colspan="${String(colspan)}">${L.totalEpi}</th>
    <td class="num strong">${boundPrefix(epi.bound)}${ctx.num(epi.total)}</td>
    <td class="num">${ctx.pct(100, 1)}</td>
    <td></td>
  </tr>`;
  const citations = [
    ...new Set(
      parameters
        .map((p) => p.limit?.citation)
        .filter((c): c is string => c !== undefined && c !== ''),
    ),
  ];
  const policy =
    epi.belowDetectionLimit === 'limit'
      ? L.detectionLimit
      : epi.belowDetectionLimit === 'half'
        ? L.detectionHalf
        : L.detectionZero;
  const notes = [
    ...citations.map((c) => `${L.standard}: ${c}`),
    ...(epi.terms.some((t) => t.bound !== 'exact') ? [ctx.t(L.boundNote, policy)] : []),
  ];
  return table(ctx, {
    caption,
    className: 'epi',
    head: html`<tr>
      <th scope="col" class="num no">${L.no}</th>
      <th scope="col">${L.parameter}</th>
      <th scope="col" class="num">${L.weight}</th>
      <th scope="col" class="num">${L.standard}</th>
      ${hasRemoval ? html`<th scope="col" class="num">${L.removal}</th>` : ''}
      <th scope="col" class="num">${L.measured}</th>
      <th scope="col" class="num">${L.deviation}</th>
      <th scope="col" class="num">${L.epiTerm}</th>
      <th scope="col" class="num">${L.contribution}</th>
      <th scope="col">${L.status}</th>
    </tr>`,
    body: [...rows, total],
    notes,
  });
}

/** The traffic-light EPI table. */
export function trafficLightTable(
  ctx: ReportContext,
  epi: TrafficLightEpiResult,
  caption: string,
  extra?: {
    readonly removal?: readonly (number | undefined)[];
    readonly measured?: readonly (string | undefined)[];
  },
): SafeHtml {
  const { L } = ctx;
  const parameters = ctx.study.effluent?.parameters ?? [];
  const hasRemoval = extra?.removal !== undefined;
  const rows = epi.terms.map((t) => {
    const p = parameters[t.index];
    const name = t.name ?? t.id ?? String(t.index + 1);
    const measured =
      extra?.measured?.[t.index] ??
      (t.measured !== undefined
        ? `${t.measured.qualifier ?? ''} ${ctx.input(t.measured.reported, 6)}`.trim()
        : measuredText(ctx, p?.measured));
    const removal = extra?.removal?.[t.index];
    const prefix = boundPrefix(t.bound);
    return html`<tr>
      <td class="num">${String(t.index + 1)}</td>
      <th scope="row">${parameterLabel(name, p)}</th>
      ${hasRemoval ? html`<td class="num">${removal === undefined ? '–' : ctx.fraction(removal, 0)}</td>` : ''}
      <td class="num">${measured}</td>
      <td class="num">${prefix}${ctx.num(t.level)}</td>
      <td class="num">${ctx.input(t.weight, 4)}</td>
      <td class="num">${prefix}${ctx.num(t.term)}</td>
      <td><span class="band band-${t.band}">${L[t.band]}</span></td>
    </tr>`;
  });
  const colspan = hasRemoval ? 6 : 5;
  const total = html`<tr class="total">
    <th scope="row" colspan="${String(colspan)}">${L.totalEpi}</th>
    <td class="num strong">${boundPrefix(epi.bound)}${ctx.num(epi.total)}</td>
    <td><span class="band band-${epi.band}">${L[epi.band]}</span></td>
  </tr>`;
  const mean =
    Math.abs(epi.weightSum - 1) > 1e-9
      ? html`<tr class="total">
          <th scope="row" colspan="${String(colspan)}">${L.meanLevel}</th>
          <td class="num">${ctx.num(epi.meanLevel)}</td>
          <td></td>
        </tr>`
      : html``;
  return table(ctx, {
    caption,
    className: 'epi',
    head: html`<tr>
      <th scope="col" class="num no">${L.no}</th>
      <th scope="col">${L.parameter}</th>
      ${hasRemoval ? html`<th scope="col" class="num">${L.removal}</th>` : ''}
      <th scope="col" class="num">${L.measured}</th>
      <th scope="col" class="num">${L.level}</th>
      <th scope="col" class="num">${L.weight}</th>
      <th scope="col" class="num">${L.trafficTerm}</th>
      <th scope="col">${L.colour}</th>
    </tr>`,
    body: [...rows, total, mean],
    notes: [bandLegend(epi, ctx.language)],
  });
}

export function epiSection(ctx: ReportContext): SafeHtml {
  const epi = ctx.results.epi;
  if (epi === undefined) return html``;
  const { L } = ctx;
  const parts: SafeHtml[] = [];
  if (epi.method === 'deviation') {
    parts.push(deviationTable(ctx, epi, L.epi));
  } else {
    parts.push(trafficLightTable(ctx, epi, L.epi));
    parts.push(
      figure(
        ctx,
        `${L.trafficLightCaption} (${bandLegend(epi, ctx.language)})`,
        trusted(renderTrafficLightSvg(epi, ctx.language)),
        'chart traffic',
      ),
    );
  }
  const height = 40 + 32 * epi.terms.length;
  parts.push(
    figure(
      ctx,
      epi.method === 'deviation' ? L.epiChartTitle : L.epiChartTitleTraffic,
      trusted(
        renderChartSvg(epiContributionChartOption(epi, ctx.language), {
          width: CHART_WIDTH,
          height,
        }),
      ),
    ),
  );
  return section('epi', 3, L.epi, parts);
}

// ── Step 2: AHP ─────────────────────────────────────────────────────────────────────────────

/** A pairwise judgement as practitioners write it: 3, 1/3, 1. */
function judgement(ctx: ReportContext, value: number): string {
  if (value > 0 && value < 1) {
    const inverse = 1 / value;
    if (Math.abs(inverse - Math.round(inverse)) < 1e-9) return `1/${Math.round(inverse)}`;
  }
  return ctx.input(value, 3);
}

function ahpMatrix(ctx: ReportContext, id: string): readonly (readonly number[])[] | undefined {
  const input = ctx.study.weights?.ahp?.find((a) => a.id === id);
  return input?.matrix;
}

export function ahpSection(ctx: ReportContext): SafeHtml {
  const ahp = ctx.results.weights?.ahp ?? [];
  if (ahp.length === 0) return html``;
  const { L } = ctx;
  const parts = ahp.map((a: AhpSectionResult) => {
    const names = a.items.map((item) => ctx.parameterName(item));
    const matrix = ahpMatrix(ctx, a.id);
    const matrixTable =
      matrix === undefined
        ? html``
        : table(ctx, {
            caption: `${L.matrix}: ${a.id}`,
            className: 'ahp',
            head: html`<tr>
              <th scope="col">${L.item}</th>
              ${names.map((n) => html`<th scope="col" class="num">${n}</th>`)}
            </tr>`,
            body: matrix.map(
              (row, i) =>
                html`<tr>
                  <th scope="row">${names[i] ?? ''}</th>
                  ${row.map((v) => html`<td class="num">${judgement(ctx, v)}</td>`)}
                </tr>`,
            ),
          });
    const weights = table(ctx, {
      caption: `${L.weights}: ${a.id} (${a.method === 'eigenvector' ? L.ahpMethodEigenvector : L.ahpMethodGeometric})`,
      className: 'ahp',
      head: html`<tr>
        <th scope="col">${L.item}</th>
        <th scope="col" class="num">${L.weights}</th>
        <th scope="col" class="num">(A·w)ᵢ</th>
        <th scope="col" class="num">${L.eigenRatio}</th>
      </tr>`,
      body: [
        ...names.map(
          (n, i) =>
            html`<tr>
              <th scope="row">${n}</th>
              <td class="num">${ctx.num(a.weights[i] ?? 0, 4)}</td>
              <td class="num">${ctx.num(a.weightedSums[i] ?? 0, 4)}</td>
              <td class="num">${ctx.num(a.ratios[i] ?? 0, 4)}</td>
            </tr>`,
        ),
        html`<tr class="total">
          <th scope="row">${L.total}</th>
          <td class="num">
            ${ctx.num(
              a.weights.reduce((s, w) => s + w, 0),
              4,
            )}
          </td>
          <td></td>
          <td></td>
        </tr>`,
        html`<tr>
          <th scope="row">${L.lambdaMax}</th>
          <td class="num" colspan="3">${ctx.num(a.lambdaMax, 4)}</td>
        </tr>`,
        html`<tr>
          <th scope="row">${L.consistencyIndex}</th>
          <td class="num" colspan="3">${ctx.num(a.consistencyIndex, 4)}</td>
        </tr>`,
        html`<tr>
          <th scope="row">${L.randomIndex}</th>
          <td class="num" colspan="3">${ctx.num(a.randomIndex, 2)}</td>
        </tr>`,
        html`<tr class="${a.consistent ? '' : 'bad'}">
          <th scope="row">${L.consistencyRatio}</th>
          <td class="num strong" colspan="3">
            ${ctx.num(a.consistencyRatio, 3)} ·
            ${a.consistent ? ctx.t(L.consistent, ctx.input(a.threshold, 3)) : '⚠'}
          </td>
        </tr>`,
      ],
      notes:
        a.respondents === undefined ? [] : [ctx.t(L.respondents, String(a.respondents.length))],
    });
    const warning = a.consistent
      ? html``
      : html`<p class="warning" role="note">
          ${ctx.t(L.inconsistent, ctx.num(a.consistencyRatio, 3), ctx.input(a.threshold, 3))}
        </p>`;
    return html`${matrixTable}${weights}${warning}`;
  });
  return section('ahp', 3, L.ahp, parts);
}

// ── Step 2: Likert questionnaires and surveys ──────────────────────────────────────────────

export function likertSection(ctx: ReportContext): SafeHtml {
  const likert = ctx.results.weights?.likert ?? [];
  if (likert.length === 0) return html``;
  const { L } = ctx;
  const parts = likert.map((q) => {
    const v = q.validity;
    const r = q.reliability;
    const rows = q.items.map((item, i) => {
      const w = q.weights.items[i];
      const validity = v.items[i];
      const alphaIfDeleted = r.alphaIfItemDeleted[i];
      return html`<tr class="${validity?.valid === false ? 'bad' : ''}">
        <td class="num">${String(i + 1)}</td>
        <th scope="row">${ctx.parameterName(item)}</th>
        <td class="num">${w === undefined ? '–' : ctx.num(w.meanScore, 3)}</td>
        <td class="num">${w === undefined ? '–' : ctx.num(w.weight, 4)}</td>
        <td class="num">${validity?.kind === 'correlated' ? ctx.num(validity.r, 3) : '–'}</td>
        <td>
          ${validity === undefined ? '–' : validity.valid ? L.valid : validity.kind === 'undefined' ? L.undefinedValidity : L.invalid}
        </td>
        <td class="num">
          ${alphaIfDeleted === undefined || alphaIfDeleted === null ? '–' : ctx.num(alphaIfDeleted, 3)}
        </td>
      </tr>`;
    });
    const total = html`<tr class="total">
      <th scope="row" colspan="2">${L.total}</th>
      <td class="num">${ctx.num(q.weights.sumOfMeans, 3)}</td>
      <td class="num">
        ${ctx.num(
          q.weights.items.reduce((sum, w) => sum + w.weight, 0),
          4,
        )}
      </td>
      <td></td>
      <td></td>
      <td></td>
    </tr>`;
    const criterion = v.criterion === 'critical-r' ? '>' : '≥';
    const notes = [
      ctx.t(
        L.likertValidityNote,
        String(v.respondents),
        ctx.num(v.rCritical, 3),
        ctx.input(v.alpha, 3),
        String(v.df),
        criterion,
        ctx.num(v.threshold, 3),
      ),
      ctx.t(
        L.likertReliabilityNote,
        ctx.num(r.alpha, 3),
        r.reliable ? L.reliable : L.notReliable,
        ctx.input(r.reliabilityThreshold, 2),
      ),
    ];
    return table(ctx, {
      caption: ctx.t(L.likertFor, q.id),
      head: html`<tr>
        <th scope="col" class="num no">${L.no}</th>
        <th scope="col">${L.item}</th>
        <th scope="col" class="num">${L.meanScore}</th>
        <th scope="col" class="num">${L.weights}</th>
        <th scope="col" class="num">${L.rValue}</th>
        <th scope="col">${L.validity}</th>
        <th scope="col" class="num">${L.alphaIfDeleted}</th>
      </tr>`,
      body: [...rows, total],
      notes,
    });
  });
  return section('likert', 3, L.likert, parts);
}

const SURVEY_BANDS: Readonly<Record<string, LabelKey>> = {
  'very-poor': 'band_very-poor',
  poor: 'band_poor',
  fair: 'band_fair',
  good: 'band_good',
  'very-good': 'band_very-good',
};

export function surveySection(ctx: ReportContext): SafeHtml {
  const survey = ctx.results.survey ?? [];
  if (survey.length === 0) return html``;
  const { L } = ctx;
  const band = (key: string) => {
    const label = SURVEY_BANDS[key];
    return label === undefined ? key : L[label];
  };
  return section('survey', 3, L.survey, [
    table(ctx, {
      caption: L.survey,
      head: html`<tr>
        <th scope="col">${L.dimension}</th>
        <th scope="col" class="num">${L.respondentsCount}</th>
        <th scope="col" class="num">${L.totalScore}</th>
        <th scope="col" class="num">${L.idealScore}</th>
        <th scope="col" class="num">${L.scorePercent}</th>
        <th scope="col">${L.interpretation}</th>
      </tr>`,
      body: survey.map(
        (d) =>
          html`<tr>
            <th scope="row">${d.name}</th>
            <td class="num">${String(d.respondents)}</td>
            <td class="num">${ctx.input(d.totalScore, 2)}</td>
            <td class="num">${ctx.input(d.maximumScore, 2)}</td>
            <td class="num strong">${ctx.pct(d.percent)}</td>
            <td>${band(d.band)}</td>
          </tr>`,
      ),
    }),
  ]);
}

// ── Step 2: problems, causes, goals ─────────────────────────────────────────────────────────

export function problemsSection(ctx: ReportContext): SafeHtml {
  const problems = ctx.study.problems ?? [];
  if (problems.length === 0) return html``;
  const { L } = ctx;
  const withoutCauses = problems.filter((p) => (p.causes ?? []).length === 0);
  const parts: SafeHtml[] = problems
    .filter((p) => (p.causes ?? []).length > 0)
    .map((p) =>
      figure(
        ctx,
        ctx.t(L.fishboneCaption, p.title),
        trusted(renderFishboneSvg(p, ctx.language)),
        'chart fishbone',
      ),
    );
  if (withoutCauses.length > 0) {
    parts.push(
      html`<ul class="problems">
        ${withoutCauses.map((p) => html`<li>${p.title}</li>`)}
      </ul>`,
    );
  }
  return section('problems', 3, L.problems, parts);
}

export function goalsSection(ctx: ReportContext): SafeHtml {
  const goals = ctx.study.goals ?? [];
  if (goals.length === 0) return html``;
  const { L } = ctx;
  const showProblem = goals.some((g) => g.problem !== undefined);
  return section('goals', 3, L.goals, [
    table(ctx, {
      caption: L.goals,
      head: html`<tr>
        <th scope="col" class="num no">${L.no}</th>
        ${showProblem ? html`<th scope="col">${L.problem}</th>` : ''}
        <th scope="col">${L.goal}</th>
        <th scope="col">${L.target}</th>
      </tr>`,
      body: goals.map(
        (g, i) =>
          html`<tr>
            <td class="num">${String(i + 1)}</td>
            ${showProblem ? html`<td>${g.problem === undefined ? '–' : ctx.problemTitle(g.problem)}</td>` : ''}
            <th scope="row">${g.goal}</th>
            <td>${g.target}</td>
          </tr>`,
      ),
    }),
  ]);
}
