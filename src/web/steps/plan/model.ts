/** Pure helpers of the implementation plan: the chosen options, new actions, grouped rows. */
import type { StudyResults } from '../../../engine/study/evaluate-study.js';
import type { PlanAction, StudyInput } from '../../../engine/study/study-input.js';

export interface ChosenOption {
  readonly id: string;
  /** The economic decision rule, or the weighted sum of one problem. */
  readonly by: 'decision' | 'weighted-sum';
  readonly problem: string | undefined;
  /** Chosen together with others on a tie: the team still has to pick. */
  readonly tie: boolean;
}

/** The options the study chose: by its decision rule, and by each weighted-sum ranking. */
export function chosenOptions(results: StudyResults | undefined): ChosenOption[] {
  const out: ChosenOption[] = [];
  const add = (c: ChosenOption) => {
    if (!out.some((o) => o.id === c.id)) out.push(c);
  };
  const decision = results?.decision;
  for (const id of decision?.chosen ?? []) {
    add({ id, by: 'decision', problem: undefined, tie: (decision?.chosen.length ?? 0) > 1 });
  }
  for (const ranking of results?.screening?.weightedSum ?? []) {
    const choice = ranking.choice;
    const ids = choice.kind === 'single' ? [choice.option] : choice.options;
    for (const id of ids)
      add({ id, by: 'weighted-sum', problem: ranking.problem, tie: choice.kind === 'tie' });
  }
  return out;
}

/** The chosen options no action of the plan carries out yet. */
export function unplanned(
  chosen: readonly ChosenOption[],
  plan: readonly PlanAction[] | undefined,
): ChosenOption[] {
  return chosen.filter((c) => !(plan ?? []).some((a) => a.option === c.id));
}

/**
 * A new action for an option: the goal and target of the option's problem (the first goal of
 * it), else those of the plan's last action, so consecutive actions share them as papers print.
 */
export function actionFor(study: StudyInput, optionId: string | undefined): PlanAction {
  const problem = study.options?.find((o) => o.id === optionId)?.problem;
  const goal = study.goals?.find((g) => problem !== undefined && g.problem === problem);
  const last = study.implementation?.at(-1);
  const from = goal ?? last;
  return {
    goal: from?.goal ?? '',
    target: from?.target ?? '',
    action: '',
    responsible: '',
    executor: '',
    ...(optionId === undefined ? {} : { option: optionId }),
  };
}

/** A first plan: one action to write per goal, with the goal's chosen option when there is one. */
export function planFromGoals(study: StudyInput, chosen: readonly ChosenOption[]): PlanAction[] {
  return (study.goals ?? []).map((g) => {
    const options = (study.options ?? []).filter(
      (o) => o.problem !== undefined && o.problem === g.problem,
    );
    const option = chosen.find((c) => options.some((o) => o.id === c.id))?.id;
    return {
      goal: g.goal,
      target: g.target,
      action: '',
      responsible: '',
      executor: '',
      ...(option === undefined ? {} : { option }),
    };
  });
}

/**
 * Row spans of the goal and target cells, as the report prints the plan: consecutive actions
 * with the same goal and target share them (0: the cell is covered by the row above).
 */
export function sharedSpans(plan: readonly PlanAction[]): number[] {
  return plan.map((a, i) => {
    const prev = plan[i - 1];
    if (prev !== undefined && prev.goal === a.goal && prev.target === a.target) return 0;
    let n = 1;
    while (plan[i + n]?.goal === a.goal && plan[i + n]?.target === a.target) n += 1;
    return n;
  });
}
