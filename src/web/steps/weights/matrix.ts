/**
 * Pure edits of AHP pairwise matrices (reciprocal by construction), of an AHP's items and
 * respondents, and of the columns of questionnaire responses.
 */
import type {
  AhpInput,
  LikertInput,
  Matrix,
  SurveyDimension,
} from '../../../engine/study/study-input.js';

export function identityMatrix(n: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
}

/** `matrix` as n × n: missing cells become 1 (no preference), extra ones are dropped. */
export function squareMatrix(matrix: Matrix | undefined, n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : (matrix?.[i]?.[j] ?? 1))),
  );
}

/** a_ij = value and a_ji = 1/value; the diagonal stays 1. */
export function setJudgement(
  matrix: Matrix | undefined,
  n: number,
  i: number,
  j: number,
  value: number,
): number[][] {
  const next = squareMatrix(matrix, n);
  if (i === j || i >= n || j >= n) return next;
  (next[i] as number[])[j] = value;
  (next[j] as number[])[i] = 1 / value;
  return next;
}

/** One more item: a last row and column of 1 (no preference until judged). */
export function withItemAdded(matrix: Matrix | undefined, n: number): number[][] {
  return squareMatrix(matrix, n + 1);
}

/** Item k gone: its row and its column. */
export function withItemRemoved(matrix: Matrix, k: number): number[][] {
  return matrix.filter((_, i) => i !== k).map((row) => row.filter((_, j) => j !== k));
}

export interface PastedJudgements {
  readonly matrix: number[][];
  /** Cells pasted onto the matrix (the diagonal and cells outside it do not count). */
  readonly written: number;
  readonly problems: readonly {
    readonly row: number;
    readonly column: number;
    readonly text: string;
  }[];
  /** Cells that fell outside the matrix or on its diagonal. */
  readonly ignored: number;
}

/**
 * A block copied from a spreadsheet, pasted with its top-left cell at (row, column). Each
 * judgement sets its reciprocal; when both a_ij and a_ji are pasted, the one above the
 * diagonal is kept (it is the judgement; the other is its computed reciprocal, rounded).
 * Empty cells are skipped, so an upper triangle alone can be pasted.
 */
export function pasteJudgements(
  matrix: Matrix | undefined,
  n: number,
  block: readonly (readonly string[])[],
  origin: { readonly row: number; readonly column: number },
  parse: (text: string) => number | undefined,
): PastedJudgements {
  const cells: { i: number; j: number; value: number }[] = [];
  const problems: { row: number; column: number; text: string }[] = [];
  let ignored = 0;
  block.forEach((line, r) =>
    line.forEach((text, c) => {
      const i = origin.row + r;
      const j = origin.column + c;
      if (text.trim() === '') return;
      if (i >= n || j >= n || i === j) {
        ignored += 1;
        return;
      }
      const value = parse(text);
      if (value === undefined) problems.push({ row: i, column: j, text });
      else cells.push({ i, j, value });
    }),
  );
  const upper = new Set(cells.filter((c) => c.i < c.j).map((c) => `${c.i}:${c.j}`));
  let next = squareMatrix(matrix, n);
  let written = 0;
  for (const c of cells) {
    if (c.i > c.j && upper.has(`${c.j}:${c.i}`)) continue;
    next = setJudgement(next, n, c.i, c.j, c.value);
    written += 1;
  }
  return { matrix: next, written, problems, ignored };
}

// ── An AHP's items and respondents ──────────────────────────────────────────────────────

export function addAhpItem(ahp: AhpInput, name: string): AhpInput {
  const n = ahp.items.length;
  return {
    ...ahp,
    items: [...ahp.items, name],
    ...(ahp.matrix !== undefined && { matrix: withItemAdded(ahp.matrix, n) }),
    ...(ahp.respondents !== undefined && {
      respondents: ahp.respondents.map((r) => ({ ...r, matrix: withItemAdded(r.matrix, n) })),
    }),
  };
}

export function removeAhpItem(ahp: AhpInput, k: number): AhpInput {
  return {
    ...ahp,
    items: ahp.items.filter((_, i) => i !== k),
    ...(ahp.matrix !== undefined && { matrix: withItemRemoved(ahp.matrix, k) }),
    ...(ahp.respondents !== undefined && {
      respondents: ahp.respondents.map((r) => ({ ...r, matrix: withItemRemoved(r.matrix, k) })),
    }),
  };
}

/** From one matrix to respondents: the matrix becomes the first respondent's. */
export function toRespondents(ahp: AhpInput, name: string): AhpInput {
  const { matrix, ...rest } = ahp;
  return {
    ...rest,
    respondents: [{ name, matrix: squareMatrix(matrix, ahp.items.length) }],
  };
}

/** From respondents to one matrix: the first respondent's (the others are dropped). */
export function toSingleMatrix(ahp: AhpInput): AhpInput {
  const { respondents, ...rest } = ahp;
  return {
    ...rest,
    matrix: squareMatrix(ahp.matrix ?? respondents?.[0]?.matrix, ahp.items.length),
  };
}

export function addRespondent(ahp: AhpInput, name: string): AhpInput {
  return {
    ...ahp,
    respondents: [...(ahp.respondents ?? []), { name, matrix: identityMatrix(ahp.items.length) }],
  };
}

/** Without respondent r; without any left, the AHP goes back to one matrix (the last one's). */
export function removeRespondent(ahp: AhpInput, r: number): AhpInput {
  const respondents = (ahp.respondents ?? []).filter((_, k) => k !== r);
  if (respondents.length > 0) return { ...ahp, respondents };
  const { respondents: removed, ...rest } = ahp;
  return {
    ...rest,
    matrix: squareMatrix(ahp.matrix ?? removed?.[r]?.matrix, ahp.items.length),
  };
}

/** A name not yet used by a respondent: `base n`. */
export function nextName(base: string, taken: readonly (string | undefined)[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    if (!taken.includes(`${base} ${n}`)) return `${base} ${n}`;
  }
}

/** An id not yet used: `base-n`. */
export function nextId(base: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
  }
}

// ── Questionnaire columns (respondents × items) ──────────────────────────────────────────

export function withColumnAdded(rows: readonly (readonly number[])[], fill: number): number[][] {
  return rows.map((row) => [...row, fill]);
}

export function withColumnRemoved(rows: readonly (readonly number[])[], k: number): number[][] {
  return rows.map((row) => row.filter((_, j) => j !== k));
}

export function addLikertItem(likert: LikertInput, name: string): LikertInput {
  return {
    ...likert,
    items: [...likert.items, name],
    responses: withColumnAdded(likert.responses, likert.scale.min),
  };
}

export function removeLikertItem(likert: LikertInput, k: number): LikertInput {
  return {
    ...likert,
    items: likert.items.filter((_, i) => i !== k),
    responses: withColumnRemoved(likert.responses, k),
  };
}

/** Number of items of a survey dimension: the widest row of responses. */
export function surveyItemCount(dimension: SurveyDimension): number {
  return dimension.responses.reduce((n, row) => Math.max(n, row.length), 0);
}

export function addSurveyItem(dimension: SurveyDimension): SurveyDimension {
  return { ...dimension, responses: withColumnAdded(dimension.responses, dimension.scale.min) };
}

export function removeSurveyItem(dimension: SurveyDimension, k: number): SurveyDimension {
  return { ...dimension, responses: withColumnRemoved(dimension.responses, k) };
}
