import type { StepDefinition } from '../step.js';
import { ProfileStep } from './ProfileStep.js';
import { strings } from './strings.js';

export const profileStep: StepDefinition = {
  id: 'profile',
  phase: 1,
  strings,
  paths: ['study', 'walkThrough'],
  Component: ProfileStep,
};
