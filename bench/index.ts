/** `npm run bench` (tsx bench/index.ts): the benchmarks, each printing its own figures. */
import { runMonitoringBench } from './monitoring.bench.js';
import { runMonitoringStoreBench } from './monitoring-store.bench.js';
import { runUncertaintyBench } from './uncertainty.bench.js';

await runUncertaintyBench();
await runMonitoringBench();
await runMonitoringStoreBench();
