// Eco-efficiency (GP step 5): WBCSD ratio, Vogtländer EEI/EER, user-named ratios, GP index, changes.
export type { IndicatorChange } from './indicator-change.js';
export { indicatorChange, relativeCostChange } from './indicator-change.js';
export type { WbcsdEcoEfficiency, WbcsdEcoEfficiencyInput } from './wbcsd-eco-efficiency.js';
export { wbcsdEcoEfficiency } from './wbcsd-eco-efficiency.js';
export type { EcoCostValueInput, EcoCostValueRatio } from './eco-cost-value-ratio.js';
export { ecoCostValueRatio, eerFromEei } from './eco-cost-value-ratio.js';
export type {
  UserDefinedRatio,
  UserDefinedRatioChange,
  UserRatioDefinition,
  UserRatioState,
} from './user-defined-ratio.js';
export { userDefinedRatio, userDefinedRatioChange } from './user-defined-ratio.js';
export type {
  GreenProductivityIndex,
  GreenProductivityIndexChange,
  GreenProductivityState,
} from './green-productivity-index.js';
export {
  greenProductivityIndex,
  greenProductivityIndexChange,
} from './green-productivity-index.js';
