import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../document/parse-study.js';
import { resolveStudy } from '../document/resolve-study.js';
import { auditStudy } from '../engine/audit/index.js';
import { evaluateStudy } from '../engine/study/evaluate-study.js';
import { auditCauseLabel, computedAsPrinted } from './audit.js';
import { renderReportHtml } from './render-html.js';

function cvAbc() {
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', 'examples', 'cv-abc.yaml'),
    'utf8',
  );
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error('cv-abc does not parse');
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error('cv-abc does not resolve');
  const evaluation = evaluateStudy(resolved.study);
  return { study: resolved.study, evaluation, audit: auditStudy(resolved.study, evaluation) };
}

describe('the audit section', () => {
  const { study, evaluation, audit } = cvAbc();
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('shows the counts and each discrepancy with its likely cause, in the report’s language', () => {
    const en = text(renderReportHtml(study, evaluation, { language: 'en', audit }));
    expect(en).toContain('22 match, 9 discrepancies, 0 could not be computed.');
    expect(en).toContain('sum of rounded terms:');
    expect(en).toContain('is the sum of the terms each rounded to 2 decimals');
    const id = text(renderReportHtml(study, evaluation, { language: 'id', audit }));
    expect(id).toContain('22 sesuai, 9 selisih, 0 tidak dapat dihitung.');
    expect(id).toContain('jumlah suku yang sudah dibulatkan');
  });

  it('shows the computed value on the printed scale, two decimals finer', () => {
    const pi = audit.entries.find((e) => e.path === 'epi.terms[bod].performance');
    if (pi === undefined) throw new Error('no BOD Pi entry');
    expect(computedAsPrinted(pi, study.published?.[pi.index], 'id')).toBe('41,6667 %');
    const total = audit.entries.find((e) => e.path === 'epi.total');
    if (total === undefined) throw new Error('no total entry');
    expect(computedAsPrinted(total, study.published?.[total.index], 'en')).toBe('1.3315');
  });

  it('names every cause in both languages', () => {
    expect(auditCauseLabel('digit-slip', 'id')).toBe('salah ketik angka');
    expect(auditCauseLabel('digit-slip', 'en')).toBe('digit slip');
  });
});
