/**
 * Report sections of GP steps 3 and 4: the options, sieve, weighted sum, financial appraisal,
 * estimated effects (EPI, productivity), waste reduction and the implementation plan.
 */
import type { SieveReason } from '../engine/options/index.js';
import type {
  DecisionResult,
  OptionEconomicsResult,
  OptionResult,
} from '../engine/study/evaluate-study.js';
import type { CostItem, GpOption } from '../engine/study/study-input.js';
import type { InternalRateOfReturn, SeriesPaybackPeriod } from '../engine/economics/index.js';
import type { NumberOrRange } from '../engine/range.js';
import {
  epiBeforeAfterChartOption,
  optionComparisonChartOption,
  renderChartSvg,
  type OptionComparisonMetric,
} from './charts.js';
import { figure, section, table, type ReportContext } from './context.js';
import { html, trusted, type SafeHtml } from './html.js';
import { inputCategoryLabel, outputLabel } from './i18n.js';
import { CHART_WIDTH, deviationTable, trafficLightTable } from './sections-planning.js';

export function optionsSection(ctx: ReportContext): SafeHtml {
  const options = ctx.study.options ?? [];
  if (options.length === 0) return html``;
  const { L } = ctx;
  const showProblem = (ctx.study.problems ?? []).length > 1;
  const showDescription = options.some((o) => o.description !== undefined);
  return section('options', 3, L.options, [
    table(ctx, {
      caption: L.options,
      head: html`<tr>
        <th scope="col" class="num no">${L.no}</th>
        <th scope="col">${L.option}</th>
        ${showProblem ? html`<th scope="col">${L.problem}</th>` : ''}${showDescription ? html`<th scope="col">${L.description}</th>` : ''}
      </tr>`,
      body: options.map(
        (o, i) =>
          html`<tr>
            <td class="num">${String(i + 1)}</td>
            <th scope="row">${o.name}</th>
            ${showProblem ? html`<td>${o.problem === undefined ? '–' : ctx.problemTitle(o.problem)}</td>` : ''}${showDescription ? html`<td>${o.description ?? ''}</td>` : ''}
          </tr>`,
      ),
    }),
  ]);
}

function sieveValue(ctx: ReportContext, v: NumberOrRange | boolean | undefined): string {
  if (v === undefined) return '–';
  if (typeof v === 'boolean') return v ? ctx.L.yes : ctx.L.notYes;
  if (typeof v === 'number') return ctx.input(v, 4);
  return `${ctx.input(v.low, 4)}–${ctx.input(v.high, 4)}`;
}

function reasonText(
  ctx: ReportContext,
  reason: SieveReason,
  criteria: readonly { readonly id: string; readonly name: string }[],
): string {
  const { L } = ctx;
  const name = criteria.find((c) => c.id === reason.criterion)?.name ?? reason.criterion;
  if (reason.kind === 'required') return ctx.t(L.reasonRequired, name);
  return ctx.t(
    reason.kind === 'max' ? L.reasonMax : L.reasonMin,
    name,
    ctx.input(reason.compared, 4),
    ctx.input(reason.cutoff, 4),
  );
}

