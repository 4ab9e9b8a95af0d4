/**
 * The audit section: each value the source printed beside the recomputed one, with the likely
 * cause of every discrepancy. The cause labels are shared with the command line.
 */
import {
  parseResultPath,
  publishedScale,
  type LikelyCauseKind,
  type PublishedValueAudit,
  type PublishedValueStatus,
  type StudyAudit,
} from '../engine/audit/index.js';
import { section, table, type ReportContext } from './context.js';
import { formatNumber, type ReportLanguage } from './format.js';
import { html, type SafeHtml } from './html.js';

const CAUSE_LABELS: Readonly<Record<LikelyCauseKind, Readonly<Record<ReportLanguage, string>>>> = {
  'sum-of-rounded-terms': { id: 'jumlah suku yang sudah dibulatkan', en: 'sum of rounded terms' },
  'sum-of-printed-terms': {
    id: 'jumlah suku yang tercetak di sumber',
    en: 'sum of the terms the source printed',
  },
  'follows-from-published': {
    id: 'mengikuti nilai tercetak lain yang keliru',
    en: 'follows from another printed value',
  },
  'arithmetic-slip': { id: 'salah hitung', en: 'arithmetic slip' },
  'difference-of-published': {
    id: 'selisih atau jumlah dua nilai tercetak',
    en: 'sum or difference of printed values',
  },
  'rounded-interest-factor': {
    id: 'faktor bunga dibulatkan 4 desimal',
    en: 'interest factor rounded to 4 decimals',
  },
  'n-differs-from-written': {
    id: 'n berbeda dari yang ditulis',
    en: 'n differs from the one written',
  },
  'digit-slip': { id: 'salah ketik angka', en: 'digit slip' },
  'sign-error': { id: 'tanda terbalik', en: 'sign error' },
  'not-derivable': {
    id: 'tidak dapat diturunkan dari data',
    en: 'cannot be derived from the published data',
  },
};

/** A likely cause's short name in the report's language. */
export function auditCauseLabel(kind: LikelyCauseKind, language: ReportLanguage): string {
  return CAUSE_LABELS[kind][language];
}

/** The computed value on the scale and with the decimals the source printed (+2, so a slip shows). */
export function computedAsPrinted(
  entry: PublishedValueAudit,
  published: { readonly percent: boolean; readonly decimals: number } | undefined,
  language: ReportLanguage,
): string {
  if (entry.computed === undefined || published === undefined) return '–';
  const last = parseResultPath(entry.path).at(-1)?.key ?? '';
  const value = entry.computed * publishedScale(published.percent, last);
  const decimals = Math.min(6, Math.max(0, published.decimals + 2));
  const text = formatNumber(value, language, decimals);
  return published.percent ? `${text} %` : text;
}

export function auditSection(ctx: ReportContext, audit: StudyAudit): SafeHtml {
  const { L } = ctx;
  const c = audit.counts;
  const label = (s: PublishedValueStatus) =>
    s === 'match' ? L.auditMatch : s === 'unresolved' ? L.auditMissing : L.auditDiscrepancy;
  const explanation = (e: PublishedValueAudit) => {
    const cause = e.cause ?? e.note;
    if (cause === undefined) return e.reason ?? '';
    // The detail sentence is English; the Indonesian report gives the cause's name.
    return ctx.language === 'en'
      ? `${auditCauseLabel(cause.kind, 'en')}: ${cause.detail}`
      : auditCauseLabel(cause.kind, 'id');
  };
  const showWhere = audit.entries.some((e) => e.where !== undefined);
  return section(
    'audit',
    2,
    L.auditSection,
    [
      html`<p>
        ${L.auditIntro}
        ${ctx.t(L.auditCounts, String(c.match), String(c.discrepancy), String(c.unresolved))}
      </p>`,
      table(ctx, {
        caption: L.auditTable,
        className: 'audit',
        head: html`<tr>
          <th scope="col" class="num no">${L.no}</th>
          <th scope="col">${L.auditResult}</th>
          ${showWhere ? html`<th scope="col">${L.auditWhere}</th>` : ''}
          <th scope="col" class="num">${L.auditPrinted}</th>
          <th scope="col" class="num">${L.auditComputed}</th>
          <th scope="col">${L.auditStatus}</th>
        </tr>`,
        body: audit.entries.map((e, i) => {
          const why = explanation(e);
          return html`<tr class="audit-${e.status}">
            <td class="num">${String(i + 1)}</td>
            <th scope="row">
              <code>${e.path}</code>${why === '' ? '' : html`<br /><span class="sub">${why}</span>`}
            </th>
            ${showWhere ? html`<td>${e.where ?? ''}</td>` : ''}
            <td class="num">${e.text}</td>
            <td class="num">
              ${computedAsPrinted(e, ctx.study.published?.[e.index], ctx.language)}
            </td>
            <td><span class="status status-${e.status}">${label(e.status)}</span></td>
          </tr>`;
        }),
      }),
    ],
    'major',
  );
}
