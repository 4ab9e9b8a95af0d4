// Monitoring and review (GP steps 5–6, issue 5): continuous effluent readings (SPARING) in
// local-time buckets, compliance, runs, loads, completeness and alerts in one streaming pass;
// the EPI over time; before and after an implementation date.

// Time buckets in a fixed UTC offset (Hinnant's civil-date algorithms)
export {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  INDONESIA_UTC_OFFSETS,
  MAX_EPOCH_MS,
  MS_PER_DAY,
  MS_PER_HOUR,
  requireEpochMs,
  requireUtcOffsetMinutes,
  timeBucketIndex,
  timeBucketKey,
  timeBucketKeyOfIndex,
  timeBucketStartMs,
  utcIsoText,
  type CivilDate,
  type TimeBucketUnit,
} from './time-bucket.js';

// Limits, loads and alert rules
export {
  checkMonitoringLimit,
  exceedsMonitoringLimit,
  limitExcess,
  type CheckedMonitoringLimit,
  type MonitoringLimit,
} from './monitoring-limit.js';
export {
  checkLoadLimit,
  DEFAULT_LOAD_UNIT_FACTOR,
  loadUnitFactor,
  pollutantLoadRate,
  type CheckedLoadLimit,
  type FlowUnit,
  type MonitoringLoadLimit,
} from './pollutant-load.js';
export {
  checkAlertRules,
  type AlertRuleParameter,
  type CheckedAlertRule,
  type MonitoringAlertKind,
  type MonitoringAlertRule,
  type MonitoringEvent,
} from './alert-rules.js';

// The streaming accumulator
export {
  checkMonitoringSettings,
  DEFAULT_MAX_EVENTS,
  MAX_MONITORING_DAYS,
  MAX_MONITORING_SPAN_DAYS,
  type CheckedMonitoringParameter,
  type CheckedMonitoringSettings,
  type MonitoringParameter,
  type MonitoringSettings,
} from './monitoring-settings.js';
export {
  createMonitoringAccumulator,
  restoreMonitoringAccumulator,
  type MonitoringAccumulator,
  type MonitoringSnapshot,
  type MonitoringBucketLoad,
  type MonitoringCompleteness,
  type MonitoringLoadSummary,
  type MonitoringParameterResult,
  type MonitoringResult,
  type MonitoringResultOptions,
  type MonitoringRollup,
  type MonitoringRun,
  type MonitoringSummary,
} from './monitoring-accumulator.js';

// Review: the EPI over time, before and after
export {
  deviationEpiOverTime,
  monitoringPeriodMeans,
  trafficLightEpiOverTime,
  type DeviationEpiOverTimeParameter,
  type EpiPeriod,
  type PeriodMeans,
  type TrafficLightEpiOverTimeParameter,
} from './epi-over-time.js';
export {
  beforeAfterComparison,
  type BeforeAfterComparison,
  type BeforeAfterObservation,
  type BeforeAfterSettings,
} from './before-after.js';

// Review: productivity and eco-efficiency over time (production records joined with the months)
export {
  ecoEfficiencyOverTime,
  type EcoEfficiencyMonth,
  type EcoEfficiencyOverTime,
  type EcoEfficiencyOverTimeOptions,
  type IndicatorGap,
  type MonthIndicator,
  type ProductionMonth,
} from './eco-efficiency-over-time.js';