export function sieveSection(ctx: ReportContext): SafeHtml {
  const results = ctx.results.screening?.sieve ?? [];
  if (results.length === 0) return html``;
  const { L } = ctx;
  const inputs = ctx.study.screening?.sieve ?? [];
  const parts = results.map((r) => {
    const input = inputs.find((s) => s.problem === r.problem) ?? inputs[results.indexOf(r)];
    const criteria = input?.criteria ?? [];
    const head = html`<tr>
      <th scope="col" class="num no">${L.no}</th>
      <th scope="col">${L.option}</th>
      ${criteria.map(
        (c) =>
          html`<th scope="col" class="num">
            ${c.name}<br /><span class="sub"
              >${
                c.kind === 'required'
                  ? L.cutoffRequired
                  : ctx.t(c.kind === 'max' ? L.cutoffMax : L.cutoffMin, ctx.input(c.cutoff ?? 0, 4))
              }</span
            >
          </th>`,
      )}
      <th scope="col">${L.status}</th>
    </tr>`;
    const body = r.options.map((o, i) => {
      const option = ctx.study.options?.find((x) => x.id === o.option);
      const failed = new Set(o.reasons.map((x) => x.criterion));
      const status = o.kept
        ? html`<span class="ok">${L.kept}</span>`
        : html`<span class="fail">${L.eliminated}</span>:
            ${o.reasons.map((x) => reasonText(ctx, x, criteria)).join('; ')}`;
      return html`<tr class="${o.kept ? '' : 'eliminated'}">
        <td class="num">${optionNumber(ctx, o.option, i)}</td>
        <th scope="row">${option?.name ?? o.option}</th>
        ${criteria.map(
          (c) =>
            html`<td class="num ${failed.has(c.id) ? 'fail' : ''}">
              ${sieveValue(ctx, option?.sieve?.[c.id])}
            </td>`,
        )}
        <td>${status}</td>
      </tr>`;
    });
    return table(ctx, {
      caption: ctx.t(L.sieveFor, ctx.problemTitle(r.problem)),
      head,
      body,
      className: 'sieve',
    });
  });
  return section('sieve', 3, L.sieve, parts);
}

/** An option's number among the options of its problem (as the papers number them). */
function optionNumber(ctx: ReportContext, id: string, fallback: number): string {
  const all = ctx.study.options ?? [];
  const problem = all.find((o) => o.id === id)?.problem;
  const k = all.filter((o) => o.problem === problem).findIndex((o) => o.id === id);
  return String(k < 0 ? fallback + 1 : k + 1);
}

export function weightedSumSection(ctx: ReportContext): SafeHtml {
  const results = ctx.results.screening?.weightedSum ?? [];
  if (results.length === 0) return html``;
  const { L } = ctx;
  const inputs = ctx.study.screening?.weightedSum ?? [];
  const parts = results.map((r, k) => {
    const input = inputs.filter((w) => w.problem === r.problem)[0] ?? inputs[k];
    const criteria = input?.criteria ?? [];
    const chosen = new Set(r.choice.kind === 'single' ? [r.choice.option] : r.choice.options);
    const mark = (id: string) =>
      chosen.has(id)
        ? html`<br /><span class="chosen-mark"
              >✓ ${r.choice.kind === 'tie' ? L.tie : L.chosen}</span
            >`
        : '';
    const cls = (id: string) => (chosen.has(id) ? 'num chosen' : 'num');
    const head = html`<tr>
      <th scope="col">${L.criterion}</th>
      <th scope="col" class="num">${L.criterionWeight}</th>
      ${r.options.map(
        (o, i) =>
          html`<th scope="col" class="${cls(o.option)}">
            ${optionNumber(ctx, o.option, i)}. ${ctx.optionName(o.option)}${mark(o.option)}
          </th>`,
      )}
    </tr>`;
    const body = [
      ...criteria.map(
        (c, ci) =>
          html`<tr>
            <th scope="row">${c.name}</th>
            <td class="num">${ctx.input(c.weight, 4)}</td>
            ${r.options.map((o) => {
              const term = o.terms[ci];
              return html`<td class="${cls(o.option)}">
                ${term === undefined ? '–' : `${ctx.input(term.score, 4)} (${ctx.input(term.product, 4)})`}
              </td>`;
            })}
          </tr>`,
      ),
      html`<tr class="total">
        <th scope="row">${L.total}</th>
        <td></td>
        ${r.options.map((o) => html`<td class="${cls(o.option)} strong">${ctx.input(o.total, 4)}</td>`)}
      </tr>`,
      html`<tr class="total">
        <th scope="row">${L.rank}</th>
        <td></td>
        ${r.options.map((o) => html`<td class="${cls(o.option)}">${String(o.rank)}</td>`)}
      </tr>`,
    ];
    return table(ctx, {
      caption: ctx.t(L.weightedSumFor, ctx.problemTitle(r.problem)),
      head,
      body,
      className: 'weighted-sum',
      notes: [L.scoreNote],
    });
  });
  return section('weighted-sum', 3, L.weightedSum, parts);
}

