/**
 * The store, run once per dialect: SQLite always (a fresh temporary folder), PostgreSQL when
 * TEST_DATABASE_URL is set (a freshly created schema per database, dropped afterwards, so
 * concurrent runs never collide).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStudyText } from '../../src/document/parse-study.js';
import type { StudyInput } from '../../src/engine/study/study-input.js';
import {
  openStore,
  type OpenStoreOptions,
  type Store,
  type StoreErrorCode,
} from '../../src/server/store/index.js';
import * as initialMigration from '../../src/server/store/migrations/20261123T1100-initial.js';
import { studyDocument } from './fixtures.js';

interface TestDatabase {
  readonly options: OpenStoreOptions;
  drop(): Promise<void>;
}

interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  fresh(): Promise<TestDatabase>;
}

const tempRoot = mkdtempSync(join(tmpdir(), 'lestari-store-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

const sqlite: Dialect = {
  name: 'sqlite',
  fresh: () =>
    Promise.resolve({
      options: { dataDir: mkdtempSync(join(tempRoot, 'db-')) },
      drop: () => Promise.resolve(),
    }),
};

function postgres(baseUrl: string): Dialect {
  async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }
  return {
    name: 'postgres',
    async fresh() {
      const schema = `lestari_test_${randomUUID().replaceAll('-', '')}`;
      await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        options: { databaseUrl: url.toString() },
        drop: () => admin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => undefined),
      };
    },
  };
}

const testDatabaseUrl = process.env['TEST_DATABASE_URL'];
const dialects: Dialect[] = [sqlite, ...(testDatabaseUrl ? [postgres(testDatabaseUrl)] : [])];

/** A clock the tests move by hand. */
function testClock(start = '2026-01-05T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/**
 * The database as the first release left it: only the initial migration, and one user.
 * Opened directly, as the first release's store would have.
 */
async function firstReleaseDatabase(options: OpenStoreOptions, userId: string): Promise<void> {
  const db = new Kysely<object>({
    dialect:
      options.databaseUrl === undefined
        ? new SqliteDialect({
            database: new BetterSqlite3(join(options.dataDir ?? '', 'lestari.sqlite')),
          })
        : new PostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl }) }),
  });
  try {
    const schema =
      options.databaseUrl === undefined
        ? undefined
        : (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
            ?.schema;
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: () => Promise.resolve({ '20261123T1100-initial': initialMigration }),
      },
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    });
    const { error } = await migrator.migrateToLatest();
    if (error !== undefined) throw error;
    await sql`insert into users (id, email, name, password_hash, created_at)
      values (${userId}, 'first@example.id', 'First', 'h', '2026-01-01T00:00:00.000Z')`.execute(db);
  } finally {
    await db.destroy();
  }
}

async function expectCode(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'StoreError', code });
}

