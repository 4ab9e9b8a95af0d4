/**
 * Server-side sessions on each dialect: a cookie is only as good as its session row, so
 * sign-out ends copies of the cookie too, sign-out everywhere ends every device's session, and
 * an expired session is refused whatever the cookie says. And sign-up is rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/http/index.js';
import { SESSION_SECONDS } from '../../src/server/http/sessions.js';
import {
  Client,
  httpDialects,
  removeTempRoots,
  startTestServer,
  uniqueEmail,
  type TestServer,
} from './http-harness.js';

afterAll(removeTempRoots);

const PASSWORD = 'correct horse battery';

/** Another holder of the same cookie and token: a second tab, or a thief. */
function copyOf(client: Client): Client {
  const copy = new Client(client.app, client.remoteAddress);
  copy.cookie = client.cookie;
  copy.csrfToken = client.csrfToken;
  return copy;
}

/** A second device of the same user: its own sign-in, its own session. */
async function signIn(client: Client, email: string): Promise<Client> {
  const response = await client.request('POST', '/api/auth/sign-in', {
    email,
    password: PASSWORD,
  });
  expect(response.statusCode, response.body).toBe(200);
  client.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return client;
}

const status = async (client: Client, method: 'GET' | 'POST', url: string, body?: unknown) =>
  (await client.request(method, url, body)).statusCode;

for (const dialect of httpDialects) {
  describe(`sessions on ${dialect.name}`, () => {
    let server: TestServer;
    // The server's clock (session expiry), moved by hand; it starts at the store's (real) time,
    // which the store uses to forget expired sessions.
    let time = Date.now();

    beforeAll(async () => {
      server = await startTestServer(dialect, { now: () => new Date(time) });
    });
    afterAll(async () => server.close());

    it('refuses a copied cookie (401) once its session signed out', async () => {
      const client = await new Client(server.app).signUp('Tab');
      const copy = copyOf(client);
      const writer = copyOf(client);
      expect(await status(copy, 'GET', '/api/auth/me')).toBe(200);

      expect(await status(client, 'POST', '/api/auth/sign-out')).toBe(204);
      const refused = await copy.request('GET', '/api/auth/me');
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      expect(copy.cookie).toBeUndefined(); // the dead cookie is cleared
      // Writes too, with the right CSRF token: 401 comes first.
      expect(await status(writer, 'POST', `/api/orgs/${client.orgId}/studies`, {})).toBe(401);
    });

    it('ends every session of the user on sign-out everywhere, and no one else’s', async () => {
      const laptop = await new Client(server.app).signUp('Everywhere');
      const phone = await signIn(new Client(server.app), laptop.email);
      const stranger = await new Client(server.app).signUp('Stranger');
      expect(await status(phone, 'GET', '/api/auth/me')).toBe(200);

      expect(await status(laptop, 'POST', '/api/auth/sign-out-everywhere')).toBe(204);
      expect(laptop.cookie).toBeUndefined();
      expect(await status(phone, 'GET', '/api/auth/me')).toBe(401);
      expect(await status(stranger, 'GET', '/api/auth/me')).toBe(200);
      // Signing in again starts a new session.
      await signIn(laptop, laptop.email);
      expect(await status(laptop, 'GET', '/api/auth/me')).toBe(200);
    });

    it('refuses a session past its expiry (7 days after sign-in)', async () => {
      const client = await new Client(server.app).signUp('Expiry');
      const start = time;
      try {
        time = start + SESSION_SECONDS * 1000 - 1000;
        expect(await status(client, 'GET', '/api/auth/me')).toBe(200);
        time = start + SESSION_SECONDS * 1000;
        expect(await status(client, 'GET', '/api/auth/me')).toBe(401);
      } finally {
        time = start;
      }
    });

    it("ends the cookie's old session when it signs in again", async () => {
      const client = await new Client(server.app).signUp('Again');
      const before = copyOf(client);
      await signIn(client, client.email);
      expect(client.cookie).not.toBe(before.cookie);
      expect(await status(client, 'GET', '/api/auth/me')).toBe(200);
      expect(await status(before, 'GET', '/api/auth/me')).toBe(401);
    });

    it('refuses a valid cookie that names no session (one from before server sessions)', async () => {
      const client = await new Client(server.app).signUp('Legacy');
      const { app } = server;
      const legacy = app.encodeSecureSession(app.createSecureSession({ userId: client.userId }));
      const old = new Client(app);
      old.cookie = `${SESSION_COOKIE}=${encodeURIComponent(legacy)}`;
      expect(await status(old, 'GET', '/api/auth/me')).toBe(401);
    });
  });

  describe(`sign-up rate limit on ${dialect.name}`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(dialect, {
        signUpRateLimit: { max: 2, timeWindow: '1 minute' },
        signInRateLimit: { max: 2, timeWindow: '1 minute' },
      });
    });
    afterAll(async () => server.close());

    const signUp = (address: string) =>
      new Client(server.app, address).request('POST', '/api/auth/sign-up', {
        email: uniqueEmail('Many'),
        name: 'Many',
        password: PASSWORD,
      });

    it('refuses sign-ups past the limit from one address (429), apart from sign-in', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await signUp('10.0.1.1')).statusCode);
      expect(statuses).toEqual([201, 201, 429, 429]);
      const limited = await signUp('10.0.1.1');
      expect(limited.json()).toMatchObject({
        error: { code: 'rate-limited', message: expect.stringContaining('sign-up') as unknown },
      });
      // Another address is not affected, nor is sign-in from this one (its own limit).
      expect((await signUp('10.0.1.2')).statusCode).toBe(201);
      const signIn = await new Client(server.app, '10.0.1.1').request('POST', '/api/auth/sign-in', {
        email: 'nobody@example.id',
        password: 'x',
      });
      expect(signIn.statusCode).toBe(401);
    });
  });
}
