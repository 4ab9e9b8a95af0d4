/**
 * Runs the Monte Carlo off the page's thread, so typing stays smooth while a large run
 * computes. The engine is the same the CLI and the report use; the result is plain data.
 */
import { GpError } from '../../../engine/errors.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import { monteCarloStudy, uncertainInputsOfStudy } from '../../../engine/uncertainty/index.js';
import type { MonteCarloReply, MonteCarloRequest } from './monte-carlo-messages.js';

const scope = globalThis as unknown as {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<MonteCarloRequest>) => void,
  ): void;
  postMessage(message: MonteCarloReply): void;
};

function run(study: StudyInput, iterations: number, seed: number) {
  return monteCarloStudy(study, uncertainInputsOfStudy(study), { iterations, seed });
}

scope.addEventListener('message', (event) => {
  const { id, study, iterations, seed } = event.data;
  const started = performance.now();
  try {
    const result = run(study, iterations, seed);
    scope.postMessage({ id, ok: true, result, milliseconds: performance.now() - started });
  } catch (error) {
    scope.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      field: error instanceof GpError ? error.field : undefined,
    });
  }
});