for (const dialect of dialects) {
  describe(`store on ${dialect.name}`, () => {
    const clock = testClock();
    const databases: TestDatabase[] = [];
    let store: Store;

    beforeAll(async () => {
      const database = await dialect.fresh();
      databases.push(database);
      store = await openStore({ ...database.options, now: clock.now });
    });

    afterAll(async () => {
      await (store as Store | undefined)?.close();
      for (const database of databases) await database.drop();
    });

    let counter = 0;
    async function newUser(name = 'Sari') {
      counter += 1;
      return store.createUser({
        email: `${name.toLowerCase()}.${counter}@example.id`,
        name,
        passwordHash: `hash-${counter}`,
      });
    }
    async function newOrganisation() {
      const owner = await newUser('Owner');
      const organisation = await store.createOrganisation({ name: 'CV ABC', ownerId: owner.id });
      return { owner, organisation };
    }

    describe('migrations', () => {
      it('creates every table on an empty database and reopens it without migrating again', async () => {
        const database = await dialect.fresh();
        databases.push(database);
        const first = await openStore({ ...database.options, now: clock.now });
        expect(first.dialect).toBe(dialect.name);
        const user = await first.createUser({ email: 'a@b.id', name: 'A', passwordHash: 'h' });
        const organisation = await first.createOrganisation({ name: 'O', ownerId: user.id });
        await first.createStudy(organisation.id, {
          document: studyDocument('S'),
          authorId: user.id,
        });
        await first.close();

        const second = await openStore({ ...database.options, now: clock.now });
        expect((await second.findUserByEmail('a@b.id'))?.id).toBe(user.id);
        expect(await second.listStudies(organisation.id)).toHaveLength(1);
        await second.close();
      });

      it("brings the first release's database up to date, keeping its rows", async () => {
        const database = await dialect.fresh();
        databases.push(database);
        const userId = randomUUID();
        await firstReleaseDatabase(database.options, userId);
        const upgraded = await openStore({ ...database.options, now: clock.now });
        try {
          expect(await upgraded.getUser(userId)).toMatchObject({ email: 'first@example.id' });
          const session = await upgraded.createSession(userId, new Date(Date.parse('2100-01-01')));
          expect(await upgraded.getActiveSession(session, clock.now())).toBe(userId);
        } finally {
          await upgraded.close();
        }
      });
    });

    describe('users', () => {
      it('creates a user and finds it by email case-insensitively, with its hash', async () => {
        const user = await store.createUser({
          email: '  Budi.Santoso@Example.ID ',
          name: 'Budi',
          passwordHash: 'argon2-hash',
        });
        expect(user.email).toBe('budi.santoso@example.id');
        expect(user.createdAt).toBe(clock.now().toISOString());
        expect(await store.findUserByEmail('BUDI.santoso@example.id')).toMatchObject({
          id: user.id,
          passwordHash: 'argon2-hash',
        });
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.findUserByEmail('nobody@example.id')).toBeUndefined();
      });

      it('refuses a second user with the same email in another case as a duplicate', async () => {
        await store.createUser({ email: 'dewi@example.id', name: 'Dewi', passwordHash: 'h' });
        await expectCode(
          store.createUser({ email: 'DEWI@example.id', name: 'Dewi 2', passwordHash: 'h' }),
          'duplicate',
        );
      });

      it('reports an unknown user as not-found and a bad email as invalid', async () => {
        await expectCode(store.getUser(randomUUID()), 'not-found');
        await expectCode(
          store.createUser({ email: 'no-at', name: 'X', passwordHash: 'h' }),
          'invalid',
        );
      });
    });

    describe('organisations and roles', () => {
      it('makes the creator its owner and lists memberships and members with roles', async () => {
        const { owner, organisation } = await newOrganisation();
        const editor = await newUser('Editor');
        const { token } = await store.createInvitation({
          organisationId: organisation.id,
          email: editor.email,
          role: 'editor',
          invitedBy: owner.id,
          expiresAt: new Date(clock.now().getTime() + 86_400_000),
        });
        await store.acceptInvitation({ token, userId: editor.id });
        expect(await store.listMemberships(owner.id)).toEqual([{ organisation, role: 'owner' }]);
        expect(await store.getRole(organisation.id, editor.id)).toBe('editor');
        const members = await store.listMembers(organisation.id);
        expect(members.map((m) => [m.user.id, m.role])).toEqual([
          [editor.id, 'editor'],
          [owner.id, 'owner'],
        ]);
        expect(await store.getRole(organisation.id, (await newUser()).id)).toBeUndefined();
      });

      it('never leaves an organisation without an owner', async () => {
        const { owner, organisation } = await newOrganisation();
        await expectCode(
          store.setRole(organisation.id, owner.id, 'editor'),
          'forbidden-last-owner',
        );
        await expectCode(store.removeMember(organisation.id, owner.id), 'forbidden-last-owner');

        const second = await newUser();
        const { token } = await store.createInvitation({
          organisationId: organisation.id,
          email: second.email,
          role: 'viewer',
          invitedBy: owner.id,
          expiresAt: new Date(clock.now().getTime() + 60_000),
        });
        await store.acceptInvitation({ token, userId: second.id });
        await store.setRole(organisation.id, second.id, 'owner');
        await store.setRole(organisation.id, owner.id, 'viewer');
        await store.removeMember(organisation.id, owner.id);
        expect(await store.getRole(organisation.id, owner.id)).toBeUndefined();
        await expectCode(store.removeMember(organisation.id, second.id), 'forbidden-last-owner');
        await expectCode(store.setRole(organisation.id, owner.id, 'editor'), 'not-found');
      });
    });

    describe('invitations', () => {
      async function invite(email: string, expiresInMs = 60_000) {
        const { owner, organisation } = await newOrganisation();
        const created = await store.createInvitation({
          organisationId: organisation.id,
          email,
          role: 'editor',
          invitedBy: owner.id,
          expiresAt: new Date(clock.now().getTime() + expiresInMs),
        });
        return { organisation, ...created };
      }

      it('is accepted once, by the invited email, and gives the invited role', async () => {
        const user = await newUser('Invitee');
        const { organisation, token, invitation } = await invite(user.email.toUpperCase());
        expect(invitation.email).toBe(user.email);
        expect(JSON.stringify(invitation)).not.toContain(token);
        expect(await store.acceptInvitation({ token, userId: user.id })).toEqual({
          organisation,
          role: 'editor',
        });
        await expectCode(store.acceptInvitation({ token, userId: user.id }), 'conflict');
      });

      it('refuses an expired invitation, another email and an unknown token', async () => {
        const user = await newUser('Late');
        const expired = await invite(user.email, 1000);
        clock.advance(1000);
        await expectCode(
          store.acceptInvitation({ token: expired.token, userId: user.id }),
          'invalid',
        );

        const other = await invite('someone.else@example.id');
        await expectCode(
          store.acceptInvitation({ token: other.token, userId: user.id }),
          'invalid',
        );
        await expectCode(
          store.acceptInvitation({ token: 'made-up', userId: user.id }),
          'not-found',
        );
        expect(await store.getRole(other.organisation.id, user.id)).toBeUndefined();
      });
    });

    describe('sessions', () => {
      const inMs = (ms: number) => new Date(clock.now().getTime() + ms);

      it('is active until it expires or is revoked', async () => {
        const user = await newUser('Sesi');
        const id = await store.createSession(user.id, inMs(60_000));
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect(await store.getActiveSession(id, clock.now())).toBe(user.id);
        expect(await store.getActiveSession(id, inMs(59_999))).toBe(user.id);
        expect(await store.getActiveSession(id, inMs(60_000))).toBeUndefined();
        expect(await store.getActiveSession(randomUUID(), clock.now())).toBeUndefined();

        await store.revokeSession(id);
        expect(await store.getActiveSession(id, clock.now())).toBeUndefined();
        await store.revokeSession(id); // twice, or unknown: nothing happens
        await store.revokeSession(randomUUID());
      });

      it("revokes every session of a user, and nobody else's", async () => {
        const user = await newUser('Many');
        const other = await newUser('Other');
        const mine = [
          await store.createSession(user.id, inMs(60_000)),
          await store.createSession(user.id, inMs(60_000)),
        ];
        const theirs = await store.createSession(other.id, inMs(60_000));
        await store.revokeUserSessions(user.id);
        for (const id of mine)
          expect(await store.getActiveSession(id, clock.now())).toBeUndefined();
        expect(await store.getActiveSession(theirs, clock.now())).toBe(other.id);
      });

      it('keeps a new session after forgetting the expired ones', async () => {
        const user = await newUser('Old');
        const old = await store.createSession(user.id, inMs(1000));
        clock.advance(1000);
        const fresh = await store.createSession(user.id, inMs(60_000));
        expect(await store.getActiveSession(old, clock.now())).toBeUndefined();
        expect(await store.getActiveSession(fresh, clock.now())).toBe(user.id);
      });

      it('refuses a session of an unknown user or with an invalid date', async () => {
        await expectCode(store.createSession(randomUUID(), inMs(60_000)), 'not-found');
        const user = await newUser('Bad');
        await expectCode(store.createSession(user.id, new Date(Number.NaN)), 'invalid');
      });
    });

    describe('studies', () => {
      it('creates, lists, reads, deletes softly and duplicates within the organisation', async () => {
        const { owner, organisation } = await newOrganisation();
        const example = parseStudyText(
          readFileSync(new URL('../../examples/cv-abc.yaml', import.meta.url), 'utf8'),
        );
        if (!example.ok) throw new Error('examples/cv-abc.yaml does not parse');
        const study = await store.createStudy(organisation.id, {
          document: example.study,
          authorId: owner.id,
        });
        expect(study.revision).toBe(1);
        expect(study.document).toEqual(example.study);
        expect(await store.getStudy(organisation.id, study.id)).toEqual(study);

        clock.advance(1000);
        const copy = await store.duplicateStudy(organisation.id, study.id, { authorId: owner.id });
        expect(copy.title).toBe(`${study.title} (copy)`);
        expect(copy.document).toEqual({
          ...example.study,
          study: { ...example.study.study, title: copy.title },
        });
        expect((await store.listStudies(organisation.id)).map((s) => s.id)).toEqual([
          copy.id,
          study.id,
        ]);

        await store.deleteStudy(organisation.id, study.id, { deletedBy: owner.id });
        expect((await store.listStudies(organisation.id)).map((s) => s.id)).toEqual([copy.id]);
        await expectCode(store.getStudy(organisation.id, study.id), 'not-found');
        await expectCode(
          store.deleteStudy(organisation.id, study.id, { deletedBy: owner.id }),
          'not-found',
        );
      });

      it('refuses a document that is not a valid study', async () => {
        const { owner, organisation } = await newOrganisation();
        const bad = { ...studyDocument('x'), study: { title: '', organisation: { name: 'X' } } };
        await expectCode(
          store.createStudy(organisation.id, { document: bad, authorId: owner.id }),
          'invalid',
        );
        const nan = {
          ...studyDocument('x'),
          massBalance: {
            unit: 'kg',
            processes: [{ name: 'p', inputs: [{ name: 'a', quantity: NaN }], products: [] }],
          },
        };
        await expectCode(
          store.createStudy(organisation.id, { document: nan, authorId: owner.id }),
          'invalid',
        );
      });

      it("never lets an organisation list, read, save, delete, duplicate or restore another's study", async () => {
        const a = await newOrganisation();
        const b = await newOrganisation();
        const study = await store.createStudy(a.organisation.id, {
          document: studyDocument('A only'),
          authorId: a.owner.id,
        });
        const bId = b.organisation.id;
        const by = b.owner.id;
        expect(await store.listStudies(bId)).toEqual([]);
        await expectCode(store.getStudy(bId, study.id), 'not-found');
        await expectCode(
          store.saveStudy(bId, study.id, {
            baseRevision: 1,
            document: studyDocument('stolen'),
            authorId: by,
            summary: 'x',
          }),
          'not-found',
        );
        await expectCode(store.deleteStudy(bId, study.id, { deletedBy: by }), 'not-found');
        await expectCode(store.duplicateStudy(bId, study.id, { authorId: by }), 'not-found');
        await expectCode(store.listRevisions(bId, study.id), 'not-found');
        await expectCode(store.getRevision(bId, study.id, 1), 'not-found');
        await expectCode(
          store.restoreRevision(bId, study.id, { revision: 1, baseRevision: 1, authorId: by }),
          'not-found',
        );
        expect(await store.listStudies(bId)).toEqual([]);
        expect(await store.getStudy(a.organisation.id, study.id)).toEqual(study);
        expect(await store.listRevisions(a.organisation.id, study.id)).toHaveLength(1);
      });

      it('lets one of two saves from the same base win and gives the other the current document', async () => {
        const { owner, organisation } = await newOrganisation();
        const editor = await newUser('Editor');
        const study = await store.createStudy(organisation.id, {
          document: studyDocument('base'),
          authorId: owner.id,
        });
        const save = (title: string, authorId: string) =>
          store.saveStudy(organisation.id, study.id, {
            baseRevision: 1,
            document: studyDocument(title),
            authorId,
            summary: title,
          });
        const results = await Promise.all([save('mine', owner.id), save('theirs', editor.id)]);
        const saved = results.flatMap((r) => (r.kind === 'saved' ? [r.study] : []));
        const conflicts = results.flatMap((r) => (r.kind === 'conflict' ? [r.current] : []));
        expect(saved).toHaveLength(1);
        expect(conflicts).toHaveLength(1);
        const [winner] = saved;
        if (winner === undefined) throw new Error('no save won');
        expect(winner.revision).toBe(2);
        expect(conflicts[0]).toEqual(winner);

        // The loser merges onto the current revision: nothing is lost.
        const loserTitle = winner.title === 'mine' ? 'theirs' : 'mine';
        const retry = await store.saveStudy(organisation.id, study.id, {
          baseRevision: 2,
          document: studyDocument(loserTitle),
          authorId: editor.id,
          summary: 'merged',
        });
        expect(retry.kind).toBe('saved');
        const titles = await Promise.all(
          [1, 2, 3].map(
            async (r) =>
              (await store.getRevision(organisation.id, study.id, r)).document.study.title,
          ),
        );
        expect(titles).toEqual(['base', winner.title, loserTitle]);
      });

      it('keeps revisions with who, when and what, and restores one as a new revision', async () => {
        const { owner, organisation } = await newOrganisation();
        const study = await store.createStudy(organisation.id, {
          document: studyDocument('v1'),
          authorId: owner.id,
        });
        clock.advance(60_000);
        await store.saveStudy(organisation.id, study.id, {
          baseRevision: 1,
          document: studyDocument('v2'),
          authorId: owner.id,
          summary: 'changed the title',
        });
        const revisions = await store.listRevisions(organisation.id, study.id);
        expect(revisions).toEqual([
          {
            revision: 2,
            authorId: owner.id,
            authorName: 'Owner',
            createdAt: clock.now().toISOString(),
            summary: 'changed the title',
          },
          expect.objectContaining({ revision: 1, summary: 'Created' }),
        ]);
        const stale = await store.restoreRevision(organisation.id, study.id, {
          revision: 1,
          baseRevision: 1,
          authorId: owner.id,
        });
        expect(stale.kind).toBe('conflict');
        const restored = await store.restoreRevision(organisation.id, study.id, {
          revision: 1,
          baseRevision: 2,
          authorId: owner.id,
        });
        expect(restored).toMatchObject({ kind: 'saved', study: { revision: 3, title: 'v1' } });
        expect((await store.listRevisions(organisation.id, study.id))[0]?.summary).toBe(
          'Restored revision 1',
        );
        await expectCode(store.getRevision(organisation.id, study.id, 9), 'not-found');
        await expectCode(
          store.restoreRevision(organisation.id, study.id, {
            revision: 9,
            baseRevision: 3,
            authorId: owner.id,
          }),
          'not-found',
        );
      });

      it('keeps the history strictly increasing with every acknowledged document retrievable (property)', async () => {
        const { owner, organisation } = await newOrganisation();
        const op = fc.oneof(
          fc.record({
            kind: fc.constant('save' as const),
            title: fc.string({ maxLength: 12 }),
            stale: fc.boolean(),
          }),
          fc.record({ kind: fc.constant('restore' as const), pick: fc.nat(), stale: fc.boolean() }),
        );
        await fc.assert(
          fc.asyncProperty(fc.array(op, { maxLength: 8 }), async (ops) => {
            const study = await store.createStudy(organisation.id, {
              document: studyDocument('T0'),
              authorId: owner.id,
            });
            const acknowledged = new Map<number, StudyInput>([[1, study.document]]);
            let current = 1;
            for (const step of ops) {
              const base = step.stale ? (current === 1 ? 2 : current - 1) : current;
              const result =
                step.kind === 'save'
                  ? await store.saveStudy(organisation.id, study.id, {
                      baseRevision: base,
                      document: studyDocument(`T${step.title}`),
                      authorId: owner.id,
                      summary: `save ${step.title}`,
                    })
                  : await store.restoreRevision(organisation.id, study.id, {
                      revision: 1 + (step.pick % current),
                      baseRevision: base,
                      authorId: owner.id,
                    });
              if (step.stale) {
                expect(result.kind).toBe('conflict');
                if (result.kind === 'conflict') expect(result.current.revision).toBe(current);
              } else {
                expect(result.kind).toBe('saved');
                if (result.kind === 'saved') {
                  expect(result.study.revision).toBe(current + 1);
                  current = result.study.revision;
                  acknowledged.set(current, result.study.document);
                }
              }
            }
            const history = (await store.listRevisions(organisation.id, study.id)).map(
              (r) => r.revision,
            );
            expect(history.reverse()).toEqual([...acknowledged.keys()]);
            for (const [revision, document] of acknowledged) {
              expect(
                (await store.getRevision(organisation.id, study.id, revision)).document,
              ).toEqual(document);
            }
            expect((await store.getStudy(organisation.id, study.id)).document).toEqual(
              acknowledged.get(current),
            );
          }),
          { numRuns: 25 },
        );
      }, 60_000);
    });
  });
}

