/** `lestari audit` for people: discrepancies first with their likely cause, then the matches. */
import type { StudyAudit } from '../engine/audit/index.js';
import { auditCauseLabel } from '../report/audit.js';
import { formatNumber, type ReportLanguage } from '../report/format.js';

const T = {
  id: {
    heading: (n: number, m: number, d: number, u: number) =>
      `${n} nilai tercetak: ${m} cocok, ${d} selisih${u > 0 ? `, ${u} tidak dapat diperiksa` : ''}`,
    discrepancies: 'Selisih',
    matches: 'Cocok',
    computed: 'hasil hitung',
    cause: 'kemungkinan penyebab',
    note: 'catatan',
  },
  en: {
    heading: (n: number, m: number, d: number, u: number) =>
      `${n} published values: ${m} match, ${d} discrepancies${u > 0 ? `, ${u} could not be checked` : ''}`,
    discrepancies: 'Discrepancies',
    matches: 'Matches',
    computed: 'computed',
    cause: 'likely cause',
    note: 'note',
  },
} as const;

export function auditText(audit: StudyAudit, lang: ReportLanguage): string {
  const t = T[lang];
  const c = audit.counts;
  const out = [t.heading(c.published, c.match, c.discrepancy, c.unresolved), ''];
  const where = (w: string | undefined) => (w === undefined ? '' : `  (${w})`);
  const discrepancies = audit.entries.filter((e) => e.status === 'discrepancy');
  if (discrepancies.length > 0) {
    out.push(`■ ${t.discrepancies} (${discrepancies.length})`);
    for (const e of discrepancies) {
      const computed = e.computed === undefined ? '—' : formatNumber(e.computed, lang, 4);
      out.push(`✗ ${e.path} = ${e.text}${where(e.where)}`, `    ${t.computed}: ${computed}`);
      if (e.cause !== undefined) {
        out.push(`    ${t.cause}: ${auditCauseLabel(e.cause.kind, lang)}`);
        if (lang === 'en') out.push(`    ${e.cause.detail}`);
      }
    }
    out.push('');
  }
  const matches = audit.entries.filter((e) => e.status === 'match');
  if (matches.length > 0) {
    out.push(`■ ${t.matches} (${matches.length})`);
    for (const e of matches) {
      const note =
        e.note === undefined ? '' : `  [${t.note}: ${auditCauseLabel(e.note.kind, lang)}]`;
      out.push(`✓ ${e.path} = ${e.text}${where(e.where)}${note}`);
    }
  }
  return out.join('\n');
}
