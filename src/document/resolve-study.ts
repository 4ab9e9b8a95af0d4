/**
 * Second pass over a parsed study: fills parameter limits from the named standard set and
 * checks that every id a study refers to exists and ids are unique. Returns the resolved
 * study or every problem found, each with its field path.
 */
import type { StudyInput } from '../engine/study/study-input.js';
import { didYouMean } from './did-you-mean.js';
import { STANDARD_SETS, standardSet } from './standards/standard-sets.js';

export interface ResolveProblem {
  readonly path: string;
  readonly message: string;
}

export type ResolveResult =
  | { readonly ok: true; readonly study: StudyInput }
  | {
      readonly ok: false;
      readonly problems: readonly ResolveProblem[];
      /** The study with what could be resolved filled in (a standard's limits), for live previews. */
      readonly study: StudyInput;
    };

export function resolveStudy(study: StudyInput): ResolveResult {
  const problems: ResolveProblem[] = [];
  const unknown = (path: string, what: string, id: string, known: readonly string[]) => {
    const near = didYouMean(id, known);
    problems.push({
      path,
      message: `unknown ${what} "${id}"${near ? ` (did you mean "${near}"?)` : known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
    });
  };
  const unique = (path: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id))
        problems.push({ path: `${path}[${i}].id`, message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };

  const problemIds = (study.problems ?? []).map((p) => p.id);
  const optionIds = (study.options ?? []).map((o) => o.id);
  const ahpIds = (study.weights?.ahp ?? []).map((a) => a.id);
  const parameterIds = (study.effluent?.parameters ?? []).map((p) => p.id);
  unique('problems', problemIds);
  unique('options', optionIds);
  unique('weights.ahp', ahpIds);
  unique('effluent.parameters', parameterIds);

  // Limits from the standard set.
  let effluent = study.effluent;
  if (effluent !== undefined) {
    const setId = effluent.standard;
    const set = setId === undefined ? undefined : standardSet(setId);
    if (setId !== undefined && set === undefined) {
      unknown(
        'effluent.standard',
        'standard set',
        setId,
        STANDARD_SETS.map((s) => s.id),
      );
    }
    const parameters = effluent.parameters.map((p, i) => {
      if (p.limit !== undefined) return p;
      const fromSet = set?.parameters[p.id];
      if (fromSet !== undefined) {
        return {
          ...p,
          limit: { ...fromSet.limit, unit: fromSet.unit, citation: set?.citation ?? '' },
        };
      }
      if (set !== undefined) {
        problems.push({
          path: `effluent.parameters[${i}].id`,
          message: `standard "${set.id}" has no limit for "${p.id}" (it has ${Object.keys(set.parameters).join(', ')}); give the parameter its own limit`,
        });
      }
      return p;
    });
    effluent = { ...effluent, parameters };
  }

  (study.options ?? []).forEach((o, i) => {
    if (o.problem !== undefined && !problemIds.includes(o.problem)) {
      unknown(`options[${i}].problem`, 'problem', o.problem, problemIds);
    }
    for (const key of Object.keys(o.effects?.removal ?? {})) {
      if (!parameterIds.includes(key))
        unknown(`options[${i}].effects.removal.${key}`, 'effluent parameter', key, parameterIds);
    }
  });
  (study.goals ?? []).forEach((g, i) => {
    if (g.problem !== undefined && !problemIds.includes(g.problem))
      unknown(`goals[${i}].problem`, 'problem', g.problem, problemIds);
  });
  (study.implementation ?? []).forEach((a, i) => {
    if (a.option !== undefined && !optionIds.includes(a.option))
      unknown(`implementation[${i}].option`, 'option', a.option, optionIds);
  });
  for (const kind of ['sieve', 'weightedSum'] as const) {
    (study.screening?.[kind] ?? []).forEach((s, i) => {
      if (s.problem !== undefined && !problemIds.includes(s.problem)) {
        unknown(`screening.${kind}[${i}].problem`, 'problem', s.problem, problemIds);
      }
      (s.options ?? []).forEach((id, j) => {
        if (!optionIds.includes(id))
          unknown(`screening.${kind}[${i}].options[${j}]`, 'option', id, optionIds);
      });
    });
  }
  const weightsFrom = study.epi?.weightsFrom;
  if (weightsFrom !== undefined && !ahpIds.includes(weightsFrom))
    unknown('epi.weightsFrom', 'AHP', weightsFrom, ahpIds);

  const resolved = effluent === undefined ? study : { ...study, effluent };
  if (problems.length > 0) return { ok: false, problems, study: resolved };
  return { ok: true, study: resolved };
}
