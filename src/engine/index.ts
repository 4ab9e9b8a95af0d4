/**
 * Lestari's Green Productivity engine: pure functions of the APO GP methodology.
 * Grouped in the order a study uses them. No I/O, clock or randomness except what is passed in.
 */
export * from './errors.js';
export * from './validate.js';
export * from './range.js';

// GP step 1–2: planning
export * from './mass-balance/index.js';
export * from './productivity/index.js';
export * from './epi/index.js';
export * from './weights/index.js';

// GP step 3: generation and evaluation of options
export * from './options/index.js';
export * from './economics/index.js';
export * from './effects/index.js';

// GP step 5: monitoring and review, and the audit of published values
export * from './eco-efficiency/index.js';
export * from './statistics/index.js';
export * from './audit/index.js';
export * from './uncertainty/index.js';

// GP steps 5–6: monitoring and review of continuous and monthly records
export * from './monitoring/index.js';
