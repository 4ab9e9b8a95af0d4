import type { StepDefinition } from '../step.js';
import { SieveStep } from './SieveStep.js';
import { strings } from './strings.js';

export const sieveStep: StepDefinition = {
  id: 'sieve',
  phase: 3,
  strings,
  paths: ['screening.sieve'],
  Component: SieveStep,
};
