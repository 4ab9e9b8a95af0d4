/**
 * The browser app served by the API server: files with their cache headers, index.html for the
 * app's history paths, the JSON 404 kept for the API, and the Content-Security-Policy. A fake
 * build in a temporary folder: the tests do not depend on dist/web.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpDialects, removeTempRoots, startTestServer, type TestServer } from './http-harness.js';

const root = mkdtempSync(join(tmpdir(), 'lestari-web-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  removeTempRoots();
});

const INDEX = '<!doctype html><html><body><div id="root"></div>fake app</body></html>';
const ASSET = 'console.log("lestari");';
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join(';');

function fakeBuild(name: string, withIndex = true): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'assets'), { recursive: true });
  if (withIndex) writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Bx7f3k9a.js'), ASSET);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const sqlite = httpDialects[0];
if (sqlite === undefined) throw new Error('no dialect');

describe('the web app', () => {
  let server: TestServer;
  const get = (url: string) => server.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    server = await startTestServer(sqlite, { webRoot: fakeBuild('app') });
  });
  afterAll(async () => server.close());

  it('serves index.html at / with no-cache and the Content-Security-Policy', async () => {
    for (const url of ['/', '/index.html']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(CSP);
      expect(response.body).toBe(INDEX);
    }
  });

  it('serves a hashed asset cached for a year, immutable; other files no-cache', async () => {
    const asset = await get('/assets/index-Bx7f3k9a.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe(ASSET);
    const icon = await get('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it("answers the app's history paths with index.html", async () => {
    const id = '0b6c1b0e-8c6f-4c4e-9d57-2f3a9d1e5a10';
    for (const url of [
      `/orgs/${id}/studies/${id}/effluent`,
      '/sign-in?next=%2Forgs',
      '/assets', // a folder, not a file
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(INDEX);
    }
    const head = await server.app.inject({ method: 'HEAD', url: '/orgs' });
    expect(head.statusCode).toBe(200);
  });

  it('keeps the JSON 404 for the API, missing files and other methods', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['GET', '/assets/missing-1234.js'],
      ['GET', '/.env'],
      ['POST', '/orgs'],
    ] as const) {
      const response = await server.app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toEqual({
        error: { code: 'not-found', message: 'no such route' },
      });
    }
  });

  it('still answers the API, under the same policy', async () => {
    const health = await get('/api/health');
    expect(health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    expect(health.headers['content-security-policy']).toBe(CSP);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('without a built app', () => {
  it('serves the API only, when there is no webRoot or it holds no index.html', async () => {
    for (const options of [{}, { webRoot: fakeBuild('no-index', false) }]) {
      const server = await startTestServer(sqlite, options);
      try {
        const page = await server.app.inject({ method: 'GET', url: '/orgs' });
        expect(page.statusCode).toBe(404);
        expect(page.json()).toMatchObject({ error: { code: 'not-found' } });
        expect((await server.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
        const health = await server.app.inject({ method: 'GET', url: '/api/health' });
        expect(health.headers['content-security-policy']).toBe(CSP);
      } finally {
        await server.close();
      }
    }
  });
});
