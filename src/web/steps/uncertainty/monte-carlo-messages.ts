/** What the page and the Monte Carlo worker say to each other. */
import type { StudyInput } from '../../../engine/study/study-input.js';
import type { MonteCarloStudyResult } from '../../../engine/uncertainty/index.js';

export interface MonteCarloRequest {
  readonly id: number;
  readonly study: StudyInput;
  readonly iterations: number;
  readonly seed: number;
}

export type MonteCarloReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly result: MonteCarloStudyResult;
      readonly milliseconds: number;
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly message: string;
      readonly field: string | undefined;
    };
