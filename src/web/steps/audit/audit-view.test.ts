import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import cvAbc from '../../../../examples/cv-abc.yaml?raw';
import { auditCauseLabel } from '../../../report/audit.js';
import { evaluateLive } from '../../study/live.js';
import { printedColumn, readPrinted, runAudit } from './audit-view.js';

function abc() {
  const parsed = parseStudyText(cvAbc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('the audit, live', () => {
  it('finds CV. ABC’s published slips with their likely causes', () => {
    const study = abc();
    const audit = runAudit(study, evaluateLive(study).evaluation);
    expect(audit?.counts.published).toBe(study.published?.length);
    expect(audit?.counts.discrepancy).toBe(9);
    const total = audit?.entries.find((e) => e.path === 'epi.total' && e.text === '1,34');
    expect(total?.status).toBe('discrepancy');
    expect(total?.cause?.kind).toBe('sum-of-rounded-terms');
    expect(auditCauseLabel('sum-of-rounded-terms', 'id')).toBe('jumlah suku yang sudah dibulatkan');
  });

  it('follows an edit: a corrected printed value matches', () => {
    const study = abc();
    const index = study.published?.findIndex((p) => p.text === '1,34') ?? -1;
    const fixed = {
      ...study,
      published: study.published?.map((p, i) =>
        i === index ? { ...p, value: 1.33, text: '1,33' } : p,
      ),
    };
    const entry = runAudit(fixed, evaluateLive(fixed).evaluation)?.entries[index];
    expect(entry?.status).toBe('match');
  });

  it('is undefined without published values', () => {
    const study = { ...abc(), published: undefined };
    expect(runAudit(study, evaluateLive(study).evaluation)).toBeUndefined();
  });
});

describe('a printed value', () => {
  it('keeps its decimals and its percent sign', () => {
    expect(readPrinted('41,67 %', 'id')).toEqual({
      ok: true,
      value: { value: 41.67, decimals: 2, percent: true, text: '41,67 %' },
    });
    expect(readPrinted('1.266.786.600', 'id')).toMatchObject({
      ok: true,
      value: { value: 1266786600, decimals: 0 },
    });
    expect(readPrinted('2.608', 'en')).toMatchObject({
      ok: true,
      value: { value: 2.608, decimals: 3 },
    });
    expect(readPrinted('6–9', 'id').ok).toBe(false);
  });

  it('is written into its row by the table cell', () => {
    const column = printedColumn('Printed', 'id');
    const row = { result: 'epi.total', value: 0, decimals: 0, percent: false, text: '0' };
    const written = column.write(row, '2,608', 'id');
    expect(written).toEqual({
      ok: true,
      row: { ...row, value: 2.608, decimals: 3, text: '2,608' },
    });
    expect(column.write(row, '', 'id').ok).toBe(false);
  });
});
