/**
 * The workspace's steps in the APO Green Productivity order (APO 2006, Handbook on Green
 * Productivity, steps 1–6); the navigation, the pager and the i18n namespaces come from here.
 */
import { auditStep } from './audit/index.js';
import { economicsStep } from './economics/index.js';
import { effluentStep } from './effluent/index.js';
import { estimatesStep } from './estimates/index.js';
import { massBalanceStep } from './mass-balance/index.js';
import { monitoringStep } from './monitoring/index.js';
import { optionsStep } from './options/index.js';
import { planStep } from './plan/index.js';
import { problemsStep } from './problems/index.js';
import { productivityStep } from './productivity/index.js';
import { profileStep } from './profile/index.js';
import { sieveStep } from './sieve/index.js';
import type { StepDefinition } from './step.js';
import { uncertaintyStep } from './uncertainty/index.js';
import { weightedSumStep } from './weighted-sum/index.js';
import { weightsStep } from './weights/index.js';

export const STEPS: readonly StepDefinition[] = [
  profileStep,
  massBalanceStep,
  productivityStep,
  effluentStep,
  weightsStep,
  problemsStep,
  optionsStep,
  sieveStep,
  weightedSumStep,
  economicsStep,
  estimatesStep,
  uncertaintyStep,
  planStep,
  monitoringStep,
  auditStep,
];
