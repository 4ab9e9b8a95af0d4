/**
 * The API under test, once per dialect like the store suite: SQLite always, PostgreSQL (a
 * fresh schema, dropped afterwards) when TEST_DATABASE_URL is set. Clients keep their session
 * cookie and CSRF token, as a browser would.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type BuildServerOptions } from '../../src/server/http/index.js';
import { openStore, type Store } from '../../src/server/store/index.js';
import { removeTempRoots, testDialects, type TestDialect } from '../support/databases.js';

/** The databases the API suites run on (SQLite; PostgreSQL when TEST_DATABASE_URL is set). */
export type HttpDialect = TestDialect;
export const httpDialects = testDialects;
export { removeTempRoots };

export const SESSION_KEY = 'ab'.repeat(32);

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  close(): Promise<void>;
}

export async function startTestServer(
  dialect: HttpDialect,
  options: Partial<BuildServerOptions> = {},
  configure?: (app: FastifyInstance) => void,
): Promise<TestServer> {
  const database = await dialect.fresh();
  const store = await openStore(database.options);
  const app = buildServer({ store, sessionKey: SESSION_KEY, ...options });
  configure?.(app);
  await app.ready();
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}

let counter = 0;
export function uniqueEmail(name: string): string {
  counter += 1;
  return `${name.toLowerCase()}.${counter}.${randomUUID().slice(0, 8)}@example.id`;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  userId = '';
  /** The personal organisation made at sign-up. */
  orgId = '';

  constructor(
    readonly app: FastifyInstance,
    readonly remoteAddress = '127.0.0.1',
  ) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    extra: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...extra.headers };
    if (this.cookie !== undefined) headers['cookie'] = this.cookie;
    if (this.csrfToken !== undefined && extra.csrf !== false && method !== 'GET') {
      headers['x-csrf-token'] = this.csrfToken;
    }
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
    // The raw header: the parsed cookie value is URL-decoded, the browser sends it as set.
    const setCookies = [response.headers['set-cookie'] ?? []].flat();
    const session = setCookies.find((c) => c.startsWith('lestari_session='));
    if (session !== undefined) {
      const pair = session.split(';')[0] ?? '';
      this.cookie = pair === 'lestari_session=' ? undefined : pair;
    }
    return response;
  }

  async signUp(name = 'Sari', password = 'correct horse battery'): Promise<this> {
    const email = uniqueEmail(name);
    const response = await this.request('POST', '/api/auth/sign-up', { email, name, password });
    if (response.statusCode !== 201) throw new Error(`sign-up: ${response.body}`);
    const body = response.json<{
      user: { id: string; email: string };
      memberships: { organisation: { id: string } }[];
      csrfToken: string;
    }>();
    this.userId = body.user.id;
    this.orgId = body.memberships[0]?.organisation.id ?? '';
    this.csrfToken = body.csrfToken;
    this.email = body.user.email;
    return this;
  }

  email = '';
}
