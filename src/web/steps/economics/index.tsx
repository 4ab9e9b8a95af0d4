import type { StepDefinition } from '../step.js';
import { EconomicsStep } from './EconomicsStep.js';
import { strings } from './strings.js';

export const economicsStep: StepDefinition = {
  id: 'economics',
  phase: 3,
  strings,
  paths: ['decisionRule'],
  Component: EconomicsStep,
};