// ── Financial appraisal ─────────────────────────────────────────────────────────────────────

function costItemsRows(
  ctx: ReportContext,
  title: string,
  items: readonly CostItem[] | undefined,
): SafeHtml {
  if (items === undefined || items.length === 0) return html``;
  const total = items.reduce((s, i) => s + i.amount * (i.quantity ?? 1), 0);
  return html`<tbody class="keep">
    <tr class="group-head">
      <th scope="rowgroup" colspan="4">${title}</th>
    </tr>
    ${items.map(
      (i) =>
        html`<tr>
          <th scope="row">${i.item}</th>
          <td class="num">${ctx.input(i.quantity ?? 1, 4)}</td>
          <td class="num">${ctx.money(i.amount)}</td>
          <td class="num">${ctx.money(i.amount * (i.quantity ?? 1))}</td>
        </tr>`,
    )}${
      items.length > 1
        ? html`<tr class="subtotal">
            <th scope="row" colspan="3">${ctx.L.total}</th>
            <td class="num">${ctx.money(total)}</td>
          </tr>`
        : ''
    }
  </tbody>`;
}

function irrText(ctx: ReportContext, irr: InternalRateOfReturn): string {
  if (irr.kind === 'unique') return ctx.fraction(irr.rate, 2);
  if (irr.kind === 'multiple')
    return `${ctx.L.multipleIrr}: ${irr.rates.map((r) => ctx.fraction(r, 2)).join('; ')}`;
  return ctx.L.noIrr;
}

function paybackText(ctx: ReportContext, p: SeriesPaybackPeriod): string {
  if (p.kind === 'never') return ctx.L.never;
  return ctx.t(ctx.L.years, ctx.num(p.years, 2));
}

function decisionRuleText(ctx: ReportContext, rule: DecisionResult['rule']): string {
  const { L } = ctx;
  return rule === 'bcr'
    ? L.decisionRuleBcr
    : rule === 'npv'
      ? L.decisionRuleNpv
      : rule === 'annual-worth'
        ? L.decisionRuleAw
        : L.decisionRuleIrr;
}

/** Why the decision chose what it chose, in one sentence (also used by the summary). */
export function decisionText(ctx: ReportContext): string | undefined {
  const d = ctx.results.decision;
  if (d === undefined) return undefined;
  const { L } = ctx;
  const names = d.chosen.map((id) => `“${ctx.optionName(id)}”`).join(', ');
  if (d.chosen.length === 0) return ctx.t(L.choiceNone, decisionRuleText(ctx, d.rule));
  if (d.rule === 'incremental-irr') {
    const last = d.incremental?.[d.incremental.length - 1];
    if (last === undefined) return ctx.t(L.choiceChosen, names);
    const rate = last.incrementalRate;
    const comparison =
      last.basis === 'incremental-irr' && rate.kind === 'unique'
        ? ctx.t(
            L.choiceIncrementalIrr,
            ctx.optionName(last.challenger),
            ctx.optionName(last.defender),
            ctx.fraction(rate.rate, 2),
            ctx.fraction(last.marr, 2),
          )
        : ctx.t(
            L.choiceIncrementalNpv,
            ctx.optionName(last.challenger),
            ctx.optionName(last.defender),
            ctx.money(last.incrementalNetPresentValue),
            ctx.fraction(last.marr, 2),
          );
    return `${ctx.t(L.choiceChosen, names)} ${comparison}`;
  }
  const ranking = d.ranking?.ranking ?? [];
  const value = (v: number) => (d.rule === 'bcr' ? ctx.num(v, 2) : ctx.money(v));
  const metric = d.rule === 'bcr' ? L.bcr : d.rule === 'npv' ? L.npv : L.annualWorth;
  const list = ranking.map((r) => `${ctx.optionName(r.name)} ${value(r.value)}`).join('; ');
  return `${ctx.t(L.choiceChosen, names)} ${ctx.t(L.choiceEconomic, metric, list)}`;
}

