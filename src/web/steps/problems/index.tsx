import type { StepDefinition } from '../step.js';
import { ProblemsStep } from './ProblemsStep.js';
import { strings } from './strings.js';

export const problemsStep: StepDefinition = {
  id: 'problems',
  phase: 2,
  strings,
  paths: ['problems', 'goals'],
  Component: ProblemsStep,
};
