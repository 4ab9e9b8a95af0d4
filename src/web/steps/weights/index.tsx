import type { StepDefinition } from '../step.js';
import { strings } from './strings.js';
import { WeightsStep } from './WeightsStep.js';

export const weightsStep: StepDefinition = {
  id: 'weights',
  phase: 2,
  strings,
  paths: ['weights', 'survey'],
  Component: WeightsStep,
};
