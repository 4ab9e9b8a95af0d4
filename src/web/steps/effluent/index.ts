import type { StepDefinition } from '../step.js';
import { EffluentStep } from './EffluentStep.js';
import { strings } from './strings.js';

export const effluentStep: StepDefinition = {
  id: 'effluent',
  phase: 2,
  strings,
  paths: ['effluent', 'epi'],
  Component: EffluentStep,
};