export function financialSection(ctx: ReportContext): SafeHtml {
  const options = (ctx.study.options ?? []).filter((o) => o.economics !== undefined);
  if (options.length === 0) return html``;
  const { L } = ctx;
  const results = new Map((ctx.results.options ?? []).map((o) => [o.id, o]));
  const chosen = new Set(ctx.results.decision?.chosen ?? []);
  const parts: SafeHtml[] = [];

  for (const o of options) {
    const e = o.economics;
    if (e === undefined) continue;
    parts.push(
      table(ctx, {
        caption: ctx.t(L.costItemsFor, o.name),
        className: 'costs',
        head: html`<tr>
          <th scope="col">${L.description}</th>
          <th scope="col" class="num">${L.quantity}</th>
          <th scope="col" class="num">${L.unitPrice}</th>
          <th scope="col" class="num">${L.amount}</th>
        </tr>`,
        bodyIsGroups: true,
        body: [
          costItemsRows(ctx, L.investment, e.investment),
          costItemsRows(ctx, L.annualCosts, e.annualCosts),
          costItemsRows(ctx, L.annualBenefits, e.annualBenefits),
          html`<tbody class="keep">
            <tr>
              <th scope="row" colspan="3">${L.life}</th>
              <td class="num">${ctx.input(e.life, 2)}</td>
            </tr>
            <tr>
              <th scope="row" colspan="3">${L.interestRate}</th>
              <td class="num">${ctx.fraction(e.interestRate, 2)}</td>
            </tr>
            ${
              e.salvage === undefined
                ? ''
                : html`<tr>
                    <th scope="row" colspan="3">${L.salvage}</th>
                    <td class="num">${ctx.money(e.salvage)}</td>
                  </tr>`
            }
          </tbody>`,
        ],
      }),
    );
  }

  const computed = options
    .map((o) => ({ option: o, economics: results.get(o.id)?.economics }))
    .filter(
      (x): x is { option: GpOption; economics: OptionEconomicsResult } => x.economics !== undefined,
    );
  if (computed.length > 0) {
    const cls = (id: string) => (chosen.has(id) ? 'num chosen' : 'num');
    type Row = readonly [string, (e: OptionEconomicsResult) => string, boolean?];
    const rows: Row[] = [
      [L.investment, (e) => ctx.money(e.investment)],
      [L.annualCosts, (e) => ctx.money(e.annualCost)],
      [L.annualBenefits, (e) => ctx.money(e.annualBenefit)],
      [L.life, (e) => ctx.input(e.life, 2)],
      [L.interestRate, (e) => ctx.fraction(e.interestRate, 2)],
      [L.capitalRecoveryFactor, (e) => ctx.num(e.capitalRecoveryFactor, 4)],
      [L.capitalRecovery, (e) => ctx.money(e.capitalRecovery)],
      [L.equivalentAnnualCost, (e) => ctx.money(e.equivalentAnnualCost)],
      [L.annualWorth, (e) => ctx.money(e.annualWorth), true],
      [L.bcr, (e) => ctx.num(e.bcr, 2), true],
      [L.npv, (e) => ctx.money(e.npv), true],
      [L.irr, (e) => irrText(ctx, e.irr), true],
      [L.payback, (e) => paybackText(ctx, e.payback.simple)],
      [L.discountedPayback, (e) => paybackText(ctx, e.payback.discounted)],
    ];
    parts.push(
      table(ctx, {
        caption: L.financialSummary,
        className: 'financial',
        head: html`<tr>
          <th scope="col">${L.criterion}</th>
          ${computed.map(
            (c) =>
              html`<th scope="col" class="${cls(c.option.id)}">
                ${c.option.name}${chosen.has(c.option.id) ? html`<br /><span class="chosen-mark">✓ ${L.chosen}</span>` : ''}
              </th>`,
          )}
        </tr>`,
        body: rows.map(
          ([label, value, strong]) =>
            html`<tr class="${strong === true ? 'key' : ''}">
              <th scope="row">${label}</th>
              ${computed.map((c) => html`<td class="${cls(c.option.id)}">${value(c.economics)}</td>`)}
            </tr>`,
        ),
      }),
    );
    const incremental = ctx.results.decision?.incremental ?? [];
    if (incremental.length > 0) {
      parts.push(
        table(ctx, {
          caption: L.incrementalTable,
          head: html`<tr>
            <th scope="col">${L.comparison}</th>
            <th scope="col" class="num">${L.irr}</th>
            <th scope="col" class="num">MARR</th>
            <th scope="col" class="num">${L.incrementalNpv}</th>
            <th scope="col">${L.chosen}</th>
          </tr>`,
          body: incremental.map(
            (c) =>
              html`<tr>
                <th scope="row">${ctx.optionName(c.challenger)} − ${ctx.optionName(c.defender)}</th>
                <td class="num">${irrText(ctx, c.incrementalRate)}</td>
                <td class="num">${ctx.fraction(c.marr, 2)}</td>
                <td class="num">${ctx.money(c.incrementalNetPresentValue)}</td>
                <td>${ctx.optionName(c.chosen === 'second' ? c.challenger : c.defender)}</td>
              </tr>`,
          ),
        }),
      );
    }
    const decision = decisionText(ctx);
    if (decision !== undefined) {
      parts.push(html`<p class="decision"><strong>${L.decision}:</strong> ${decision}</p>`);
    }
    const rule = ctx.results.decision?.rule ?? ctx.study.decisionRule;
    const metric: OptionComparisonMetric =
      rule === 'bcr' ? 'bcr' : rule === 'npv' ? 'npv' : 'annual-worth';
    const items = computed.map((c) => ({
      name: c.option.name,
      value:
        metric === 'bcr'
          ? c.economics.bcr
          : metric === 'npv'
            ? c.economics.npv
            : c.economics.annualWorth,
    }));
    parts.push(
      figure(
        ctx,
        metric === 'bcr' ? L.optionChartBcr : metric === 'npv' ? L.optionChartNpv : L.optionChartAw,
        trusted(
          renderChartSvg(optionComparisonChartOption(items, metric, ctx.language), {
            width: CHART_WIDTH,
            height: 280,
          }),
        ),
      ),
    );
  }
  return section('financial', 3, L.financial, parts);
}

