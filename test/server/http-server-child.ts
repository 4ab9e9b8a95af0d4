/**
 * Child process of the HTTP crash test: the real server from `start()` (environment as in
 * production: LESTARI_DATA_DIR, PORT=0, HOST), printing `listening PORT` once it listens.
 * Usage: node --import tsx test/server/http-server-child.ts
 */
import { start } from '../../src/server/http/start.js';

const app = await start(process.env);
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no port');
process.stdout.write(`listening ${address.port}\n`);
