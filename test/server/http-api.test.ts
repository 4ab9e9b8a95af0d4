/** The HTTP API on each dialect: accounts, studies, concurrency, revisions and robustness. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studyDocument } from './fixtures.js';
import {
  Client,
  httpDialects,
  removeTempRoots,
  startTestServer,
  uniqueEmail,
  type TestServer,
} from './http-harness.js';

afterAll(removeTempRoots);

for (const dialect of httpDialects) {
  describe(`HTTP API on ${dialect.name}`, () => {
    let server: TestServer;
    let logged = '';

    beforeAll(async () => {
      server = await startTestServer(
        dialect,
        {
          signInRateLimit: { max: 3, timeWindow: '1 minute' },
          // Many accounts from one address here; sign-up's limit has its own test.
          signUpRateLimit: { max: 1000, timeWindow: '1 minute' },
          logger: {
            level: 'trace',
            stream: { write: (line: string) => void (logged += line) },
          },
        },
        (app) => {
          app.get('/api/test/throw', (request) => {
            request.log.warn({ password: 'hunter2-secret-pw', token: 'tok-secret-123' }, 'boom');
            throw new Error('secret internals: /etc/passwd');
          });
          app.get('/api/test/reject', async () => {
            await Promise.resolve();
            throw new TypeError('undefined is not a function at db.ts:42');
          });
        },
      );
    });
    afterAll(async () => server.close());

    it('signs up, out and in again; hashes with argon2id; sets a safe cookie', async () => {
      const client = new Client(server.app, '10.0.0.1');
      const email = uniqueEmail('Budi');
      const password = 'a long secret passphrase';
      const signUp = await client.request('POST', '/api/auth/sign-up', {
        email,
        name: 'Budi',
        password,
      });
      expect(signUp.statusCode).toBe(201);
      const cookie = signUp.cookies.find((c) => c.name === 'lestari_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(signUp.headers['x-content-type-options']).toBe('nosniff');
      expect(signUp.body).not.toContain(password);
      const body = signUp.json<{ memberships: { role: string }[]; csrfToken: string }>();
      expect(body.memberships).toEqual([expect.objectContaining({ role: 'owner' })]);
      client.csrfToken = body.csrfToken;
      const stored = await server.store.findUserByEmail(email);
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);

      expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
      expect((await client.request('POST', '/api/auth/sign-out')).statusCode).toBe(204);
      expect(client.cookie).toBeUndefined();
      expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);

      const wrong = await client.request('POST', '/api/auth/sign-in', { email, password: 'nope' });
      expect(wrong.statusCode).toBe(401);
      const signIn = await client.request('POST', '/api/auth/sign-in', {
        email: email.toUpperCase(),
        password,
      });
      expect(signIn.statusCode).toBe(200);
      expect((await client.request('GET', '/api/auth/me')).json()).toMatchObject({
        user: { email },
      });
      expect(logged).not.toContain(password);
      expect(logged).not.toContain(String(client.cookie).slice('lestari_session='.length));
    });

    it('refuses a second account with the same email (409)', async () => {
      const email = uniqueEmail('Dup');
      const payload = { email, name: 'Dup', password: 'a long secret passphrase' };
      const client = new Client(server.app);
      expect((await client.request('POST', '/api/auth/sign-up', payload)).statusCode).toBe(201);
      const again = await new Client(server.app).request('POST', '/api/auth/sign-up', payload);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'duplicate' } });
    });

    it('rate-limits repeated sign-ins from one address (429)', async () => {
      const client = new Client(server.app, '10.0.0.99');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await client.request('POST', '/api/auth/sign-in', {
          email: 'nobody@example.id',
          password: `guess ${i}`,
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Another address is not affected.
      const other = await new Client(server.app, '10.0.0.98').request('POST', '/api/auth/sign-in', {
        email: 'nobody@example.id',
        password: 'x',
      });
      expect(other.statusCode).toBe(401);
    });

    it('creates from the template, from YAML text and from a document; reports file errors with line and column', async () => {
      const client = await new Client(server.app).signUp('Creator');
      const base = `/api/orgs/${client.orgId}/studies`;
      const blank = await client.request('POST', base, { template: 'id', title: 'Studi baru' });
      expect(blank.statusCode).toBe(201);
      expect(blank.json()).toMatchObject({ title: 'Studi baru', revision: 1 });

      const yaml =
        'lestari: 1\nlanguage: en\nstudy:\n  title: From YAML\n  organisation: { name: X, sector: tofu }\n';
      const fromText = await client.request('POST', base, { text: yaml });
      expect(fromText.statusCode).toBe(201);
      expect(fromText.json()).toMatchObject({ title: 'From YAML', evaluation: { errors: [] } });

      const fromDocument = await client.request('POST', base, { document: studyDocument('Doc') });
      expect(fromDocument.statusCode).toBe(201);

      const bad = await client.request('POST', base, {
        text: 'lestari: 1\nstudy:\n  title: T\n  organisation: { name: X, sector: y }\n  titel: oops\n',
      });
      expect(bad.statusCode).toBe(400);
      const error = bad.json<{ error: { code: string; details: { errors: object[] } } }>().error;
      expect(error.code).toBe('invalid-study');
      expect(error.details.errors).toContainEqual(
        expect.objectContaining({ path: 'study.titel', line: 5, column: 3 }),
      );

      const list = await client.request('GET', base);
      expect(list.json<{ studies: unknown[] }>().studies).toHaveLength(3);

      const exported = await client.request(
        'GET',
        `${base}/${fromText.json<{ id: string }>().id}/export`,
      );
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('application/yaml');
      expect(exported.body).toContain('title: From YAML');
      const json = await client.request(
        'GET',
        `${base}/${fromText.json<{ id: string }>().id}/export?format=json`,
      );
      expect(JSON.parse(json.body)).toMatchObject({ lestari: 1, study: { title: 'From YAML' } });
    });

    it('answers a stale save with 409 and the current study, and loses no update', async () => {
      const alice = await new Client(server.app).signUp('Alice');
      const base = `/api/orgs/${alice.orgId}/studies`;
      const created = await alice.request('POST', base, { document: studyDocument('v1') });
      const id = created.json<{ id: string }>().id;

      const first = await alice.request('PUT', `${base}/${id}`, {
        baseRevision: 1,
        document: studyDocument('first writer'),
        summary: 'first',
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ revision: 2, title: 'first writer' });

      const stale = await alice.request('PUT', `${base}/${id}`, {
        baseRevision: 1,
        document: studyDocument('second writer'),
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        error: {
          code: 'conflict',
          details: { current: { revision: 2, document: { study: { title: 'first writer' } } } },
        },
      });
      const now = await alice.request('GET', `${base}/${id}`);
      expect(now.json()).toMatchObject({ revision: 2, title: 'first writer' });

      // Concurrent saves on one base: exactly one wins, the others get 409.
      const results = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          alice.request('PUT', `${base}/${id}`, {
            baseRevision: 2,
            document: studyDocument(`racer ${i}`),
          }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
      const revisions = await alice.request('GET', `${base}/${id}/revisions`);
      expect(revisions.json<{ revisions: unknown[] }>().revisions).toHaveLength(3);
    });

    it('lists, shows and restores revisions', async () => {
      const client = await new Client(server.app).signUp('Rita');
      const base = `/api/orgs/${client.orgId}/studies`;
      const id = (await client.request('POST', base, { document: studyDocument('one') })).json<{
        id: string;
      }>().id;
      await client.request('PUT', `${base}/${id}`, {
        baseRevision: 1,
        document: studyDocument('two'),
        summary: 'renamed',
      });
      const list = await client.request('GET', `${base}/${id}/revisions`);
      expect(list.json()).toMatchObject({
        revisions: [{ revision: 2, summary: 'renamed' }, { revision: 1 }],
      });
      const one = await client.request('GET', `${base}/${id}/revisions/1`);
      expect(one.json()).toMatchObject({ revision: 1, document: { study: { title: 'one' } } });
      const staleRestore = await client.request('POST', `${base}/${id}/revisions/1/restore`, {
        baseRevision: 1,
      });
      expect(staleRestore.statusCode).toBe(409);
      const restored = await client.request('POST', `${base}/${id}/revisions/1/restore`, {
        baseRevision: 2,
      });
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toMatchObject({ revision: 3, title: 'one' });
      expect((await client.request('GET', `${base}/${id}/revisions/9`)).statusCode).toBe(404);
      expect((await client.request('GET', `${base}/${id}/revisions/x`)).statusCode).toBe(404);
    });

    it('invites, accepts, changes roles and keeps the last owner', async () => {
      const owner = await new Client(server.app).signUp('Owner');
      const guest = await new Client(server.app).signUp('Guest');
      const org = `/api/orgs/${owner.orgId}`;
      const invite = await owner.request('POST', `${org}/invitations`, {
        email: guest.email.toUpperCase(),
        role: 'viewer',
      });
      expect(invite.statusCode).toBe(201);
      const { token } = invite.json<{ token: string }>();
      const stranger = await new Client(server.app).signUp('Stranger');
      expect(
        (await stranger.request('POST', '/api/invitations/accept', { token })).statusCode,
      ).toBe(400);
      const accepted = await guest.request('POST', '/api/invitations/accept', { token });
      expect(accepted.statusCode).toBe(201);
      expect((await guest.request('POST', '/api/invitations/accept', { token })).statusCode).toBe(
        409,
      );
      expect((await guest.request('GET', '/api/orgs')).json()).toMatchObject({
        memberships: expect.arrayContaining([
          expect.objectContaining({
            role: 'viewer',
            organisation: expect.objectContaining({ id: owner.orgId }),
          }),
        ]) as unknown,
      });
      // A viewer reads but may not write.
      expect((await guest.request('GET', `${org}/studies`)).statusCode).toBe(200);
      expect((await guest.request('POST', `${org}/studies`, {})).statusCode).toBe(403);
      const promoted = await owner.request('PATCH', `${org}/members/${guest.userId}`, {
        role: 'editor',
      });
      expect(promoted.statusCode).toBe(200);
      expect((await guest.request('POST', `${org}/studies`, {})).statusCode).toBe(201);
      const lastOwner = await owner.request('PATCH', `${org}/members/${owner.userId}`, {
        role: 'viewer',
      });
      expect(lastOwner.statusCode).toBe(409);
      expect(lastOwner.json()).toMatchObject({ error: { code: 'forbidden-last-owner' } });
      expect((await owner.request('DELETE', `${org}/members/${guest.userId}`)).statusCode).toBe(
        204,
      );
      expect((await guest.request('GET', `${org}/studies`)).statusCode).toBe(404);
    });

    it('computes an imported example: CV. ABC EPI total 1.3315', async () => {
      const client = await new Client(server.app).signUp('Epi');
      const text = readFileSync(new URL('../../examples/cv-abc.yaml', import.meta.url), 'utf8');
      const created = await client.request('POST', `/api/orgs/${client.orgId}/studies`, { text });
      expect(created.statusCode).toBe(201);
      const body = created.json<{ evaluation: { results: { epi?: { total: number } } } }>();
      expect(body.evaluation.results.epi?.total).toBeCloseTo(1.3315, 4);
    });

    it('refuses a write without the CSRF token of a cookie session (403)', async () => {
      const client = await new Client(server.app).signUp('Csrf');
      const url = `/api/orgs/${client.orgId}/studies`;
      const missing = await client.request('POST', url, {}, { csrf: false });
      expect(missing.statusCode).toBe(403);
      expect(missing.json()).toMatchObject({ error: { code: 'csrf' } });
      const forged = await client.request(
        'POST',
        url,
        {},
        {
          csrf: false,
          headers: { 'x-csrf-token': 'forged' },
        },
      );
      expect(forged.statusCode).toBe(403);
      const token = await client.request('GET', '/api/auth/csrf-token');
      client.csrfToken = token.json<{ csrfToken: string }>().csrfToken;
      expect((await client.request('POST', url, {})).statusCode).toBe(201);
    });

    it('rejects an oversized body (413) and malformed JSON (400)', async () => {
      const client = await new Client(server.app).signUp('Big');
      const url = `/api/orgs/${client.orgId}/studies`;
      const big = await client.request('POST', url, { text: 'x'.repeat(3 * 1024 * 1024) });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ error: { code: 'body-too-large' } });
      const malformed = await client.request('POST', url, '{"text": ', {
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ error: { code: 'malformed-json' } });
      const invalid = await client.request('POST', url, { template: 'fr' });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json()).toMatchObject({ error: { code: 'invalid-request' } });
    });

    it('survives a handler that throws, and leaks nothing of it', async () => {
      for (const url of ['/api/test/throw', '/api/test/reject', '/api/test/throw']) {
        const response = await server.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(500);
        expect(response.json()).toEqual({
          error: { code: 'internal', message: 'internal server error' },
        });
      }
      expect(logged).toContain('secret internals'); // the cause is logged…
      expect(logged).toContain('[redacted]'); // …secrets in log objects are not
      expect(logged).not.toContain('hunter2-secret-pw');
      expect(logged).not.toContain('tok-secret-123');
      expect((await server.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
        status: 'ok',
        database: dialect.name,
      });
    });

    it('serves OpenAPI with every route, and JSON 404s', async () => {
      const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const paths = Object.keys(response.json<{ paths: object }>().paths);
      expect(paths).toContain('/api/orgs/{orgId}/studies/{studyId}');
      expect(paths).toContain('/api/auth/sign-in');
      const missing = await server.app.inject({ method: 'GET', url: '/api/nothing' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'not-found' } });
    });
  });
}
