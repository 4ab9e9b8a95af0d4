import type { StepDefinition } from '../step.js';
import { PlanStep } from './PlanStep.js';
import { strings } from './strings.js';

export const planStep: StepDefinition = {
  id: 'plan',
  phase: 4,
  strings,
  // The study file keeps the plan under `implementation`; its problems are reported there.
  paths: ['implementation'],
  Component: PlanStep,
};