describe('store on sqlite, killed mid-burst', () => {
  it('keeps every save the killed process acknowledged', async () => {
    const dataDir = mkdtempSync(join(tempRoot, 'crash-'));
    const setup = await openStore({ dataDir });
    const user = await setup.createUser({
      email: 'burst@example.id',
      name: 'Burst',
      passwordHash: 'h',
    });
    const organisation = await setup.createOrganisation({ name: 'Burst', ownerId: user.id });
    const study = await setup.createStudy(organisation.id, {
      document: studyDocument('burst 1'),
      authorId: user.id,
    });
    await setup.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/server/save-burst.ts', dataDir, organisation.id, study.id, user.id],
      { cwd: new URL('../../', import.meta.url), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, s) => resolve(s)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Kill at an arbitrary moment once the burst is well under way.
        if (out.split('\n').length > 40) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`child exited early: ${err}`)));
    });
    expect(await exited).toBe('SIGKILL');

    // Only complete lines were acknowledged; a partial last line may not have been.
    const acknowledged = out.split('\n').slice(0, -1).map(Number);
    expect(acknowledged.length).toBeGreaterThan(30);
    const after = await openStore({ dataDir });
    const current = await after.getStudy(organisation.id, study.id);
    expect(current.revision).toBeGreaterThanOrEqual(Math.max(...acknowledged));
    for (const revision of acknowledged) {
      const stored = await after.getRevision(organisation.id, study.id, revision);
      expect(stored.document.study.title).toBe(`burst ${revision}`);
    }
    await after.close();
  }, 60_000);
});
