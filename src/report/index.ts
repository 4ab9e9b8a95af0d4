/**
 * Lestari's report layer: a study and its evaluation as one self-contained HTML report (and
 * PDF), with charts as ECharts option objects the web app can reuse.
 */
export {
  renderReportHtml,
  type MonitoringReportSeries,
  type ReportOptions,
} from './render-html.js';
export {
  renderReportPdf,
  type PdfOptions,
  CHROMIUM_ARGS,
  DEFAULT_CHROMIUM_PATH,
} from './render-pdf.js';
export {
  epiBeforeAfterChartOption,
  epiContributionChartOption,
  optionComparisonChartOption,
  productivityChartOption,
  renderChartSvg,
  BAND_COLOURS,
  CHART_COLOURS,
  type ChartSize,
  type OptionComparisonMetric,
} from './charts.js';
export { renderFishboneSvg, wrapText, causeCategoryLabel, CAUSE_CATEGORIES } from './fishbone.js';
export { renderTrafficLightSvg } from './traffic-light.js';
export { auditCauseLabel, computedAsPrinted } from './audit.js';
export {
  formatDate,
  formatFractionPercent,
  formatInput,
  formatMoney,
  formatNumber,
  formatNumberOrRange,
  formatPercent,
  formatSigned,
  type MoneyFormat,
  type ReportLanguage,
} from './format.js';
export { escapeHtml } from './html.js';
export { labels, fill, type Labels, type LabelKey } from './i18n.js';