// ── Estimated effects ───────────────────────────────────────────────────────────────────────

export function estimatesSection(ctx: ReportContext): SafeHtml {
  const options = (ctx.results.options ?? []).filter(
    (o) => o.effects?.epi !== undefined || o.effects?.productivity !== undefined,
  );
  if (options.length === 0) return html``;
  const { L } = ctx;
  const parts: SafeHtml[] = [];
  const chosen = new Set(ctx.results.decision?.chosen ?? []);

  const withEpi = options.filter(
    (
      o,
    ): o is OptionResult & {
      effects: { epi: NonNullable<NonNullable<OptionResult['effects']>['epi']> };
    } => o.effects?.epi !== undefined,
  );
  if (withEpi.length > 0) {
    parts.push(
      table(ctx, {
        caption: L.epiBeforeAfterSummary,
        head: html`<tr>
          <th scope="col">${L.option}</th>
          <th scope="col" class="num">${L.epiBefore}</th>
          <th scope="col" class="num">${L.epiAfterLabel}</th>
          <th scope="col" class="num">${L.change}</th>
          <th scope="col" class="num">${L.change} (%)</th>
        </tr>`,
        body: withEpi.map((o) => {
          const e = o.effects.epi;
          return html`<tr class="${chosen.has(o.id) ? 'chosen' : ''}">
            <th scope="row">${o.name}</th>
            <td class="num">${ctx.num(e.before.total)}</td>
            <td class="num strong">${ctx.num(e.after.total)}</td>
            <td class="num">${ctx.signed(e.change.absolute)}</td>
            <td class="num">
              ${e.change.relative === undefined ? '–' : ctx.pct(e.change.relative * 100, 1)}
            </td>
          </tr>`;
        }),
      }),
    );
    parts.push(
      figure(
        ctx,
        L.epiBeforeAfterChart,
        trusted(
          renderChartSvg(
            epiBeforeAfterChartOption(
              withEpi.map((o) => ({
                name: o.name,
                before: o.effects.epi.before.total,
                after: o.effects.epi.after.total,
              })),
              ctx.language,
            ),
            { width: CHART_WIDTH, height: 280 },
          ),
        ),
      ),
    );
    for (const o of withEpi) {
      const e = o.effects.epi;
      const removal = e.concentrations.map((c) => c.removal);
      const caption = ctx.t(L.epiAfterFor, o.name);
      parts.push(
        e.method === 'deviation'
          ? deviationTable(ctx, e.after, caption, { removal })
          : trafficLightTable(ctx, e.after, caption, { removal }),
      );
    }
  }

  const withProductivity = options.filter((o) => o.effects?.productivity !== undefined);
  if (withProductivity.length > 0) {
    parts.push(
      table(ctx, {
        caption: L.productivityBeforeAfter,
        head: html`<tr>
          <th scope="col">${L.option}</th>
          <th scope="col" class="num">${L.productivityBefore}</th>
          <th scope="col" class="num">${L.productivityAfterLabel}</th>
          <th scope="col" class="num">${L.productivityChangePoints}</th>
          <th scope="col" class="num">${L.change} (%)</th>
        </tr>`,
        body: withProductivity.map((o) => {
          const c = o.effects?.productivity?.change;
          if (c === undefined) return html``;
          return html`<tr class="${chosen.has(o.id) ? 'chosen' : ''}">
            <th scope="row">${o.name}</th>
            <td class="num">${ctx.pct(c.beforePercent)}</td>
            <td class="num strong">${ctx.pct(c.afterPercent)}</td>
            <td class="num">${ctx.signed(c.changePoints)}</td>
            <td class="num">
              ${c.relativeChangePercent === undefined ? '–' : ctx.pct(c.relativeChangePercent, 2)}
            </td>
          </tr>`;
        }),
      }),
    );
    for (const o of withProductivity) {
      const p = o.effects?.productivity;
      if (p === undefined) continue;
      const unit = p.unit === undefined ? '' : ` (${p.unit})`;
      const row = (name: string, before: number, after: number, change: number, cls = '') =>
        html`<tr class="${cls}">
          <th scope="row">${name}</th>
          <td class="num">${ctx.num(before, 3)}</td>
          <td class="num">${ctx.num(after, 3)}</td>
          <td class="num">${ctx.signed(change, 3)}</td>
        </tr>`;
      parts.push(
        table(ctx, {
          caption: ctx.t(L.productivityDetailFor, o.name),
          head: html`<tr>
            <th scope="col">${L.category}</th>
            <th scope="col" class="num">${L.before}${unit}</th>
            <th scope="col" class="num">${L.after}${unit}</th>
            <th scope="col" class="num">${L.change}</th>
          </tr>`,
          body: [
            ...(p.outputs.length > 1
              ? p.outputs.map((c) =>
                  row(outputLabel(c.category, ctx.language), c.before, c.after, c.change),
                )
              : []),
            row(
              L.totalOutput,
              p.before.totalOutput,
              p.after.totalOutput,
              p.after.totalOutput - p.before.totalOutput,
              'total',
            ),
            ...p.inputs.map((c) =>
              row(inputCategoryLabel(c.category, ctx.language), c.before, c.after, c.change),
            ),
            row(
              L.totalInput,
              p.before.totalInput,
              p.after.totalInput,
              p.after.totalInput - p.before.totalInput,
              'total',
            ),
            html`<tr class="total">
              <th scope="row">${L.productivityPercent}</th>
              <td class="num">${ctx.pct(p.before.percent)}</td>
              <td class="num strong">${ctx.pct(p.after.percent)}</td>
              <td class="num">${ctx.signed(p.change.changePoints)}</td>
            </tr>`,
          ],
        }),
      );
    }
  }
  return section('estimates', 3, L.estimates, parts);
}

