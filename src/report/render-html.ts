/**
 * The whole report as one self-contained HTML document (inline CSS and SVG, no external
 * requests): cover, summary, one section per GP step in order, the audit when given. Sections
 * with no data are left out. Every piece of user text is escaped.
 */
import type { StudyEvaluation } from '../engine/study/evaluate-study.js';
import type { StudyInput } from '../engine/study/study-input.js';
import type { StudyAudit } from '../engine/audit/index.js';
import { auditSection } from './audit.js';
import { ReportContext, section, table } from './context.js';
import { formatDate, type ReportLanguage } from './format.js';
import { html, isEmpty, trusted, type SafeHtml } from './html.js';
import {
  ahpSection,
  boundPrefix,
  epiSection,
  goalsSection,
  likertSection,
  massBalanceSection,
  problemsSection,
  productivitySection,
  surveySection,
  teamSection,
  walkThroughSection,
} from './sections-planning.js';
import {
  decisionText,
  estimatesSection,
  financialSection,
  optionsSection,
  planSection,
  sieveSection,
  wasteSection,
  weightedSumSection,
} from './sections-options.js';
import { monitoringSection, type MonitoringReportSeries } from './sections-monitoring.js';
import { uncertaintySection } from './sections-uncertainty.js';
import { REPORT_CSS } from './style.js';

export interface ReportOptions {
  readonly language: ReportLanguage;
  /** The audit of the study's published values (lestari audit), shown as its own section. */
  readonly audit?: StudyAudit;
  /** The report's date, `YYYY-MM-DD` (written out in words) or text; never read from the clock. */
  readonly date?: string;
  /** Monitoring results (readings files or the server's stored series): GP step 5's section. */
  readonly monitoring?: readonly MonitoringReportSeries[];
}

export type { MonitoringReportSeries };

/** Renders a study and its evaluation as a standalone HTML report. */
export function renderReportHtml(
  study: StudyInput,
  evaluation: StudyEvaluation,
  options: ReportOptions,
): string {
  const ctx = new ReportContext(study, evaluation, options.language);
  const { L } = ctx;

  const summary = summarySection(ctx);
  const steps: SafeHtml[] = [
    section('step-1', 2, L.step1, [teamSection(ctx), walkThroughSection(ctx)], 'major'),
    section(
      'step-2',
      2,
      L.step2,
      [
        massBalanceSection(ctx),
        productivitySection(ctx),
        epiSection(ctx),
        ahpSection(ctx),
        likertSection(ctx),
        surveySection(ctx),
        problemsSection(ctx),
        goalsSection(ctx),
      ],
      'major',
    ),
    section(
      'step-3',
      2,
      L.step3,
      [
        optionsSection(ctx),
        sieveSection(ctx),
        weightedSumSection(ctx),
        financialSection(ctx),
        estimatesSection(ctx),
        wasteSection(ctx),
        uncertaintySection(ctx),
      ],
      'major',
    ),
    section('step-4', 2, L.step4, [planSection(ctx)], 'major'),
    monitoringSection(ctx, options.monitoring),
    options.audit === undefined ? html`` : auditSection(ctx, options.audit),
    inputProblemsSection(ctx),
  ];
  const contents: { id: string; title: string }[] = [
    ...(isEmpty(summary) ? [] : [{ id: 'summary', title: L.summary }]),
    ...[
      { id: 'step-1', title: L.step1 },
      { id: 'step-2', title: L.step2 },
      { id: 'step-3', title: L.step3 },
      { id: 'step-4', title: L.step4 },
      { id: 'step-5', title: L.step5 },
      { id: 'audit', title: L.auditSection },
      { id: 'input-problems', title: L.inputProblems },
    ].filter((_, i) => !isEmpty(steps[i] ?? html``)),
  ];

  const s = study.study;
  const title = s.title;
  const document = html`<!DOCTYPE html>
    <html lang="${options.language}">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="Lestari" />
        <title>${title} · ${s.organisation.name}</title>
        <style>
          ${trusted(REPORT_CSS)}
        </style>
      </head>
      <body>
        ${cover(ctx, options, contents)}
        <main>${summary} ${steps}</main>
      </body>
    </html> `;
  return document.value;
}

