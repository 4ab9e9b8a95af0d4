#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it; `npm run build` rebuilds it).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
