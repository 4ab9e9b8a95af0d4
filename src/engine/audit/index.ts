/**
 * The audit (APO GP step 5, monitoring and review): checks every number a study published
 * against the computed result it names, and finds the likely cause of each discrepancy.
 */
export {
  RESULT_PATH_SELECTOR_FIELDS,
  type ResolvedResultPath,
  type ResultPathSegment,
  type ResultPathSelector,
  parseResultPath,
  resolveResultPath,
} from './result-path.js';
export {
  PUBLISHED_MONEY_THRESHOLD,
  PUBLISHED_MONEY_TOLERANCE,
  type PublishedComparison,
  comparePublishedValue,
  isPercentResultField,
  publishedScale,
  reproducesPrinted,
  roundPrintedDecimals,
} from './compare-published.js';
export {
  type LocatedPublishedValue,
  type PublishedValueLocation,
  locatePublishedValue,
} from './located-value.js';
export { type DigitSlip, findDigitSlip } from './digit-slip.js';
export {
  RECOMPUTED_ECONOMICS_FIELDS,
  type OptionEconomicsFigures,
  type RecomputedEconomics,
  type RecomputedEconomicsField,
  economicsFiguresOf,
  recomputeFromCapitalRecovery,
  recomputeOptionEconomics,
} from './recompute-economics.js';
export {
  LIKELY_CAUSE_KINDS,
  PRINTED_FACTOR_DECIMALS,
  type AlternativeValue,
  type EconomicsAmountEvidence,
  type LikelyCause,
  type LikelyCauseContext,
  type LikelyCauseKind,
  type PrintedOperand,
  type TermEvidence,
  findLikelyCause,
  findPracticeNote,
} from './likely-cause.js';
export {
  type PublishedValueAudit,
  type PublishedValueStatus,
  type StudyAudit,
  type StudyAuditCounts,
  auditStudy,
} from './audit-study.js';
