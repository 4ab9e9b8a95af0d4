import type { StepDefinition } from '../step.js';
import { EstimatesStep } from './EstimatesStep.js';
import { strings } from './strings.js';

export const estimatesStep: StepDefinition = {
  id: 'estimates',
  phase: 3,
  strings,
  paths: [],
  Component: EstimatesStep,
};
