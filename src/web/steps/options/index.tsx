import type { StepDefinition } from '../step.js';
import { OptionsStep } from './OptionsStep.js';
import { strings } from './strings.js';

export const optionsStep: StepDefinition = {
  id: 'options',
  phase: 3,
  strings,
  paths: ['options'],
  Component: OptionsStep,
};
