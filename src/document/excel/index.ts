/** The study as an Excel workbook: export to fill in by hand, import back through the schema. */
export {
  emptyPaths,
  exportStudyWorkbook,
  type ExportWorkbookOptions,
  flattenResults,
  type ResultRow,
  WORKBOOK_FORMAT,
  WORKBOOK_VERSION,
} from './export-workbook.js';
export {
  importStudyWorkbook,
  type ImportWorkbookResult,
  MAX_WORKBOOK_BYTES,
} from './import-workbook.js';
export { formatWorkbookError, type WorkbookError } from './cells.js';
export { monitoringCsvFromWorkbook, type MonitoringWorkbookResult } from './monitoring-workbook.js';
export type { WorkbookLanguage } from './labels.js';
