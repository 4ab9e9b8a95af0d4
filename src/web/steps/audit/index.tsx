import type { StepDefinition } from '../step.js';
import { AuditStep } from './AuditStep.js';
import { strings } from './strings.js';

export const auditStep: StepDefinition = {
  id: 'audit',
  phase: 5,
  strings,
  paths: ['published'],
  Component: AuditStep,
};