export function wasteSection(ctx: ReportContext): SafeHtml {
  const options = (ctx.results.options ?? []).filter((o) => o.effects?.waste !== undefined);
  if (options.length === 0) return html``;
  const { L } = ctx;
  const chosen = new Set(ctx.results.decision?.chosen ?? []);
  return section('waste', 3, L.wasteReduction, [
    table(ctx, {
      caption: L.wasteTable,
      head: html`<tr>
        <th scope="col">${L.option}</th>
        <th scope="col" class="num">${L.wasteBefore}</th>
        <th scope="col" class="num">${L.wasteAfter}</th>
        <th scope="col" class="num">${L.reduction}</th>
        <th scope="col" class="num">${L.reduction} (%)</th>
      </tr>`,
      body: options.map((o) => {
        const w = o.effects?.waste;
        if (w === undefined) return html``;
        const unit = w.unit === undefined ? '' : ` ${w.unit}`;
        return html`<tr class="${chosen.has(o.id) ? 'chosen' : ''}">
          <th scope="row">${o.name}</th>
          <td class="num">${ctx.input(w.before, 3)}${unit}</td>
          <td class="num">${ctx.input(w.after, 3)}${unit}</td>
          <td class="num">${ctx.input(w.reduction, 3)}${unit}</td>
          <td class="num strong">${ctx.pct(w.reductionPercent, 1)}</td>
        </tr>`;
      }),
    }),
  ]);
}

