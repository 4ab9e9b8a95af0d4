import type { StepDefinition } from '../step.js';
import { MassBalanceStep } from './MassBalanceStep.js';
import { strings } from './strings.js';

export const massBalanceStep: StepDefinition = {
  id: 'mass-balance',
  phase: 2,
  strings,
  paths: ['massBalance'],
  Component: MassBalanceStep,
};
