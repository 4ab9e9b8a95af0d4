/**
 * The one error of the monitoring service for expected failures, for the HTTP layer (status by
 * code) and the CLI (exit 2) alike.
 */
export type MonitoringServiceErrorCode =
  /** The file's columns or the study's parameters do not fit (details: the problems). */
  | 'mapping'
  /** The file's readings are not all after the series' last stored reading. */
  | 'overlap'
  /** More bytes than allowed. */
  | 'too-large'
  /** No readable row. */
  | 'no-rows';

export class MonitoringServiceError extends Error {
  override readonly name = 'MonitoringServiceError';

  constructor(
    readonly code: MonitoringServiceErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
