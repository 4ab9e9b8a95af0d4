/** `npm run bench` (tsx bench/index.ts): the benchmarks, each printing its own figures. */
import { runUncertaintyBench } from './uncertainty.bench.js';

runUncertaintyBench();
