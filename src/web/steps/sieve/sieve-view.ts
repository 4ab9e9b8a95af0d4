/**
 * The sieve of one screening, live: the engine's own screening of the options it covers,
 * and each reason an option fell, in the report's words.
 */
import { GpError } from '../../../engine/errors.js';
import {
  screenOptionsBySieve,
  type SieveReason,
  type SieveResult,
} from '../../../engine/options/index.js';
import type { GpOption, SieveInput } from '../../../engine/study/study-input.js';
import { formatInput, type ReportLanguage } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { screenedOptions } from '../../components/option-matrix.js';

/**
 * The engine's sieve result for one screening, or undefined while its input is incomplete
 * (the engine's message is then shown at the field by the live evaluation).
 */
export function runSieve(options: readonly GpOption[], sieve: SieveInput): SieveResult | undefined {
  const rows = screenedOptions(options, sieve.problem, sieve.options);
  try {
    return screenOptionsBySieve(
      sieve.criteria,
      rows.map(({ option }) => ({ id: option.id, name: option.name, values: option.sieve ?? {} })),
    );
  } catch (error) {
    if (error instanceof GpError) return undefined;
    throw error;
  }
}

/** "Waktu (bulan) 12 > 6", "Sumber daya manusia: tidak": the report's reason text. */
export function sieveReasonText(
  reason: SieveReason,
  criteria: readonly { readonly id: string; readonly name: string }[],
  language: ReportLanguage,
): string {
  const L = labels(language);
  const name = criteria.find((c) => c.id === reason.criterion)?.name || reason.criterion;
  if (reason.kind === 'required') return fill(L.reasonRequired, name);
  return fill(
    reason.kind === 'max' ? L.reasonMax : L.reasonMin,
    name,
    formatInput(reason.compared, language, 4),
    formatInput(reason.cutoff, language, 4),
  );
}
