/**
 * Starts the API from the environment: `PORT` (3000), `HOST` (127.0.0.1), `DATABASE_URL`
 * (PostgreSQL when `postgres://…`, else SQLite under `LESTARI_DATA_DIR`, default `./data`),
 * `LESTARI_SESSION_KEY` (64 hex characters) or else a key generated once into
 * `LESTARI_DATA_DIR/session.key`, `LESTARI_TRUST_PROXY=1` behind a TLS-terminating proxy.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { buildServer } from './build-server.js';

/** The session key from the environment, or the data folder's key file (created once, 0600). */
export function loadSessionKey(env: NodeJS.ProcessEnv, dataDir: string): string {
  const fromEnv = env['LESTARI_SESSION_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'session.key');
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

export async function start(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = env['LESTARI_DATA_DIR'] || './data';
  const port = Number(env['PORT'] || 3000);
  const host = env['HOST'] || '127.0.0.1';
  const store = await openStore({
    dataDir,
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
  });
  const app = buildServer({
    store,
    sessionKey: loadSessionKey(env, dataDir),
    logger: { level: env['LOG_LEVEL'] || 'info' },
    trustProxy: env['LESTARI_TRUST_PROXY'] === '1',
  });
  app.addHook('onClose', () => store.close());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
  await app.listen({ port, host });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