// ── Step 4 ──────────────────────────────────────────────────────────────────────────────────

export function planSection(ctx: ReportContext): SafeHtml {
  const plan = ctx.study.implementation ?? [];
  if (plan.length === 0) return html``;
  const { L } = ctx;
  const showOption = new Set(plan.map((a) => a.option)).size > 1;
  const showSchedule = plan.some((a) => a.schedule !== undefined);
  // Consecutive actions with the same goal and target share those cells, as the papers print them.
  const spans = plan.map((a, i) => {
    const prev = plan[i - 1];
    if (prev !== undefined && prev.goal === a.goal && prev.target === a.target) return 0;
    let n = 1;
    while (plan[i + n]?.goal === a.goal && plan[i + n]?.target === a.target) n += 1;
    return n;
  });
  const options = [
    ...new Set(plan.map((a) => a.option).filter((o): o is string => o !== undefined)),
  ];
  return section('plan', 3, L.plan, [
    table(ctx, {
      caption: L.plan,
      className: 'plan',
      head: html`<tr>
        <th scope="col">${L.goal}</th>
        <th scope="col">${L.target}</th>
        <th scope="col">${L.action}</th>
        <th scope="col">${L.responsible}</th>
        <th scope="col">${L.executor}</th>
        ${showOption ? html`<th scope="col">${L.option}</th>` : ''}${showSchedule ? html`<th scope="col">${L.schedule}</th>` : ''}
      </tr>`,
      body: plan.map((a, i) => {
        const span = spans[i] ?? 1;
        const shared =
          span === 0
            ? html``
            : html`<th scope="rowgroup" rowspan="${String(span)}">${a.goal}</th>
                <td rowspan="${String(span)}">${a.target}</td>`;
        return html`<tr>
          ${shared}
          <td>${a.action}</td>
          <td>${a.responsible}</td>
          <td>${a.executor}</td>
          ${showOption ? html`<td>${a.option === undefined ? '–' : ctx.optionName(a.option)}</td>` : ''}${showSchedule ? html`<td>${a.schedule ?? '–'}</td>` : ''}
        </tr>`;
      }),
      notes:
        !showOption && options.length === 1
          ? [`${L.option}: ${ctx.optionName(options[0] ?? '')}`]
          : [],
    }),
  ]);
}
