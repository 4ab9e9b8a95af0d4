import type { StepDefinition } from '../step.js';
import { ProductivityStep } from './ProductivityStep.js';
import { strings } from './strings.js';

export const productivityStep: StepDefinition = {
  id: 'productivity',
  phase: 2,
  strings,
  paths: ['productivity'],
  Component: ProductivityStep,
};
