/**
 * The authorisation matrix, generated from the route table: two organisations × every route ×
 * owner / editor / viewer / outsider (owner of the other organisation) / anonymous. A route
 * added to API_ROUTES without a request here fails the first test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStudyWorkbook } from '../../src/document/excel/index.js';
import { API_ROUTES, XLSX_TYPE, type RouteSpec } from '../../src/server/http/index.js';
import { importReadings } from '../../src/server/monitoring/index.js';
import type { Role, Study } from '../../src/server/store/index.js';
import { monitoredStudyDocument, monitoringCsv, studyDocument } from './fixtures.js';
import {
  Client,
  httpDialects,
  removeTempRoots,
  startTestServer,
  uniqueEmail,
  type TestServer,
} from './http-harness.js';

afterAll(removeTempRoots);

type Actor = Role | 'outsider' | 'anonymous';
const ACTORS: readonly Actor[] = ['owner', 'editor', 'viewer', 'outsider', 'anonymous'];
/** The password `Client.signUp` gives everyone. */
const PASSWORD = 'correct horse battery';
const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

interface World {
  readonly server: TestServer;
  readonly orgA: string;
  readonly orgB: string;
  readonly clients: Record<Actor, Client>;
  freshStudy(): Promise<Study>;
  freshMember(): Promise<string>;
  /** A monitored study with one series of one imported file. */
  freshSeries(): Promise<{ studyId: string; seriesId: string; importId: string }>;
}

interface Call {
  readonly params?: Record<string, string>;
  readonly body?: unknown;
  readonly query?: string;
  readonly headers?: Record<string, string>;
  /**
   * The client to send with, for routes that end or replace the session they are sent with:
   * sessions are server-side, so a copy of the actor's cookie would end the actor's session
   * for every later test.
   */
  readonly client?: Client;
}

