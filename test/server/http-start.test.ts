/**
 * Starting from the environment, the session key file, the web app beside the server, the demo
 * mode, and Secure cookies over HTTPS.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleMonitoringCsv } from '../../src/document/monitoring/sample-data.js';
import { parseStudyText } from '../../src/document/parse-study.js';
import {
  DEMO_EMAIL,
  DEMO_EXAMPLES,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  seedDemo,
  DEMO_MONITORED_EXAMPLE,
  DEMO_SERIES_NAME,
} from '../../src/server/http/demo.js';
import { buildServer } from '../../src/server/http/index.js';
import {
  defaultWebRoot,
  loadSessionKey,
  start,
  uncertaintyThreadsFrom,
} from '../../src/server/http/start.js';
import { openStore } from '../../src/server/store/index.js';
import {
  Client,
  httpDialects,
  removeTempRoots,
  SESSION_KEY,
  startTestServer,
} from './http-harness.js';

const root = mkdtempSync(join(tmpdir(), 'lestari-start-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  removeTempRoots();
});

describe('start', () => {
  it('generates the session key file once (mode 0600) and prefers LESTARI_SESSION_KEY', () => {
    const dir = join(root, 'keys');
    const first = loadSessionKey({}, dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadSessionKey({}, dir)).toBe(first);
    expect(statSync(join(dir, 'session.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'session.key'), 'utf8').trim()).toBe(first);
    expect(loadSessionKey({ LESTARI_SESSION_KEY: 'cd'.repeat(32) }, dir)).toBe('cd'.repeat(32));
  });

  it('listens on HOST:PORT over a SQLite database in LESTARI_DATA_DIR, and says where', async () => {
    const dataDir = join(root, 'data');
    const lines: string[] = [];
    const app = await start(
      { PORT: '0', HOST: '127.0.0.1', LESTARI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      { args: [], print: (line) => lines.push(line) },
    );
    try {
      const base = baseUrl(app);
      const response = await fetch(`${base}/api/health`);
      expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite' });
      expect(statSync(join(dataDir, 'lestari.sqlite')).isFile()).toBe(true);
      expect(lines).toEqual([`Lestari is running at ${base}`]);
      const demoSignIn = await signIn(base, DEMO_PASSWORD);
      expect(demoSignIn.status).toBe(401); // no demo account without demo mode
    } finally {
      await app.close();
    }
  });

  it('reads LESTARI_UNCERTAINTY_THREADS as a whole number 1 … 64, and refuses anything else', () => {
    expect(uncertaintyThreadsFrom({})).toBeUndefined();
    expect(uncertaintyThreadsFrom({ LESTARI_UNCERTAINTY_THREADS: '' })).toBeUndefined();
    expect(uncertaintyThreadsFrom({ LESTARI_UNCERTAINTY_THREADS: '1' })).toBe(1);
    expect(uncertaintyThreadsFrom({ LESTARI_UNCERTAINTY_THREADS: '8' })).toBe(8);
    for (const bad of ['0', '2.5', 'two', '65'])
      expect(() => uncertaintyThreadsFrom({ LESTARI_UNCERTAINTY_THREADS: bad })).toThrow(
        /LESTARI_UNCERTAINTY_THREADS/,
      );
  });

  it('finds the built web app beside the compiled server, and from source too', () => {
    expect(defaultWebRoot('file:///srv/lestari/dist/server/http/start.js')).toBe(
      '/srv/lestari/dist/web/',
    );
    // Not src/web: those are the app's sources, not a build.
    expect(defaultWebRoot('file:///srv/lestari/src/server/http/start.ts')).toBe(
      '/srv/lestari/dist/web/',
    );
  });
});

function baseUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

const signIn = (base: string, password: string) =>
  fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, password }),
  });

const exampleTitles = DEMO_EXAMPLES.map((name) => {
  const parsed = parseStudyText(
    readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(`examples/${name} does not parse`);
  return parsed.study.study.title;
});

describe('demo', () => {
  it('seeds once: the demo account owns one organisation with the three examples', async () => {
    const store = await openStore({ dataDir: join(root, 'demo-seed') });
    try {
      const now = () => new Date('2026-11-23T10:00:00Z');
      expect(await seedDemo(store, { now })).toBe('created');
      expect(await seedDemo(store, { now })).toBe('exists');
      const user = await store.findUserByEmail(DEMO_EMAIL);
      expect(user).toMatchObject({ name: 'Demo' });
      const memberships = await store.listMemberships(user?.id ?? '');
      expect(memberships).toEqual([
        { organisation: expect.objectContaining({ name: DEMO_ORGANISATION }), role: 'owner' },
      ]);
      const orgId = memberships[0]?.organisation.id ?? '';
      const studies = await store.listStudies(orgId);
      expect(studies.map((s) => s.title).sort()).toEqual([...exampleTitles].sort());

      // The monitored example holds last month's sample readings as a stored series.
      const monitored = studies.find(
        (s) => s.title === exampleTitles[DEMO_EXAMPLES.indexOf(DEMO_MONITORED_EXAMPLE)],
      );
      const series = await store.listMonitoringSeries(orgId, monitored?.id ?? '');
      const sample = sampleMonitoringCsv(
        (await store.getStudy(orgId, monitored?.id ?? '')).document.effluent?.parameters ?? [],
        { language: 'id', year: 2026, month: 10, days: 28 },
      );
      expect(series).toEqual([
        expect.objectContaining({
          name: DEMO_SERIES_NAME,
          readings: sample.trim().split('\n').length - 1,
          firstTimeMs: Date.parse('2026-10-01T00:00:00+07:00'),
        }),
      ]);

      // The demo account signs in with the documented password and sees its studies.
      const app = buildServer({ store, sessionKey: SESSION_KEY });
      try {
        const client = new Client(app);
        const response = await client.request('POST', '/api/auth/sign-in', {
          email: DEMO_EMAIL,
          password: DEMO_PASSWORD,
        });
        expect(response.statusCode, response.body).toBe(200);
        const list = await client.request('GET', `/api/orgs/${orgId}/studies`);
        expect(list.json<{ studies: unknown[] }>().studies).toHaveLength(3);
        const cvAbc = studies.find((s) => s.title === exampleTitles[0]);
        const study = await client.request('GET', `/api/orgs/${orgId}/studies/${cvAbc?.id}`);
        const body = study.json<{ evaluation: { results: { epi?: { total: number } } } }>();
        expect(body.evaluation.results.epi?.total).toBeCloseTo(1.3315, 4);
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  });

  it('starts with --demo or LESTARI_DEMO=1, says how to sign in, and duplicates nothing', async () => {
    const dataDir = join(root, 'demo-start');
    const webRoot = join(root, 'demo-web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>demo app</title>');
    const env = { PORT: '0', HOST: '127.0.0.1', LESTARI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };

    const lines: string[] = [];
    const first = await start(
      { ...env, LESTARI_WEB_ROOT: webRoot },
      { args: ['--demo'], print: (line) => lines.push(line) },
    );
    try {
      const base = baseUrl(first);
      expect(lines).toEqual([
        `Lestari is running at ${base} — demo sign-in: demo@lestari.local / lestari-demo`,
      ]);
      expect((await signIn(base, DEMO_PASSWORD)).status).toBe(200);
      const page = await fetch(`${base}/orgs`);
      expect(await page.text()).toContain('demo app'); // LESTARI_WEB_ROOT
    } finally {
      await first.close();
    }

    const secret = 'a password from the environment';
    const again: string[] = [];
    const second = await start(
      { ...env, LESTARI_DEMO: '1', LESTARI_DEMO_PASSWORD: secret },
      { args: [], print: (line) => again.push(line) },
    );
    try {
      const base = baseUrl(second);
      expect(again).toEqual([
        `Lestari is running at ${base} — demo sign-in: demo@lestari.local / (from LESTARI_DEMO_PASSWORD)`,
      ]);
      expect(again.join('\n')).not.toContain(secret);
    } finally {
      await second.close();
    }

    const store = await openStore({ dataDir });
    try {
      const user = await store.findUserByEmail(DEMO_EMAIL);
      const memberships = await store.listMemberships(user?.id ?? '');
      expect(memberships).toHaveLength(1);
      expect(await store.listStudies(memberships[0]?.organisation.id ?? '')).toHaveLength(3);
    } finally {
      await store.close();
    }
  });
});

describe('cookies over HTTPS behind a proxy', () => {
  it('marks the session cookie Secure when the request came over HTTPS', async () => {
    const dialect = httpDialects[0];
    if (dialect === undefined) throw new Error('no dialect');
    const server = await startTestServer(dialect, { trustProxy: true });
    try {
      const client = new Client(server.app);
      const https = await client.request(
        'POST',
        '/api/auth/sign-up',
        { email: 'tls@example.id', name: 'Tls', password: 'a long secret passphrase' },
        { headers: { 'x-forwarded-proto': 'https' } },
      );
      expect(String(https.headers['set-cookie'])).toMatch(/; Secure/i);
      const http = await new Client(server.app).request('POST', '/api/auth/sign-up', {
        email: 'plain@example.id',
        name: 'Plain',
        password: 'a long secret passphrase',
      });
      expect(String(http.headers['set-cookie'])).not.toMatch(/; Secure/i);
      expect(String(http.headers['set-cookie'])).toMatch(/HttpOnly/i);
    } finally {
      await server.close();
    }
  });
});
