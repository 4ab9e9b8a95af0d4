/**
 * The audit, live: every value the source printed checked against the recomputed result
 * (the engine's auditStudy on the resolved study), and the printed text as a table cell
 * that keeps its printed precision and percent sign, as the study file does.
 */
import {
  printedDecimals,
  parseNumberText,
  type NumberFormat,
} from '../../../document/number-text.js';
import { resolveStudy } from '../../../document/resolve-study.js';
import { auditStudy, type StudyAudit } from '../../../engine/audit/index.js';
import { GpError } from '../../../engine/errors.js';
import type { StudyEvaluation } from '../../../engine/study/evaluate-study.js';
import type { PublishedValue, StudyInput } from '../../../engine/study/study-input.js';
import type { GridColumn } from '../../components/columns.js';
import type { CellWrite } from '../../components/grid-paste.js';

/** The audit of the study's published values, or undefined when there is nothing to audit. */
export function runAudit(
  study: StudyInput,
  evaluation: StudyEvaluation | undefined,
): StudyAudit | undefined {
  if (evaluation === undefined || (study.published ?? []).length === 0) return undefined;
  // Limits from a standard set are filled in by resolving, as the evaluation saw them.
  const resolved = resolveStudy(study);
  try {
    return auditStudy(resolved.ok ? resolved.study : study, evaluation);
  } catch (error) {
    if (error instanceof GpError) return undefined;
    throw error;
  }
}

/**
 * A published value as printed ("41,67 %", "2,608", "1.266.786.600"): its value, the decimals
 * it was printed with (the rounding the audit allows) and whether it is a percentage.
 */
export function readPrinted(
  text: string,
  format: NumberFormat,
):
  | { ok: true; value: Pick<PublishedValue, 'value' | 'decimals' | 'percent' | 'text'> }
  | { ok: false; message: string } {
  const parsed = parseNumberText(text, format);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const decimals = printedDecimals(text, format);
  if (parsed.parsed.value.kind !== 'number' || decimals === undefined) {
    return { ok: false, message: `"${text}": must be one published number` };
  }
  return {
    ok: true,
    value: { value: parsed.parsed.value.value, decimals, percent: parsed.parsed.percent, text },
  };
}

/** The "printed" cell of the published-values table, read in the study's number format. */
export function printedColumn(header: string, format: NumberFormat): GridColumn<PublishedValue> {
  return {
    id: 'text',
    header,
    path: ['value'],
    align: 'right',
    read: (row) => row.text,
    write: (row, text): CellWrite<PublishedValue> => {
      if (text === '') return { ok: false, message: 'required' };
      const printed = readPrinted(text, format);
      return printed.ok ? { ok: true, row: { ...row, ...printed.value } } : printed;
    },
  };
}
