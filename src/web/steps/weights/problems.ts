/** Which of the engine's problems a weights card must list itself (no field or cell shows them). */
import type { FieldProblem } from '../../study/live.js';

export interface CardProblem {
  readonly key: string;
  /** The path inside the card (`.responses[2]`, `` for the card as a whole). */
  readonly rest: string;
  readonly message: string;
}

/** Problems at `base` or under it whose path inside the card is not `placed`. */
export function cardProblems(
  problems: readonly FieldProblem[],
  base: string,
  placed: RegExp,
): CardProblem[] {
  return problems.flatMap((p, k) => {
    if (p.path !== base && !p.path.startsWith(`${base}.`) && !p.path.startsWith(`${base}[`)) {
      return [];
    }
    const rest = p.path.slice(base.length);
    return placed.test(rest) ? [] : [{ key: String(k), rest, message: p.message }];
  });
}

/** The row of a questionnaire a path inside its card names (`.responses[2]…` → 2). */
export function responseRow(rest: string): number | undefined {
  const m = /^\.responses\[(\d+)\]/.exec(rest);
  return m === null ? undefined : Number(m[1]);
}

/** Fields and cells of the cards that show their own problems. */
export const AHP_PLACED = /^\.(id|method|matrix(\[.*)?|respondents\[\d+\]\.(name|matrix(\[.*)?))$/;
export const LIKERT_PLACED =
  /^\.(id|scale\.min|scale\.max|alpha|responses|responses\[\d+\]\[\d+\])$/;
export const SURVEY_PLACED = /^\.(name|scale\.min|scale\.max|responses|responses\[\d+\]\[\d+\])$/;

/** Index of a section's result when failing sections are left out of the results. */
export function resultIndex(index: number, failed: (i: number) => boolean): number | undefined {
  if (failed(index)) return undefined;
  let skipped = 0;
  for (let i = 0; i < index; i += 1) if (failed(i)) skipped += 1;
  return index - skipped;
}
