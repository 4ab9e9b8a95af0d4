/**
 * What every report section needs: the study, its results, the language with its labels and
 * number formats, and the running numbers of tables and figures ("Tabel 3.", "Gambar 2.").
 */
import type { StudyEvaluation, StudyResults } from '../engine/study/evaluate-study.js';
import type { StudyInput } from '../engine/study/study-input.js';
import {
  formatFractionPercent,
  formatInput,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSigned,
  type ReportLanguage,
} from './format.js';
import { html, isEmpty, join, trusted, type HtmlValue, type SafeHtml } from './html.js';
import { fill, labels, type Labels } from './i18n.js';

export class ReportContext {
  readonly L: Labels;
  readonly results: StudyResults;
  private tables = 0;
  private figures = 0;

  constructor(
    readonly study: StudyInput,
    readonly evaluation: StudyEvaluation,
    readonly language: ReportLanguage,
  ) {
    this.L = labels(language);
    this.results = evaluation.results;
  }

  /** A fixed-decimals number. */
  num(value: number, decimals = 2): string {
    return formatNumber(value, this.language, decimals);
  }
  /** A number as entered (no trailing zeros). */
  input(value: number, maxDecimals = 4): string {
    return formatInput(value, this.language, maxDecimals);
  }
  /** A value in percent units: 41.67 → "41,67 %". */
  pct(percent: number, decimals = 2): string {
    return formatPercent(percent, this.language, decimals);
  }
  /** A fraction as a percentage: 0.1 → "10 %" (with `decimals`). */
  fraction(value: number, decimals = 2): string {
    return formatFractionPercent(value, this.language, decimals);
  }
  money(amount: number, decimals = 0): string {
    return formatMoney(amount, this.language, { decimals });
  }
  signed(value: number, decimals = 2): string {
    return formatSigned(value, this.language, decimals);
  }
  t(template: string, ...values: readonly string[]): string {
    return fill(template, ...values);
  }

  /** `<caption>` with the next table number. */
  caption(title: string): SafeHtml {
    this.tables += 1;
    return html`<caption>
      <span class="number">${this.L.table} ${String(this.tables)}.</span>
      ${title}
    </caption>`;
  }
  /** `<figcaption>` with the next figure number. */
  figcaption(title: string): SafeHtml {
    this.figures += 1;
    return html`<figcaption>
      <span class="number">${this.L.figure} ${String(this.figures)}.</span> ${title}
    </figcaption>`;
  }

  optionName(id: string): string {
    return this.study.options?.find((o) => o.id === id)?.name ?? id;
  }
  problemTitle(id: string | undefined): string {
    if (id === undefined) return this.L.allOptions;
    return this.study.problems?.find((p) => p.id === id)?.title ?? id;
  }
  parameterName(id: string): string {
    return this.study.effluent?.parameters.find((p) => p.id === id)?.name ?? id;
  }
  /** The unit the study gives an effluent parameter, if any. */
  parameterUnit(id: string): string | undefined {
    return this.study.effluent?.parameters.find((p) => p.id === id)?.unit;
  }
}

export interface TableSpec {
  readonly caption: string;
  /** `<tr>` rows of the head. */
  readonly head: HtmlValue;
  /** Either `<tr>` rows (wrapped in one `<tbody>`) or whole `<tbody>` groups. */
  readonly body: HtmlValue;
  readonly bodyIsGroups?: boolean;
  readonly className?: string;
  readonly notes?: readonly (string | SafeHtml)[];
}

/** Tables with at most this many body rows are kept on one page. */
export const KEEP_TOGETHER_ROWS = 22;

/** A numbered table. */
export function table(ctx: ReportContext, spec: TableSpec): SafeHtml {
  const caption = ctx.caption(spec.caption);
  const body =
    spec.bodyIsGroups === true
      ? spec.body
      : html`<tbody>
          ${spec.body}
        </tbody>`;
  const notes = (spec.notes ?? []).map((n) => html`<p class="table-note">${n}</p>`);
  // Short tables stay on one page; long ones break between rows (never inside one).
  const rows = (html`${body}`.value.match(/<tr[\s>]/g) ?? []).length;
  const keep = rows <= KEEP_TOGETHER_ROWS ? ' keep' : '';
  return html`<div class="table-block${keep}">
    <table class="${spec.className ?? ''}">
      ${caption}
      <thead>
        ${spec.head}
      </thead>
      ${body}
    </table>
    ${notes}
  </div>`;
}

/** A numbered figure around trusted SVG markup. */
export function figure(
  ctx: ReportContext,
  title: string,
  svg: SafeHtml,
  className = 'chart',
): SafeHtml {
  return html`<figure class="${className}">${svg}${ctx.figcaption(title)}</figure>`;
}

/** A section with a heading, or nothing when its content is empty. */
export function section(
  id: string,
  level: 2 | 3 | 4,
  title: string,
  content: readonly SafeHtml[],
  className = '',
): SafeHtml {
  const body = join(content);
  if (isEmpty(body)) return body;
  const h = trusted(`h${level}`);
  return html`<section id="${id}" class="${className}" aria-labelledby="${id}-title"><${h} id="${id}-title">${title}</${h}>${body}</section>`;
}
