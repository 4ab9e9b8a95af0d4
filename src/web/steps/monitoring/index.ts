import type { StepDefinition } from '../step.js';
import { MonitoringStep } from './MonitoringStep.js';
import { strings } from './strings.js';

export const monitoringStep: StepDefinition = {
  id: 'monitoring',
  phase: 5,
  strings,
  // Results come from a file and the effluent limits; the study's own problems show there.
  paths: [],
  Component: MonitoringStep,
};
