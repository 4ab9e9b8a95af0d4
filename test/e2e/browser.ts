/**
 * The real server (SQLite in a temp folder, the built app from dist/web) and Debian's
 * Chromium driven by playwright-core, for end-to-end tests. On CI Chromium is required (the
 * tests fail without it); elsewhere they are skipped with the reason in their names.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildServer } from '../../src/server/http/index.js';
import { openStore, type Store } from '../../src/server/store/index.js';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from '../../src/report/render-pdf.js';
import type { FastifyInstance } from 'fastify';

export const WEB_ROOT = join(import.meta.dirname, '../../dist/web');

const hasChromium = existsSync(DEFAULT_CHROMIUM_PATH);
const hasWeb = existsSync(join(WEB_ROOT, 'index.html'));
const required = process.env['CI'] === 'true';

/** Run the browser tests? On CI always (a missing piece fails them); elsewhere when possible. */
export const runBrowserTests = required || (hasChromium && hasWeb);
export const skipNote = runBrowserTests
  ? ''
  : ` (SKIPPED: needs ${hasChromium ? '' : `${DEFAULT_CHROMIUM_PATH} `}${hasWeb ? '' : 'dist/web (npm run build:web)'})`;

export interface E2eServer {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2eServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`${WEB_ROOT}/index.html is missing: run npm run build:web first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'lestari-e2e-'));
  const store = await openStore({ dataDir });
  const app = buildServer({ store, sessionKey: 'cd'.repeat(32), webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const browser = await chromium.launch({
    executablePath: DEFAULT_CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    store,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
