/** Monitoring data (issue 5): a streaming CSV reader of time series with its checks. */
export {
  concatBatches,
  createMonitoringCsvReader,
  DEFAULT_MONITORING_POLICY,
  MONITORING_RULES,
  readMonitoringCsv,
  RULE_BIT,
  type MonitoringAction,
  type MonitoringBatch,
  type MonitoringCsvOptions,
  type MonitoringCsvReader,
  type MonitoringHeader,
  type MonitoringIssue,
  type MonitoringParameter,
  type MonitoringProgress,
  type MonitoringReaderState,
  type MonitoringRule,
  type MonitoringSummary,
} from './csv-reader.js';
export {
  daysFromCivil,
  describeOffset,
  formatDuration,
  formatInstant,
  formatOffset,
  parseTimeZone,
} from './timestamp.js';
export {
  DEFAULT_UTC_OFFSET_MINUTES,
  monitoringKey,
  monitoringSettingsFromStudy,
  type StudyMonitoringColumn,
  type StudyMonitoringNote,
  type StudyMonitoringOptions,
  type StudyMonitoringProblem,
  type StudyMonitoringResult,
} from './study-monitoring.js';
export { rowsInTimeOrder, type TimeOrderedRows } from './time-order.js';
export {
  parseMonthLabel,
  productionMonthsFromStudy,
  readProductionRecords,
  withProductionPeriods,
  type ProductionColumn,
  type ProductionColumnOverride,
  type ProductionColumnRole,
  type ProductionRecords,
  type ProductionRecordsOptions,
  type ProductionRecordsProblem,
  type StudyProductionMonths,
} from './production-records.js';
