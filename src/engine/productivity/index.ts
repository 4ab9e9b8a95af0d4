// Productivity (GP step 1–2): total and partial, per period, per process, change between states.
export type {
  NamedAmount,
  PartialProductivity,
  ProductivityBasis,
  ProductivityData,
  ProductivityInputCategory,
  TotalProductivity,
} from './total-productivity.js';
export { PRODUCTIVITY_INPUT_CATEGORIES, totalProductivity } from './total-productivity.js';
export type { ProductivityChange, ProductivityComparison } from './productivity-change.js';
export { compareProductivity, productivityChange } from './productivity-change.js';
export type {
  PeriodExtreme,
  PeriodProductivity,
  PeriodProductivityResult,
  PeriodToPeriodChange,
  ProductivitySeries,
  ProductivitySeriesPeriod,
  RatioOfTotals,
} from './period-productivity.js';
export { periodProductivity } from './period-productivity.js';
export type { ProcessProductivity, ProcessProductivityResult } from './process-productivity.js';
export { processProductivity } from './process-productivity.js';