function cover(
  ctx: ReportContext,
  options: ReportOptions,
  contents: readonly { id: string; title: string }[],
): SafeHtml {
  const { L, study } = ctx;
  const s = study.study;
  const o = s.organisation;
  const place = [o.sector, o.location].filter((x): x is string => x !== undefined && x !== '');
  const facts: [string, SafeHtml | string | undefined][] = [
    [L.organisation, o.name],
    [L.sector, o.sector],
    [L.location, o.location],
    [L.products, o.products],
    [L.period, s.period],
    [
      L.source,
      s.source === undefined
        ? undefined
        : html`${s.source.citation}${
            s.source.url !== undefined && /^https?:\/\//i.test(s.source.url)
              ? html` (<a href="${s.source.url}">${s.source.url}</a>)`
              : s.source.url === undefined
                ? ''
                : ` (${s.source.url})`
          }`,
    ],
    [L.date, options.date === undefined ? undefined : formatDate(options.date, options.language)],
  ];
  return html`<header class="cover">
    <p class="kind">${L.reportKind}</p>
    <h1>${s.title}</h1>
    <p class="organisation">${o.name}${place.length > 0 ? ` · ${place.join(' · ')}` : ''}</p>
    <dl>
      ${facts
        .filter((f): f is [string, SafeHtml | string] => f[1] !== undefined && f[1] !== '')
        .map(
          ([k, v]) =>
            html`<dt>${k}</dt>
              <dd>${v}</dd>`,
        )}
    </dl>
    ${
      contents.length > 0
        ? html`<nav aria-labelledby="contents-title">
            <h2 id="contents-title">${L.contents}</h2>
            <ol>
              ${contents.map((c) => html`<li><a href="#${c.id}">${c.title}</a></li>`)}
            </ol>
          </nav>`
        : ''
    }
    <p class="prepared">${L.preparedWith}</p>
  </header>`;
}

// ── Summary ───────────────────────────────────────────────────────────────────────────────

interface Card {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
  readonly tone: string;
}

function card(c: Card): SafeHtml {
  return html`<div class="card ${c.tone}">
    <div class="label">${c.label}</div>
    <div class="value">${c.value}</div>
    <div class="detail">${c.detail}</div>
  </div>`;
}

