/**
 * kill -9 of the real server (start(), SQLite, in a child process on a free loopback port)
 * during a burst of saves over HTTP: every save the server acknowledged with 200 is there,
 * with its exact document, after a restart on the same data directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { burstDocument } from './fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'lestari-http-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** At most this many saves; the kill comes well before. */
const MAX_SAVES = 150;

async function startChild(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  delete env['LESTARI_SESSION_KEY'];
  Object.assign(env, { LESTARI_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
  env['LOG_LEVEL'] = 'silent';
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/http-server-child.ts'], {
    cwd: new URL('../../', import.meta.url),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)\n/.exec(out);
      if (match !== null) resolve(Number(match[1]));
    });
    child.on('exit', () => reject(new Error(`server exited early: ${err}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

interface View {
  id: string;
  revision: number;
  document: Record<string, unknown>;
}

it('keeps every save the killed server acknowledged', async () => {
  const dataDir = join(root, 'data');
  const first = await startChild(dataDir);

  const signUp = await fetch(`${first.base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'crash@example.id',
      name: 'Crash',
      password: 'a long passphrase',
    }),
  });
  expect(signUp.status).toBe(201);
  const cookie = (signUp.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const me = (await signUp.json()) as {
    csrfToken: string;
    memberships: { organisation: { id: string } }[];
  };
  const orgId = me.memberships[0]?.organisation.id ?? '';
  const headers = {
    'content-type': 'application/json',
    cookie,
    'x-csrf-token': me.csrfToken,
  };
  const studies = `/api/orgs/${orgId}/studies`;
  const created = await fetch(`${first.base}${studies}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ document: burstDocument(1) }),
  });
  expect(created.status).toBe(201);
  const study = (await created.json()) as View;

  const save = (base: string, revision: number) =>
    fetch(`${base}${studies}/${study.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        baseRevision: revision,
        document: burstDocument(revision + 1),
        summary: `burst ${revision + 1}`,
      }),
    });

  // Sequential saves, each on the revision the previous one acknowledged; the kill lands
  // while a save is in flight, at a point that varies from run to run.
  const killAt = 30 + Math.floor(Math.random() * 40);
  const acknowledged = new Map<number, Record<string, unknown>>([[1, study.document]]);
  let revision = 1;
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    first.child.on('exit', (_code, signal) => resolve(signal)),
  );
  for (let i = 0; i < MAX_SAVES; i += 1) {
    const pending = save(first.base, revision);
    if (i === killAt) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      first.child.kill('SIGKILL');
    }
    const response = await pending.catch(() => undefined);
    if (response === undefined) break;
    const body = await response.text().catch(() => undefined);
    if (response.status !== 200 || body === undefined) break;
    const view = JSON.parse(body) as View;
    expect(view.revision).toBe(revision + 1);
    revision = view.revision;
    acknowledged.set(revision, view.document);
  }
  expect(await exited).toBe('SIGKILL');
  expect(acknowledged.size).toBeGreaterThan(30);
  // The burst stopped at the kill, not at its bound.
  expect(acknowledged.size).toBeLessThanOrEqual(killAt + 2);

  const second = await startChild(dataDir);
  try {
    const current = await fetch(`${second.base}${studies}/${study.id}`, { headers: { cookie } });
    expect(current.status).toBe(200);
    const now = (await current.json()) as View;
    expect(now.revision).toBeGreaterThanOrEqual(revision);
    for (const [number, document] of acknowledged) {
      const stored = await fetch(`${second.base}${studies}/${study.id}/revisions/${number}`, {
        headers: { cookie },
      });
      expect(stored.status).toBe(200);
      const got = (await stored.json()) as { document: unknown };
      expect(got.document).toEqual(document);
      expect(got.document).toMatchObject(JSON.parse(JSON.stringify(burstDocument(number))));
    }
  } finally {
    second.child.kill('SIGKILL');
  }
}, 60_000);