const key = (r: Pick<RouteSpec, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** How to call each route against organisation A with fresh resources. */
const CALLS: Record<string, (w: World, actor: Actor) => Promise<Call>> = {
  'GET /api/health': () => Promise.resolve({}),
  'GET /api/auth/csrf-token': () => Promise.resolve({}),
  'POST /api/auth/sign-up': async (w, actor) => ({
    body: { email: uniqueEmail('New'), name: 'New', password: 'a long secret passphrase' },
    client: await ownSession(w, actor),
  }),
  'POST /api/auth/sign-in': async (w, actor) => ({
    body: { email: w.clients.viewer.email, password: PASSWORD },
    client: await ownSession(w, actor),
  }),
  'POST /api/auth/sign-out': async (w, actor) => ({ client: await ownSession(w, actor) }),
  // Ends every session of its user, so a throwaway account's (access `user`: no role matters).
  'POST /api/auth/sign-out-everywhere': async (w, actor) => ({
    client:
      actor === 'anonymous' ? new Client(w.server.app) : await new Client(w.server.app).signUp(),
  }),
  'GET /api/auth/me': () => Promise.resolve({}),
  'GET /api/orgs': () => Promise.resolve({}),
  'POST /api/invitations/accept': async (w, actor) => {
    const client = w.clients[actor];
    // An invitation to this actor's email, into a new organisation of a third user.
    const host = await w.server.store.createUser({
      email: uniqueEmail('Host'),
      name: 'Host',
      passwordHash: 'x',
    });
    const org = await w.server.store.createOrganisation({ name: 'Host org', ownerId: host.id });
    const { token } = await w.server.store.createInvitation({
      organisationId: org.id,
      email: client.email || uniqueEmail('Nobody'),
      role: 'viewer',
      invitedBy: host.id,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    return { body: { token } };
  },
  'GET /api/orgs/:orgId/members': () => Promise.resolve({}),
  'POST /api/orgs/:orgId/invitations': () =>
    Promise.resolve({ body: { email: uniqueEmail('Invitee'), role: 'viewer' } }),
  'PATCH /api/orgs/:orgId/members/:userId': async (w) => ({
    params: { userId: await w.freshMember() },
    body: { role: 'editor' },
  }),
  'DELETE /api/orgs/:orgId/members/:userId': async (w) => ({
    params: { userId: await w.freshMember() },
  }),
  'GET /api/orgs/:orgId/studies': () => Promise.resolve({}),
  'POST /api/orgs/:orgId/studies': () => Promise.resolve({ body: { template: 'en' } }),
  'GET /api/orgs/:orgId/studies/:studyId': async (w) => ({
    params: { studyId: (await w.freshStudy()).id },
  }),
  'PUT /api/orgs/:orgId/studies/:studyId': async (w) => ({
    params: { studyId: (await w.freshStudy()).id },
    body: { baseRevision: 1, document: studyDocument('changed') },
  }),
  'DELETE /api/orgs/:orgId/studies/:studyId': async (w) => ({
    params: { studyId: (await w.freshStudy()).id },
  }),
  'POST /api/orgs/:orgId/studies/:studyId/duplicate': async (w) => ({
    params: { studyId: (await w.freshStudy()).id }, // no body: the title is optional
  }),
  'POST /api/orgs/:orgId/studies/import-xlsx': async () => ({
    body: Buffer.from(await exportStudyWorkbook(studyDocument('A import'), { language: 'en' })),
    headers: { 'content-type': XLSX_TYPE },
  }),
  'GET /api/orgs/:orgId/studies/:studyId/export': async (w) => ({
    params: { studyId: (await w.freshStudy()).id },
    query: 'format=xlsx&lang=id',
  }),
  'GET /api/orgs/:orgId/studies/:studyId/uncertainty': async (w) => ({
    params: { studyId: (await w.freshStudy()).id },
    query: 'iterations=50&seed=3',
  }),
  'GET /api/orgs/:orgId/studies/:studyId/monitoring': async (w) => ({
    params: { studyId: (await w.freshSeries()).studyId },
  }),
  'POST /api/orgs/:orgId/studies/:studyId/monitoring/imports': async (w) => ({
    params: { studyId: (await w.freshSeries()).studyId },
    query: 'series=Outlet%202',
    body: monitoringCsv('2026-03-01', 2),
    headers: { 'content-type': 'text/csv' },
  }),
  'GET /api/orgs/:orgId/studies/:studyId/monitoring/:seriesId': async (w) => {
    const { studyId, seriesId } = await w.freshSeries();
    return { params: { studyId, seriesId } };
  },
  'DELETE /api/orgs/:orgId/studies/:studyId/monitoring/:seriesId': async (w) => {
    const { studyId, seriesId } = await w.freshSeries();
    return { params: { studyId, seriesId } };
  },
  'DELETE /api/orgs/:orgId/studies/:studyId/monitoring/:seriesId/imports/:importId': async (w) => ({
    params: await w.freshSeries(),
  }),
  'GET /api/orgs/:orgId/studies/:studyId/revisions': async (w) => ({
    params: { studyId: (await w.freshStudy()).id },
  }),
  'GET /api/orgs/:orgId/studies/:studyId/revisions/:revision': async (w) => ({
    params: { studyId: (await w.freshStudy()).id, revision: '1' },
  }),
  'POST /api/orgs/:orgId/studies/:studyId/revisions/:revision/restore': async (w) => ({
    params: { studyId: (await w.freshStudy()).id, revision: '1' },
    body: { baseRevision: 1 },
  }),
};

function callFor(route: RouteSpec): (w: World, actor: Actor) => Promise<Call> {
  const call = CALLS[key(route)];
  if (call === undefined) throw new Error(`add ${key(route)} to CALLS`);
  return call;
}

function expandUrl(url: string, params: Record<string, string>, query?: string): string {
  const path = url.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${url}`);
    return value;
  });
  return query === undefined ? path : `${path}?${query}`;
}

function expectedStatus(route: RouteSpec, actor: Actor): 'ok' | number {
  if (route.access === 'public') return 'ok';
  if (actor === 'anonymous') return 401;
  if (route.access === 'user') return 'ok';
  if (actor === 'outsider') return 404;
  return RANK[actor] >= RANK[route.access] ? 'ok' : 403;
}

/** A new session of the actor (signed in again), or a new anonymous client. */
async function ownSession(w: World, actor: Actor): Promise<Client> {
  const client = new Client(w.server.app);
  if (actor === 'anonymous') return client;
  const { email } = w.clients[actor];
  const response = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
  if (response.statusCode !== 200) throw new Error(`sign-in: ${response.body}`);
  client.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return client;
}

/** A copy of the client with the same session, so a sign-in's new cookie stays in the copy. */
function copy(client: Client): Client {
  const c = new Client(client.app, client.remoteAddress);
  c.cookie = client.cookie;
  c.csrfToken = client.csrfToken;
  c.email = client.email;
  c.userId = client.userId;
  c.orgId = client.orgId;
  return c;
}

it('has a request for every route in the table', () => {
  expect(Object.keys(CALLS).sort()).toEqual(API_ROUTES.map(key).sort());
});

for (const dialect of httpDialects) {
  describe(`authorisation on ${dialect.name}`, () => {
    let world: World;
    let studyB: Study;

    beforeAll(async () => {
      const server = await startTestServer(dialect, {
        signInRateLimit: { max: 1000, timeWindow: '1 minute' },
        signUpRateLimit: { max: 1000, timeWindow: '1 minute' },
      });
      const { store } = server;
      const owner = await new Client(server.app).signUp('OwnerA');
      const editor = await new Client(server.app).signUp('EditorA');
      const viewer = await new Client(server.app).signUp('ViewerA');
      const outsider = await new Client(server.app).signUp('OwnerB');
      const anonymous = new Client(server.app);
      const orgA = owner.orgId;
      const join = async (userId: string, email: string, role: Role) => {
        const { token } = await store.createInvitation({
          organisationId: orgA,
          email,
          role,
          invitedBy: owner.userId,
          expiresAt: new Date(Date.now() + 3600_000),
        });
        await store.acceptInvitation({ token, userId });
      };
      await join(editor.userId, editor.email, 'editor');
      await join(viewer.userId, viewer.email, 'viewer');
      studyB = await store.createStudy(outsider.orgId, {
        document: studyDocument('B secret'),
        authorId: outsider.userId,
      });
      world = {
        server,
        orgA,
        orgB: outsider.orgId,
        clients: { owner, editor, viewer, outsider, anonymous },
        freshStudy: () =>
          store.createStudy(orgA, {
            document: studyDocument('A study'),
            authorId: owner.userId,
          }),
        async freshSeries() {
          const study = await store.createStudy(orgA, {
            document: monitoredStudyDocument('A study'),
            authorId: owner.userId,
          });
          const outcome = await importReadings({
            store,
            organisationId: orgA,
            studyId: study.id,
            study: study.document,
            fileName: 'a.csv',
            createdBy: owner.userId,
            chunks: [Buffer.from(monitoringCsv('2026-02-01', 3))],
            maxBytes: 1 << 20,
          });
          if (!outcome.ok) throw new Error('the fixture file was refused');
          return { studyId: study.id, seriesId: outcome.series.id, importId: outcome.import.id };
        },
        async freshMember() {
          const user = await store.createUser({
            email: uniqueEmail('Member'),
            name: 'Member',
            passwordHash: 'x',
          });
          await join(user.id, user.email, 'viewer');
          return user.id;
        },
      };
    });
    afterAll(async () => world.server.close());

    for (const route of API_ROUTES) {
      for (const actor of ACTORS) {
        const expected = expectedStatus(route, actor);
        it(`${key(route)} as ${actor} → ${expected}`, async () => {
          const call = await callFor(route)(world, actor);
          const url = expandUrl(route.url, { orgId: world.orgA, ...call.params }, call.query);
          const client = call.client ?? copy(world.clients[actor]);
          const response = await client.request(route.method, url, call.body, {
            ...(call.headers === undefined ? {} : { headers: call.headers }),
          });
          if (expected === 'ok') {
            expect(response.statusCode, response.body).toBeLessThan(300);
          } else {
            expect(response.statusCode, response.body).toBe(expected);
            expect(response.body).not.toContain('A study');
          }
        });
      }
      if (route.url.includes(':studyId') || route.url.includes(':userId')) {
        it(`${key(route)} with A's ids under B's organisation → 404`, async () => {
          const call = await callFor(route)(world, 'outsider');
          const url = expandUrl(route.url, { ...call.params, orgId: world.orgB }, call.query);
          const response = await copy(world.clients.outsider).request(
            route.method,
            url,
            call.body,
            call.headers === undefined ? {} : { headers: call.headers },
          );
          expect(response.statusCode, response.body).toBe(404);
        });
      }
    }

    it("left organisation B's data untouched", async () => {
      const study = await world.server.store.getStudy(world.orgB, studyB.id);
      expect(study).toMatchObject({ revision: 1, title: 'B secret' });
      expect(await world.server.store.listStudies(world.orgB)).toHaveLength(1);
      const members = await world.server.store.listMembers(world.orgB);
      expect(members.map((m) => [m.user.id, m.role])).toEqual([
        [world.clients.outsider.userId, 'owner'],
      ]);
    });

    it('answers malformed ids with 404, not 500', async () => {
      const owner = world.clients.owner;
      for (const url of [
        '/api/orgs/not-a-uuid/studies',
        `/api/orgs/${world.orgA}/studies/not-a-uuid`,
        `/api/orgs/${world.orgA}/studies/00000000-0000-4000-8000-000000000000`,
      ]) {
        expect((await owner.request('GET', url)).statusCode).toBe(404);
      }
    });
  });
}
