/**
 * Monitoring series of a study kept by the server (issue 5): files imported all or nothing,
 * readings and rollups in the store, dashboards from the rollups. Used by the HTTP routes and
 * by `lestari monitor import|summary|alerts --database`.
 */
export { deriveSeries, READ_PAGE_ROWS, type DeriveSeriesInput } from './derive-series.js';
export {
  DEFAULT_SERIES_NAME,
  importReadings,
  type ImportProgress,
  type ImportReadingsInput,
  type ImportReadingsOutcome,
  type ImportReport,
} from './import-readings.js';
export { MonitoringServiceError, type MonitoringServiceErrorCode } from './monitoring-error.js';
export {
  deleteSeriesImport,
  seriesDashboard,
  studyMonitoringForReport,
  type SeriesDashboard,
} from './series-dashboard.js';
export {
  isFlowColumnId,
  seriesHeader,
  seriesSettings,
  type SeriesSettings,
} from './series-settings.js';
