import type { StepDefinition } from '../step.js';
import { strings } from './strings.js';
import { WeightedSumStep } from './WeightedSumStep.js';

export const weightedSumStep: StepDefinition = {
  id: 'weighted-sum',
  phase: 3,
  strings,
  paths: ['screening.weightedSum'],
  Component: WeightedSumStep,
};
