/**
 * Starts the API from the environment: `PORT` (3000), `HOST` (127.0.0.1), `DATABASE_URL`
 * (PostgreSQL when `postgres://…`, else SQLite under `LESTARI_DATA_DIR`, default `./data`),
 * `LESTARI_SESSION_KEY` (64 hex characters) or else a key generated once into
 * `LESTARI_DATA_DIR/session.key`, `LESTARI_TRUST_PROXY=1` behind a TLS-terminating proxy,
 * `LESTARI_UNCERTAINTY_THREADS` (threads in all for a long Monte Carlo; default the cores, at
 * most 4; 1: none besides the server's).
 *
 * The browser app is served from `LESTARI_WEB_ROOT`, else from the build beside the server
 * (dist/web) when there is one. Demo mode (`--demo` or `LESTARI_DEMO=1`) makes the demo
 * account on first start (demo.ts), password `LESTARI_DEMO_PASSWORD` or `lestari-demo`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/index.js';
import { buildServer } from './build-server.js';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from './demo.js';

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

/**
 * The built app beside the compiled server: dist/server/http/start.js → dist/web. Run from
 * source (tsx), `../../web` would be the app's sources (src/web), so it is dist/web there too.
 */
export function defaultWebRoot(moduleUrl: string = import.meta.url): string {
  const relative = moduleUrl.endsWith('.ts') ? '../../../dist/web/' : '../../web/';
  return fileURLToPath(new URL(relative, moduleUrl));
}

/** LESTARI_WEB_ROOT, else the default build when it exists; undefined serves the API only. */
export function webRootFrom(env: NodeJS.ProcessEnv): string | undefined {
  const configured = env['LESTARI_WEB_ROOT'];
  if (configured !== undefined && configured !== '') return configured;
  const built = defaultWebRoot();
  return existsSync(join(built, 'index.html')) ? built : undefined;
}

export function isDemo(env: NodeJS.ProcessEnv, args: readonly string[]): boolean {
  return args.includes('--demo') || env['LESTARI_DEMO'] === '1';
}

/** The one line that says where to go; a password from the environment is never printed. */
export function runningLine(url: string, demo: false | { passwordFromEnv: boolean }): string {
  if (demo === false) return `Lestari is running at ${url}`;
  const password = demo.passwordFromEnv ? '(from LESTARI_DEMO_PASSWORD)' : DEMO_PASSWORD;
  return `Lestari is running at ${url} — demo sign-in: ${DEMO_EMAIL} / ${password}`;
}

/** LESTARI_UNCERTAINTY_THREADS as a whole number 1 … 64, undefined when not set. */
export function uncertaintyThreadsFrom(env: NodeJS.ProcessEnv): number | undefined {
  const text = env['LESTARI_UNCERTAINTY_THREADS'];
  if (text === undefined || text === '') return undefined;
  const threads = Number(text);
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
    throw new Error(`LESTARI_UNCERTAINTY_THREADS must be a whole number 1 … 64, got "${text}"`);
  }
  return threads;
}

export interface StartOptions {
  /** The command-line arguments (`--demo`). Default: this process's. */
  readonly args?: readonly string[];
  /** Where the "running at" line goes. Default: stdout. */
  readonly print?: (line: string) => void;
}

export async function start(env: NodeJS.ProcessEnv = process.env, options: StartOptions = {}) {
  const dataDir = env['LESTARI_DATA_DIR'] || './data';
  const port = Number(env['PORT'] || 3000);
  const host = env['HOST'] || '127.0.0.1';
  const demo = isDemo(env, options.args ?? process.argv.slice(2));
  const demoPassword = env['LESTARI_DEMO_PASSWORD'] || undefined;
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const store = await openStore({
    dataDir,
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
  });
  const webRoot = webRootFrom(env);
  const threads = uncertaintyThreadsFrom(env);
  const app = buildServer({
    store,
    sessionKey: loadSessionKey(env, dataDir),
    logger: { level: env['LOG_LEVEL'] || 'info' },
    trustProxy: env['LESTARI_TRUST_PROXY'] === '1',
    ...(webRoot === undefined ? {} : { webRoot }),
    ...(threads === undefined ? {} : { uncertaintyThreads: threads }),
  });
  app.addHook('onClose', () => store.close());
  if (webRoot === undefined) app.log.info('no built web app (dist/web): serving the API only');
  try {
    if (demo) {
      const seeded = await seedDemo(
        store,
        demoPassword === undefined ? {} : { password: demoPassword },
      );
      app.log.info(
        { email: DEMO_EMAIL },
        `demo account ${seeded === 'created' ? 'created' : 'exists'}`,
      );
      if (demoPassword === undefined && !isLoopback(host)) {
        app.log.warn(
          `demo mode with the published password on ${host}: anyone who can reach this server can sign in; set LESTARI_DEMO_PASSWORD or HOST=127.0.0.1`,
        );
      }
    }
    await app.listen({ port, host });
  } catch (error) {
    await app.close(); // and the store with it
    throw error;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
  print(
    runningLine(
      `http://${host.includes(':') ? `[${host}]` : host}:${listeningPort(app.server.address(), port)}`,
      demo && { passwordFromEnv: demoPassword !== undefined },
    ),
  );
  return app;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The bound port (PORT=0 picks a free one). */
function listeningPort(address: string | AddressInfo | null, fallback: number): number {
  return address !== null && typeof address === 'object' ? address.port : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
