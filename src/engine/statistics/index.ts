// Statistics: descriptive measures, the Student t distribution and its special functions,
// correlation with significance, the critical r of questionnaire studies, and t-tests.

// Sums and descriptive measures
export { compensatedSum } from './compensated-sum.js';
export { arithmeticMean } from './mean.js';
export {
  populationStandardDeviation,
  populationVariance,
  sampleStandardDeviation,
  sampleVariance,
} from './variance.js';
export { averageRanks } from './average-ranks.js';

// Special functions and the Student t distribution
export { logGamma } from './log-gamma.js';
export { logBeta } from './log-beta.js';
export { regularizedIncompleteBeta } from './incomplete-beta.js';
export { studentTCdf, studentTQuantile, studentTTwoSidedPValue } from './student-t.js';

// Correlation
export type { CorrelationSignificance } from './correlation-significance.js';
export { correlationSignificance } from './correlation-significance.js';
export type { PearsonCorrelation } from './pearson-correlation.js';
export { pearsonCorrelation } from './pearson-correlation.js';
export type { SpearmanCorrelation } from './spearman-correlation.js';
export { spearmanCorrelation } from './spearman-correlation.js';
export type { CorrelationTails, CriticalCorrelation } from './critical-correlation.js';
export { criticalCorrelation } from './critical-correlation.js';

// t-tests
export type { PairedTTest } from './paired-t-test.js';
export { pairedTTest } from './paired-t-test.js';
export type { WelchTTest } from './welch-t-test.js';
export { welchTTest } from './welch-t-test.js';
