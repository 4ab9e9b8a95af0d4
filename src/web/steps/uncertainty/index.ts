import type { StepDefinition } from '../step.js';
import { strings } from './strings.js';
import { UncertaintyStep } from './UncertaintyStep.js';

export const uncertaintyStep: StepDefinition = {
  id: 'uncertainty',
  phase: 3,
  strings,
  paths: ['uncertainty'],
  Component: UncertaintyStep,
};
