// Effect of a GP option: on the effluent and the EPI, on productivity, on waste quantities.
export {
  concentrationAfterRemoval,
  concentrationsAfterRemoval,
  type ConcentrationAfterRemoval,
  type RemovalEfficiencies,
  type RemovalSettings,
  type RemovalTarget,
} from './concentration-after-removal.js';
export {
  deviationEpiAfterOption,
  epiChange,
  trafficLightEpiAfterOption,
  type DeviationEpiAfterOption,
  type EpiChange,
  type TrafficLightEpiAfterOption,
} from './epi-after-option.js';
export {
  productivityAfterOption,
  type CategoryEffect,
  type OptionProductivityChanges,
  type ProductivityAfterOption,
  type ProductivityCategoryChange,
} from './productivity-after-option.js';
export {
  wasteQuantityReduction,
  type WasteQuantities,
  type WasteReduction,
} from './waste-reduction.js';
