// Mass balance (GP step 1): units of mass and volume, conversion, process and plant balances.
export type { QuantityDimension, QuantityUnit } from './quantity-unit.js';
export { parseQuantityUnit } from './quantity-unit.js';
export type { ConvertedQuantity, QuantityToConvert } from './convert-quantity.js';
export { convertQuantity } from './convert-quantity.js';
export type {
  BalancedStream,
  ClosureStatus,
  MassBalanceProcess,
  MassBalanceSettings,
  MassBalanceStream,
  ProcessMassBalance,
} from './process-mass-balance.js';
export { MASS_BALANCE_CLOSURE_TOLERANCE, processMassBalance } from './process-mass-balance.js';
export type {
  MassBalanceClosureWarning,
  PlantMassBalance,
  PlantMassBalanceInput,
  PlantMassBalanceTotals,
} from './plant-mass-balance.js';
export { plantMassBalance } from './plant-mass-balance.js';