function summarySection(ctx: ReportContext): SafeHtml {
  const { L, results } = ctx;
  const cards: Card[] = [];
  const epiLines: string[] = [];
  const choiceLines: string[] = [];
  const productivityLines: string[] = [];

  const epi = results.epi;
  if (epi !== undefined) {
    const total = `${boundPrefix(epi.bound)}${ctx.num(epi.total)}`;
    if (epi.method === 'deviation') {
      const template = epi.total > 0 ? L.epiPositive : epi.total < 0 ? L.epiNegative : L.epiZero;
      epiLines.push(ctx.t(template, total));
      const exceeding = epi.terms.filter((t) => !t.compliant).map((t) => t.name ?? t.id ?? '');
      epiLines.push(
        exceeding.length === 0 ? L.epiAllCompliant : ctx.t(L.epiExceeding, exceeding.join(', ')),
      );
      cards.push({
        label: L.summaryEpi,
        value: total,
        detail:
          exceeding.length === 0 ? L.epiAllCompliant : ctx.t(L.epiExceeding, exceeding.join(', ')),
        tone: epi.total < 0 ? 'negative' : 'positive',
      });
    } else {
      epiLines.push(ctx.t(L.epiTrafficLight, total, ctx.num(epi.meanLevel), L[epi.band]));
      const red = epi.terms.filter((t) => t.band === 'red').map((t) => t.name ?? t.id ?? '');
      if (red.length > 0) epiLines.push(ctx.t(L.epiRedParameters, red.join(', ')));
      cards.push({ label: L.summaryEpi, value: total, detail: L[epi.band], tone: epi.band });
    }
  }

  // The chosen option(s) and why.
  const chosenIds: string[] = [];
  const decision = decisionText(ctx);
  if (decision !== undefined) {
    choiceLines.push(decision);
    chosenIds.push(...(results.decision?.chosen ?? []));
  }
  for (const w of results.screening?.weightedSum ?? []) {
    const problem = ctx.problemTitle(w.problem);
    if (w.choice.kind === 'single') {
      choiceLines.push(
        ctx.t(
          L.choiceWeightedSum,
          problem,
          ctx.optionName(w.choice.option),
          ctx.input(w.choice.total, 4),
        ),
      );
      chosenIds.push(w.choice.option);
    } else {
      choiceLines.push(
        ctx.t(
          L.choiceWeightedSumTie,
          problem,
          ctx.input(w.choice.total, 4),
          w.choice.options.map((o) => `“${ctx.optionName(o)}”`).join(', '),
        ),
      );
    }
  }
  const planned = [
    ...new Set(
      (ctx.study.implementation ?? [])
        .map((a) => a.option)
        .filter((o): o is string => o !== undefined && !chosenIds.includes(o)),
    ),
  ];
  for (const id of planned) {
    choiceLines.push(ctx.t(L.choicePlan, ctx.optionName(id)));
    chosenIds.push(id);
  }
  const uniqueChosen = [...new Set(chosenIds)];
  if (uniqueChosen.length > 0) {
    cards.push({
      label: L.summaryChoice,
      value:
        uniqueChosen.length === 1
          ? ctx.optionName(uniqueChosen[0] ?? '')
          : String(uniqueChosen.length),
      detail:
        uniqueChosen.length === 1 ? '' : uniqueChosen.map((id) => ctx.optionName(id)).join('; '),
      tone: '',
    });
  }
  for (const id of uniqueChosen) {
    const effects = results.options?.find((o) => o.id === id)?.effects;
    if (effects?.epi !== undefined) {
      epiLines.push(
        ctx.t(
          L.epiAfter,
          ctx.optionName(id),
          ctx.num(effects.epi.after.total),
          ctx.num(effects.epi.before.total),
        ),
      );
    }
    if (effects?.productivity !== undefined) {
      productivityLines.push(
        ctx.t(
          L.productivityAfter,
          ctx.optionName(id),
          ctx.pct(effects.productivity.change.afterPercent),
          ctx.signed(effects.productivity.change.changePoints),
        ),
      );
    }
  }

  // Key productivity figures.
  const p = results.productivity?.periods;
  if (p !== undefined && p.periods.length > 0) {
    const year = p.ratioOfTotals.kind === 'available' ? p.ratioOfTotals.percent : undefined;
    const headline = year ?? p.meanOfRatios.percent;
    productivityLines.unshift(
      year !== undefined
        ? ctx.t(L.productivityYear, ctx.pct(year))
        : ctx.t(L.productivityMean, ctx.pct(headline)),
      ctx.t(
        L.productivityRange,
        ctx.pct(p.lowest.percent),
        p.lowest.label,
        ctx.pct(p.highest.percent),
        p.highest.label,
      ),
    );
    cards.push({
      label: L.summaryProductivity,
      value: ctx.pct(headline),
      detail: year !== undefined ? L.yearRatio : L.meanOfRatios,
      tone: '',
    });
  }
  const weakest = results.massBalance?.productivity.weakestFirst[0];
  if (weakest !== undefined) {
    productivityLines.push(ctx.t(L.productivityWeakest, weakest.name, ctx.pct(weakest.percent)));
    if (p === undefined) {
      cards.push({
        label: L.processProductivity,
        value: ctx.pct(weakest.percent),
        detail: weakest.name,
        tone: 'negative',
      });
    }
  }

  const block = (id: string, title: string, lines: readonly string[]) =>
    lines.length === 0
      ? html``
      : html`<section id="${id}" aria-labelledby="${id}-title">
          <h3 id="${id}-title">${title}</h3>
          <ul>
            ${lines.map((l) => html`<li>${l}</li>`)}
          </ul>
        </section>`;
  return section(
    'summary',
    2,
    L.summary,
    [
      cards.length === 0 ? html`` : html`<div class="cards">${cards.map(card)}</div>`,
      block('summary-epi', L.summaryEpi, epiLines),
      block('summary-choice', L.summaryChoice, choiceLines),
      block('summary-productivity', L.summaryProductivity, productivityLines),
    ],
    'major summary',
  );
}

function inputProblemsSection(ctx: ReportContext): SafeHtml {
  const errors = ctx.evaluation.errors;
  if (errors.length === 0) return html``;
  const { L } = ctx;
  return section(
    'input-problems',
    2,
    L.inputProblems,
    [
      html`<p>${L.inputProblemsIntro}</p>`,
      table(ctx, {
        caption: L.inputProblems,
        head: html`<tr>
          <th scope="col">${L.errorPath}</th>
          <th scope="col">${L.errorMessage}</th>
        </tr>`,
        body: errors.map(
          (e) =>
            html`<tr>
              <th scope="row"><code>${e.path}</code></th>
              <td>${e.message}</td>
            </tr>`,
        ),
      }),
    ],
    'major',
  );
}
