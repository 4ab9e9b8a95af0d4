/** Starting from the environment, the session key file, and Secure cookies over HTTPS. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSessionKey, start } from '../../src/server/http/start.js';
import { Client, httpDialects, removeTempRoots, startTestServer } from './http-harness.js';

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

  it('listens on HOST:PORT over a SQLite database in LESTARI_DATA_DIR', async () => {
    const dataDir = join(root, 'data');
    const app = await start({
      PORT: '0',
      HOST: '127.0.0.1',
      LESTARI_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    try {
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const response = await fetch(`http://127.0.0.1:${address.port}/api/health`);
      expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite' });
      expect(statSync(join(dataDir, 'lestari.sqlite')).isFile()).toBe(true);
    } finally {
      await app.close();
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
