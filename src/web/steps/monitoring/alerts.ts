/** The step's alert rules: the defaults the server's stored series use too (one definition). */
export {
  ALERT_COMPLETENESS,
  ALERT_RUN_MINUTES,
  runReadings,
  withDefaultAlerts as withAlerts,
} from '../../../document/monitoring/default-alerts.js';
