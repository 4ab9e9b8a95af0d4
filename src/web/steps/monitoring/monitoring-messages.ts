/** What the page and the monitoring worker say to each other. */
import type {
  MonitoringAction,
  MonitoringRule,
  MonitoringSummary as ReadSummary,
} from '../../../document/monitoring/index.js';
import type {
  StudyMonitoringColumn,
  StudyMonitoringNote,
  StudyMonitoringProblem,
} from '../../../document/monitoring/study-monitoring.js';
import type { MonitoringResult } from '../../../engine/monitoring/index.js';
import type { StudyInput } from '../../../engine/study/study-input.js';

/** Reader choices the user can change: per rule reject or flag, and the timestamps' zone. */
export interface ReadChoices {
  readonly policy: Partial<Record<Exclude<MonitoringRule, 'header'>, MonitoringAction>>;
  /** WIB, WITA, WIT or UTC for timestamps written without a zone; undefined = the file's. */
  readonly timeZone: string | undefined;
}

export interface MonitoringRequest {
  readonly id: number;
  readonly file: Blob;
  readonly study: StudyInput;
  readonly choices: ReadChoices;
}

export interface MonitoringProgressMessage {
  readonly id: number;
  readonly type: 'progress';
  readonly bytes: number;
  readonly size: number;
  readonly rows: number;
  readonly milliseconds: number;
}

/** How the file's columns became the study's parameters. */
export interface MonitoringMapping {
  readonly parameters: readonly StudyMonitoringColumn[];
  readonly unmatchedColumns: readonly string[];
  readonly unmatchedParameters: readonly string[];
  readonly notes: readonly StudyMonitoringNote[];
}

export interface MonitoringDoneMessage {
  readonly id: number;
  readonly type: 'done';
  readonly size: number;
  readonly milliseconds: number;
  readonly read: ReadSummary;
  /** Undefined when the header could not be read. */
  readonly mapping: MonitoringMapping | undefined;
  /** Why the file's columns cannot be read as the study's parameters. */
  readonly mappingProblems: readonly StudyMonitoringProblem[];
  /** Rows not added because their time was not after the previous row's (flagged duplicates). */
  readonly droppedRows: number;
  /** Undefined when the file is refused or cannot be mapped. */
  readonly result: MonitoringResult | undefined;
}

export interface MonitoringFailedMessage {
  readonly id: number;
  readonly type: 'failed';
  readonly message: string;
}

export type MonitoringReply =
  MonitoringProgressMessage | MonitoringDoneMessage | MonitoringFailedMessage;
