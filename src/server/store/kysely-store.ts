/**
 * The Store on Kysely: one implementation for both dialects. Only `openStore` knows which
 * database it is; the dialect differences here are row locking (`FOR UPDATE` exists in
 * PostgreSQL; SQLite has one writer at a time, so a write transaction is already exclusive) and
 * the bulk inserts of monitoring readings and rollups (`json_each` in SQLite, `unnest` of
 * arrays in PostgreSQL: one statement per page instead of one per row).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { MonitoringResult, MonitoringRollup } from '../../engine/monitoring/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import { parseStudyText } from '../../document/parse-study.js';
import { serializeStudy } from '../../document/serialize-study.js';
import { isUniqueViolation, StoreError } from './store-error.js';
import {
  MONITORING_GRAINS,
  ROLES,
  type Invitation,
  type MonitoringDerived,
  type MonitoringGrain,
  type MonitoringImport,
  type MonitoringReadingsPage,
  type MonitoringSeries,
  type MonitoringSeriesColumn,
  type Membership,
  type Organisation,
  type Revision,
  type Role,
  type SaveResult,
  type Store,
  type Study,
  type StudySummary,
  type User,
} from './store.js';
import type { Database } from './tables.js';

type Db = Kysely<Database>;

export function createKyselyStore(db: Db, dialect: Store['dialect'], now: () => Date): Store {
  const stamp = () => now().toISOString();

  async function lockOrganisation(trx: Db, organisationId: string): Promise<void> {
    // Serialises membership changes per organisation, so two concurrent demotions cannot
    // both see a second owner and leave none.
    const org = await trx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', organisationId)
      .$if(dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (org === undefined) throw new StoreError('not-found', `organisation ${organisationId}`);
  }

  async function getUserIn(exec: Db, userId: string): Promise<User> {
    const row = await exec
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    if (row === undefined) throw new StoreError('not-found', `user ${userId}`);
    return toUser(row);
  }

  async function getOrganisationIn(exec: Db, organisationId: string): Promise<Organisation> {
    const row = await exec
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (row === undefined) throw new StoreError('not-found', `organisation ${organisationId}`);
    return { id: row.id, name: row.name, createdAt: row.created_at };
  }

  /** The visible (same organisation, not deleted) study at its current revision. */
  async function loadStudy(exec: Db, organisationId: string, studyId: string): Promise<Study> {
    const row = await exec
      .selectFrom('studies as s')
      .innerJoin('study_revisions as r', (j) =>
        j.onRef('r.study_id', '=', 's.id').onRef('r.revision', '=', 's.current_revision'),
      )
      .selectAll('s')
      .select('r.document')
      .where('s.id', '=', studyId)
      .where('s.organisation_id', '=', organisationId)
      .where('s.deleted_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) throw new StoreError('not-found', `study ${studyId}`);
    return { ...toSummary(row), document: decodeDocument(row.document) };
  }

  /**
   * Writes revision base + 1 if the study is visible and still at `base`; false otherwise.
   * The conditional UPDATE is the optimistic check: in PostgreSQL a concurrent writer blocks
   * on the row and then sees the new revision, in SQLite writers are serialised.
   */
  async function writeRevision(
    trx: Db,
    organisationId: string,
    studyId: string,
    base: number,
    document: EncodedDocument,
    authorId: string,
    summary: string,
  ): Promise<boolean> {
    const at = stamp();
    const updated = await trx
      .updateTable('studies')
      .set({
        current_revision: base + 1,
        title: document.title,
        updated_at: at,
        updated_by: authorId,
      })
      .where('id', '=', studyId)
      .where('organisation_id', '=', organisationId)
      .where('deleted_at', 'is', null)
      .where('current_revision', '=', base)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('study_revisions')
      .values({
        study_id: studyId,
        revision: base + 1,
        author_id: authorId,
        created_at: at,
        document: document.text,
        summary,
      })
      .execute();
    return true;
  }

  async function insertStudy(
    trx: Db,
    organisationId: string,
    document: EncodedDocument,
    authorId: string,
    summary: string,
  ): Promise<Study> {
    await getOrganisationIn(trx, organisationId);
    await getUserIn(trx, authorId);
    const id = randomUUID();
    const at = stamp();
    await trx
      .insertInto('studies')
      .values({
        id,
        organisation_id: organisationId,
        title: document.title,
        current_revision: 1,
        created_at: at,
        created_by: authorId,
        updated_at: at,
        updated_by: authorId,
        deleted_at: null,
        deleted_by: null,
      })
      .execute();
    await trx
      .insertInto('study_revisions')
      .values({
        study_id: id,
        revision: 1,
        author_id: authorId,
        created_at: at,
        document: document.text,
        summary,
      })
      .execute();
    return loadStudy(trx, organisationId, id);
  }

  async function saveOrConflict(
    organisationId: string,
    studyId: string,
    base: number,
    document: (trx: Db) => Promise<EncodedDocument> | EncodedDocument,
    authorId: string,
    summary: string,
  ): Promise<SaveResult> {
    requireRevision(base, 'baseRevision');
    return db.transaction().execute(async (trx) => {
      const encoded = await document(trx);
      if (await writeRevision(trx, organisationId, studyId, base, encoded, authorId, summary)) {
        return { kind: 'saved', study: await loadStudy(trx, organisationId, studyId) };
      }
      // Not written: the study is missing (throws not-found) or moved on (conflict).
      return { kind: 'conflict', current: await loadStudy(trx, organisationId, studyId) };
    });
  }

  return {
    dialect,

    async createUser({ email, name, passwordHash }) {
      const user = {
        id: randomUUID(),
        email: normaliseEmail(email),
        name: requireText(name, 'name'),
        password_hash: requireText(passwordHash, 'passwordHash'),
        created_at: stamp(),
      };
      try {
        await db.insertInto('users').values(user).execute();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new StoreError('duplicate', `a user with email ${user.email} exists`);
        }
        throw error;
      }
      return toUser(user);
    },

    async findUserByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return row === undefined ? undefined : { ...toUser(row), passwordHash: row.password_hash };
    },

    getUser: (userId) => getUserIn(db, userId),

    async createSession(userId, expiresAt) {
      requireDate(expiresAt, 'expiresAt');
      const id = randomUUID();
      const at = stamp();
      await db.transaction().execute(async (trx) => {
        await getUserIn(trx, userId);
        // Ended sessions are kept until they expire, then forgotten here: a user's rows stay few.
        await trx
          .deleteFrom('sessions')
          .where('user_id', '=', userId)
          .where('expires_at', '<=', at)
          .execute();
        await trx
          .insertInto('sessions')
          .values({
            id,
            user_id: userId,
            created_at: at,
            expires_at: expiresAt.toISOString(),
            revoked_at: null,
          })
          .execute();
      });
      return id;
    },

    async getActiveSession(sessionId, at) {
      requireDate(at, 'now');
      const row = await db
        .selectFrom('sessions')
        .select('user_id')
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at.toISOString())
        .executeTakeFirst();
      return row?.user_id;
    },

    async revokeSession(sessionId) {
      await db
        .updateTable('sessions')
        .set({ revoked_at: stamp() })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async revokeUserSessions(userId) {
      await db
        .updateTable('sessions')
        .set({ revoked_at: stamp() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async createOrganisation({ name, ownerId }) {
      const organisation = {
        id: randomUUID(),
        name: requireText(name, 'name'),
        created_at: stamp(),
      };
      await db.transaction().execute(async (trx) => {
        await getUserIn(trx, ownerId);
        await trx.insertInto('organisations').values(organisation).execute();
        await trx
          .insertInto('memberships')
          .values({
            organisation_id: organisation.id,
            user_id: ownerId,
            role: 'owner',
            created_at: organisation.created_at,
          })
          .execute();
      });
      return { id: organisation.id, name: organisation.name, createdAt: organisation.created_at };
    },

    async listMemberships(userId) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['o.id', 'o.name', 'o.created_at', 'm.role'])
        .where('m.user_id', '=', userId)
        .orderBy('o.name')
        .orderBy('o.id')
        .execute();
      return rows.map((r) => ({
        organisation: { id: r.id, name: r.name, createdAt: r.created_at },
        role: r.role,
      }));
    },

    async getRole(organisationId, userId) {
      const row = await db
        .selectFrom('memberships')
        .select('role')
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.role;
    },

    async listMembers(organisationId) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.email', 'u.name', 'u.created_at', 'm.role', 'm.created_at as since'])
        .where('m.organisation_id', '=', organisationId)
        .orderBy('u.name')
        .orderBy('u.id')
        .execute();
      return rows.map((r) => ({ user: toUser(r), role: r.role, since: r.since }));
    },

    async setRole(organisationId, userId, role) {
      requireRole(role);
      await db.transaction().execute(async (trx) => {
        const current = await membershipForChange(trx, organisationId, userId);
        if (current === 'owner' && role !== 'owner') {
          await requireAnotherOwner(trx, organisationId, userId);
        }
        await trx
          .updateTable('memberships')
          .set({ role })
          .where('organisation_id', '=', organisationId)
          .where('user_id', '=', userId)
          .execute();
      });
    },

    async removeMember(organisationId, userId) {
      await db.transaction().execute(async (trx) => {
        const current = await membershipForChange(trx, organisationId, userId);
        if (current === 'owner') await requireAnotherOwner(trx, organisationId, userId);
        await trx
          .deleteFrom('memberships')
          .where('organisation_id', '=', organisationId)
          .where('user_id', '=', userId)
          .execute();
      });
    },

    async createInvitation({ organisationId, email, role, invitedBy, expiresAt }) {
      requireRole(role);
      requireDate(expiresAt, 'expiresAt');
      const token = randomBytes(32).toString('base64url');
      const row = {
        id: randomUUID(),
        organisation_id: organisationId,
        email: normaliseEmail(email),
        role,
        token_hash: hashToken(token),
        invited_by: invitedBy,
        created_at: stamp(),
        expires_at: expiresAt.toISOString(),
        accepted_at: null,
        accepted_by: null,
      };
      await db.transaction().execute(async (trx) => {
        await getOrganisationIn(trx, organisationId);
        await getUserIn(trx, invitedBy);
        await trx.insertInto('invitations').values(row).execute();
      });
      return { invitation: toInvitation(row), token };
    },

    async acceptInvitation({ token, userId }) {
      return db.transaction().execute(async (trx) => {
        const invitation = await trx
          .selectFrom('invitations')
          .selectAll()
          .where('token_hash', '=', hashToken(token))
          .executeTakeFirst();
        if (invitation === undefined) throw new StoreError('not-found', 'invitation');
        if (invitation.accepted_at !== null) {
          throw new StoreError('conflict', 'invitation already accepted');
        }
        const at = stamp();
        if (invitation.expires_at <= at) throw new StoreError('invalid', 'invitation expired');
        const user = await getUserIn(trx, userId);
        if (user.email !== invitation.email) {
          throw new StoreError('invalid', 'invitation is for another email address');
        }
        const existing = await trx
          .selectFrom('memberships')
          .select('role')
          .where('organisation_id', '=', invitation.organisation_id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (existing !== undefined) throw new StoreError('duplicate', 'already a member');
        // Conditional, so two concurrent accepts cannot both succeed.
        const accepted = await trx
          .updateTable('invitations')
          .set({ accepted_at: at, accepted_by: userId })
          .where('id', '=', invitation.id)
          .where('accepted_at', 'is', null)
          .executeTakeFirst();
        if (Number(accepted.numUpdatedRows) !== 1) {
          throw new StoreError('conflict', 'invitation already accepted');
        }
        await trx
          .insertInto('memberships')
          .values({
            organisation_id: invitation.organisation_id,
            user_id: userId,
            role: invitation.role,
            created_at: at,
          })
          .execute();
        const organisation = await getOrganisationIn(trx, invitation.organisation_id);
        return { organisation, role: invitation.role } satisfies Membership;
      });
    },

    async listStudies(organisationId) {
      const rows = await db
        .selectFrom('studies')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('deleted_at', 'is', null)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toSummary);
    },

    async createStudy(organisationId, { document, authorId, summary }) {
      const encoded = encodeDocument(document);
      return db
        .transaction()
        .execute((trx) =>
          insertStudy(trx, organisationId, encoded, authorId, summary ?? 'Created'),
        );
    },

    getStudy: (organisationId, studyId) => loadStudy(db, organisationId, studyId),

    async saveStudy(organisationId, studyId, { baseRevision, document, authorId, summary }) {
      const encoded = encodeDocument(document);
      return saveOrConflict(
        organisationId,
        studyId,
        baseRevision,
        () => encoded,
        authorId,
        summary,
      );
    },

    async deleteStudy(organisationId, studyId, { deletedBy }) {
      const at = stamp();
      const deleted = await db
        .updateTable('studies')
        .set({ deleted_at: at, deleted_by: deletedBy })
        .where('id', '=', studyId)
        .where('organisation_id', '=', organisationId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(deleted.numUpdatedRows) !== 1)
        throw new StoreError('not-found', `study ${studyId}`);
    },

    async duplicateStudy(organisationId, studyId, { authorId, title }) {
      return db.transaction().execute(async (trx) => {
        const source = await loadStudy(trx, organisationId, studyId);
        const copy: StudyInput = {
          ...source.document,
          study: { ...source.document.study, title: title ?? `${source.title} (copy)` },
        };
        const summary = `Duplicated from "${source.title}" revision ${source.revision}`;
        return insertStudy(trx, organisationId, encodeDocument(copy), authorId, summary);
      });
    },

    async listRevisions(organisationId, studyId) {
      await loadStudySummary(db, organisationId, studyId);
      const rows = await db
        .selectFrom('study_revisions as r')
        .innerJoin('users as u', 'u.id', 'r.author_id')
        .select(['r.revision', 'r.author_id', 'u.name', 'r.created_at', 'r.summary'])
        .where('r.study_id', '=', studyId)
        .orderBy('r.revision', 'desc')
        .execute();
      return rows.map((r) => ({
        revision: r.revision,
        authorId: r.author_id,
        authorName: r.name,
        createdAt: r.created_at,
        summary: r.summary,
      }));
    },

    async getRevision(organisationId, studyId, revision) {
      const row = await revisionRow(db, organisationId, studyId, revision);
      return {
        studyId,
        revision: row.revision,
        authorId: row.author_id,
        authorName: row.name,
        createdAt: row.created_at,
        summary: row.summary,
        document: decodeDocument(row.document),
      } satisfies Revision;
    },

    async restoreRevision(organisationId, studyId, { revision, baseRevision, authorId, summary }) {
      return saveOrConflict(
        organisationId,
        studyId,
        baseRevision,
        async (trx) => {
          const row = await revisionRow(trx, organisationId, studyId, revision);
          return { text: row.document, title: decodeDocument(row.document).study.title };
        },
        authorId,
        summary ?? `Restored revision ${revision}`,
      );
    },

    ...createMonitoringMethods(db, dialect, now),

    close: () => db.destroy(),
  };

  async function membershipForChange(trx: Db, organisationId: string, userId: string) {
    await lockOrganisation(trx, organisationId);
    const row = await trx
      .selectFrom('memberships')
      .select('role')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (row === undefined) throw new StoreError('not-found', `member ${userId}`);
    return row.role;
  }

  async function requireAnotherOwner(trx: Db, organisationId: string, userId: string) {
    const other = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'owner')
      .where('user_id', '<>', userId)
      .executeTakeFirst();
    if (other === undefined) {
      throw new StoreError('forbidden-last-owner', 'an organisation must keep at least one owner');
    }
  }

  async function loadStudySummary(exec: Db, organisationId: string, studyId: string) {
    const row = await exec
      .selectFrom('studies')
      .selectAll()
      .where('id', '=', studyId)
      .where('organisation_id', '=', organisationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) throw new StoreError('not-found', `study ${studyId}`);
    return toSummary(row);
  }

  async function revisionRow(exec: Db, organisationId: string, studyId: string, revision: number) {
    requireRevision(revision, 'revision');
    const row = await exec
      .selectFrom('study_revisions as r')
      .innerJoin('studies as s', 's.id', 'r.study_id')
      .innerJoin('users as u', 'u.id', 'r.author_id')
      .select(['r.revision', 'r.author_id', 'u.name', 'r.created_at', 'r.summary', 'r.document'])
      .where('s.id', '=', studyId)
      .where('s.organisation_id', '=', organisationId)
      .where('s.deleted_at', 'is', null)
      .where('r.revision', '=', revision)
      .executeTakeFirst();
    if (row === undefined) {
      throw new StoreError('not-found', `study ${studyId} revision ${revision}`);
    }
    return row;
  }
}

interface EncodedDocument {
  readonly text: string;
  readonly title: string;
}

/**
 * Documents are stored as the versioned study file in JSON (`lestari: 1`), not as the
 * engine's internal shape, and only after checking that the text reads back: every stored
 * revision can be opened, exported and migrated like any study file.
 */
function encodeDocument(document: StudyInput): EncodedDocument {
  let text: string;
  try {
    text = serializeStudy(document, 'json');
  } catch (error) {
    throw new StoreError(
      'invalid',
      `document: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = parseStudyText(text);
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) =>
      e.path === '' ? e.message : `${e.path}: ${e.message}`,
    );
    throw new StoreError('invalid', `document: ${errors.join('; ')}`);
  }
  return { text, title: parsed.study.study.title };
}

function decodeDocument(text: string): StudyInput {
  const parsed = parseStudyText(text);
  // Only valid documents are written, so this is corruption or a missing data migration.
  if (!parsed.ok)
    throw new Error(`stored study document does not parse: ${parsed.errors[0]?.message}`);
  return parsed.study;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function normaliseEmail(email: string): string {
  const normal = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(normal))
    throw new StoreError('invalid', 'email: not an email address');
  return normal;
}

function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new StoreError('invalid', `${field}: must not be empty`);
  }
  return value;
}

function requireDate(date: Date, field: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new StoreError('invalid', `${field}: must be a valid date`);
  }
}

function requireRole(role: Role): void {
  if (!ROLES.includes(role))
    throw new StoreError('invalid', `role: must be one of ${ROLES.join(', ')}`);
}

function requireRevision(revision: number, field: string): void {
  if (!Number.isSafeInteger(revision) || revision < 1) {
    throw new StoreError('invalid', `${field}: must be a whole number ≥ 1`);
  }
}

function toUser(
  row: Pick<Selectable<Database['users']>, 'id' | 'email' | 'name' | 'created_at'>,
): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

function toSummary(row: Selectable<Database['studies']>): StudySummary {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    revision: row.current_revision,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toInvitation(row: Selectable<Database['invitations']>): Invitation {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}

// ── Monitoring (issue 5) ──────────────────────────────────────────────────────────────────

type MonitoringMethods = Pick<
  Store,
  | 'createMonitoringSeries'
  | 'listMonitoringSeries'
  | 'getMonitoringSeries'
  | 'deleteMonitoringSeries'
  | 'listMonitoringImports'
  | 'beginMonitoringImport'
  | 'appendMonitoringReadings'
  | 'readMonitoringReadings'
  | 'completeMonitoringImport'
  | 'abortMonitoringImport'
  | 'deleteMonitoringImport'
  | 'replaceMonitoringDerived'
  | 'getMonitoringDerived'
>;

type SeriesRow = Selectable<Database['monitoring_series']>;
type ImportRow = Selectable<Database['monitoring_imports']>;
type RollupRow = Selectable<Database['monitoring_rollups']>;
/** A rollup row as the dashboard reads it (its series is known). */
type StoredRollup = Omit<RollupRow, 'series_id'>;

/** Rows per insert statement of readings: bounds the statement's size, not the page's. */
const READINGS_PER_INSERT = 50_000;
/** Rollup rows per multi-row insert: 22 columns each, under SQLite's 32 766 parameters. */
const ROLLUPS_PER_INSERT = 1_300;
/** Rollup rows per `unnest` insert in PostgreSQL. */
const ROLLUP_ARRAY_ROWS = 20_000;
/** Every rollup column but series_id, with its PostgreSQL type. */
const ROLLUP_ARRAY_COLUMNS: readonly (readonly [Exclude<keyof RollupRow, 'series_id'>, string])[] =
  [
    ['grain', 'text'],
    ['parameter', 'smallint'],
    ['start_ms', 'bigint'],
    ['end_ms', 'bigint'],
    ['key', 'text'],
    ['count', 'integer'],
    ['missing', 'integer'],
    ['mean', 'double precision'],
    ['min', 'double precision'],
    ['max', 'double precision'],
    ['exceedances', 'integer'],
    ['mean_complies', 'smallint'],
    ['extremes_comply', 'smallint'],
    ['completeness_present', 'integer'],
    ['completeness_expected', 'double precision'],
    ['completeness_share', 'double precision'],
    ['load_readings', 'integer'],
    ['load_mean_rate', 'double precision'],
    ['load_amount', 'double precision'],
    ['load_rate_exceedances', 'integer'],
    ['load_complies', 'smallint'],
  ];
const DEFAULT_STALE_AFTER_MS = 3_600_000;
const UTC_OFFSET_RANGE = [-720, 840] as const;
/** The engine's range for expectedIntervalSeconds (0.001 s to a leap year). */
const INTERVAL_RANGE = [0.001, 31_622_400] as const;
const GRAIN_ARRAY = { hour: 'hourly', day: 'daily', month: 'monthly' } as const;

function createMonitoringMethods(
  db: Db,
  dialect: Store['dialect'],
  now: () => Date,
): MonitoringMethods {
  const stamp = () => now().toISOString();

  async function requireStudy(exec: Db, organisationId: string, studyId: string): Promise<void> {
    const row = await exec
      .selectFrom('studies')
      .select('id')
      .where('id', '=', studyId)
      .where('organisation_id', '=', organisationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) throw new StoreError('not-found', `study ${studyId}`);
  }

  /**
   * The series if the organisation's study is visible. `lock` takes the series row in
   * PostgreSQL, so every write to one series is serialised (SQLite has one writer anyway).
   */
  async function loadSeries(
    exec: Db,
    organisationId: string,
    studyId: string,
    seriesId: string,
    lock = false,
  ): Promise<SeriesRow> {
    const row = await exec
      .selectFrom('monitoring_series as m')
      .innerJoin('studies as s', 's.id', 'm.study_id')
      .selectAll('m')
      .where('m.id', '=', seriesId)
      .where('m.study_id', '=', studyId)
      .where('m.organisation_id', '=', organisationId)
      .where('s.organisation_id', '=', organisationId)
      .where('s.deleted_at', 'is', null)
      .$if(lock && dialect === 'postgres', (q) => q.forUpdate('m'))
      .executeTakeFirst();
    if (row === undefined) throw new StoreError('not-found', `monitoring series ${seriesId}`);
    return row;
  }

  /** A pending import of a visible series, with the series locked (same order as every write). */
  async function loadPendingImport(
    trx: Db,
    importId: string,
  ): Promise<{ imp: ImportRow; series: SeriesRow }> {
    const owner = await trx
      .selectFrom('monitoring_imports as i')
      .innerJoin('monitoring_series as m', 'm.id', 'i.series_id')
      .select(['m.id', 'm.organisation_id', 'm.study_id'])
      .where('i.id', '=', importId)
      .where('i.status', '=', 'pending')
      .executeTakeFirst();
    if (owner === undefined) throw new StoreError('not-found', `pending import ${importId}`);
    const series = await loadSeries(trx, owner.organisation_id, owner.study_id, owner.id, true);
    // Read again under the lock: it may have completed or been removed meanwhile.
    const imp = await trx
      .selectFrom('monitoring_imports')
      .selectAll()
      .where('id', '=', importId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (imp === undefined) throw new StoreError('not-found', `pending import ${importId}`);
    return { imp, series };
  }

  async function deleteImportRows(trx: Db, imp: ImportRow): Promise<void> {
    // By time range within the series (the primary key), so no index on import_id is needed.
    if (imp.first_time_ms !== null && imp.last_time_ms !== null) {
      await trx
        .deleteFrom('monitoring_readings')
        .where('series_id', '=', imp.series_id)
        .where('time_ms', '>=', Number(imp.first_time_ms))
        .where('time_ms', '<=', Number(imp.last_time_ms))
        .where('import_id', '=', imp.id)
        .execute();
    }
    await trx.deleteFrom('monitoring_imports').where('id', '=', imp.id).execute();
  }

  async function insertReadings(
    trx: Db,
    seriesId: string,
    importId: string,
    times: readonly number[],
    blob: Buffer,
    width: number,
  ): Promise<void> {
    // One statement per chunk whatever its rows: the times as one array, the values as one
    // blob cut into rows by the database.
    if (dialect === 'postgres') {
      await sql`insert into monitoring_readings (series_id, time_ms, import_id, vals)
        select ${seriesId}, u.t, ${importId},
          substring(${blob}::bytea from ((u.n - 1) * ${sql.lit(width)} + 1)::int for ${sql.lit(width)})
        from unnest(${times}::bigint[]) with ordinality as u(t, n)`.execute(trx);
    } else {
      await sql`insert into monitoring_readings (series_id, time_ms, import_id, vals)
        select ${seriesId}, j.value, ${importId}, substr(${blob}, j.key * ${sql.lit(width)} + 1, ${sql.lit(width)})
        from json_each(${JSON.stringify(times)}) as j`.execute(trx);
    }
  }

  /** Replaces the series' derived state: rollup rows, result without rollups, fingerprint. */
  async function writeDerived(
    trx: Db,
    seriesId: string,
    derived: MonitoringDerived | null,
    at: string,
  ): Promise<void> {
    const encoded = derived === null ? undefined : encodeDerived(seriesId, derived);
    await trx.deleteFrom('monitoring_rollups').where('series_id', '=', seriesId).execute();
    if (encoded !== undefined && dialect === 'postgres') {
      await insertRollupsByArrays(trx, seriesId, encoded.rollups);
    } else if (encoded !== undefined) {
      for (let i = 0; i < encoded.rollups.length; i += ROLLUPS_PER_INSERT) {
        await trx
          .insertInto('monitoring_rollups')
          .values(encoded.rollups.slice(i, i + ROLLUPS_PER_INSERT))
          .execute();
      }
    }
    await trx
      .updateTable('monitoring_series')
      .set({
        derived_fingerprint: encoded?.fingerprint ?? null,
        derived_json: encoded?.json ?? null,
        updated_at: at,
      })
      .where('id', '=', seriesId)
      .execute();
  }

  /**
   * PostgreSQL: one statement per column-array chunk (`unnest` of 21 arrays), several times
   * faster than multi-row VALUES of the same rows. Numbers travel as their shortest
   * round-trip text, so doubles arrive exactly.
   */
  async function insertRollupsByArrays(
    trx: Db,
    seriesId: string,
    rollups: readonly RollupRow[],
  ): Promise<void> {
    for (let i = 0; i < rollups.length; i += ROLLUP_ARRAY_ROWS) {
      const chunk = rollups.slice(i, i + ROLLUP_ARRAY_ROWS);
      const arrays = ROLLUP_ARRAY_COLUMNS.map(
        ([column, type]) => sql`${chunk.map((r) => r[column])}::${sql.raw(type)}[]`,
      );
      await sql`insert into monitoring_rollups (series_id, ${sql.join(
        ROLLUP_ARRAY_COLUMNS.map(([column]) => sql.ref(column)),
      )}) select ${seriesId}, u.* from unnest(${sql.join(arrays)}) as u`.execute(trx);
    }
  }

  /** The series' readings, first and last times from its complete imports. */
  async function recountSeries(trx: Db, seriesId: string, at: string): Promise<void> {
    const totals = await trx
      .selectFrom('monitoring_imports')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('rows'), eb.lit(0)).as('readings'),
        eb.fn.min<number | null>('first_time_ms').as('first'),
        eb.fn.max<number | null>('last_time_ms').as('last'),
      ])
      .where('series_id', '=', seriesId)
      .where('status', '=', 'complete')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('monitoring_series')
      .set({
        readings: Number(totals.readings),
        first_time_ms: totals.first === null ? null : Number(totals.first),
        last_time_ms: totals.last === null ? null : Number(totals.last),
        updated_at: at,
      })
      .where('id', '=', seriesId)
      .execute();
  }

  return {
    async createMonitoringSeries(organisationId, studyId, input) {
      const name = requireText(input.name, 'name').trim();
      const parameters = requireParameterIds(input.parameters);
      const utcOffsetMinutes = input.utcOffsetMinutes;
      if (
        !Number.isInteger(utcOffsetMinutes) ||
        utcOffsetMinutes < UTC_OFFSET_RANGE[0] ||
        utcOffsetMinutes > UTC_OFFSET_RANGE[1]
      ) {
        throw new StoreError('invalid', 'utcOffsetMinutes: must be a whole number in [-720, 840]');
      }
      const interval = input.expectedIntervalSeconds;
      if (
        interval !== null &&
        (typeof interval !== 'number' ||
          !(interval >= INTERVAL_RANGE[0] && interval <= INTERVAL_RANGE[1]))
      ) {
        throw new StoreError(
          'invalid',
          'expectedIntervalSeconds: must be null or in [0.001, 31622400]',
        );
      }
      const at = stamp();
      const row: SeriesRow = {
        id: randomUUID(),
        organisation_id: organisationId,
        study_id: studyId,
        name,
        name_key: name.toLowerCase(),
        utc_offset_minutes: utcOffsetMinutes,
        expected_interval_seconds: interval,
        parameters: JSON.stringify(parameters),
        readings: 0,
        first_time_ms: null,
        last_time_ms: null,
        created_at: at,
        created_by: input.createdBy,
        updated_at: at,
        derived_fingerprint: null,
        derived_json: null,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await requireStudy(trx, organisationId, studyId);
          const user = await trx
            .selectFrom('users')
            .select('id')
            .where('id', '=', input.createdBy)
            .executeTakeFirst();
          if (user === undefined) throw new StoreError('not-found', `user ${input.createdBy}`);
          await trx.insertInto('monitoring_series').values(row).execute();
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new StoreError('duplicate', `a monitoring series named "${name}" exists`);
        }
        throw error;
      }
      return toSeries(row);
    },

    async listMonitoringSeries(organisationId, studyId) {
      await requireStudy(db, organisationId, studyId);
      const rows = await db
        .selectFrom('monitoring_series')
        .selectAll()
        .where('study_id', '=', studyId)
        .where('organisation_id', '=', organisationId)
        .orderBy('name_key')
        .orderBy('id')
        .execute();
      return rows.map(toSeries);
    },

    async getMonitoringSeries(organisationId, studyId, seriesId) {
      return toSeries(await loadSeries(db, organisationId, studyId, seriesId));
    },

    async deleteMonitoringSeries(organisationId, studyId, seriesId) {
      await db.transaction().execute(async (trx) => {
        await loadSeries(trx, organisationId, studyId, seriesId, true);
        await trx.deleteFrom('monitoring_readings').where('series_id', '=', seriesId).execute();
        await trx.deleteFrom('monitoring_rollups').where('series_id', '=', seriesId).execute();
        await trx.deleteFrom('monitoring_imports').where('series_id', '=', seriesId).execute();
        await trx.deleteFrom('monitoring_series').where('id', '=', seriesId).execute();
      });
    },

    async listMonitoringImports(organisationId, studyId, seriesId) {
      await loadSeries(db, organisationId, studyId, seriesId);
      const rows = await db
        .selectFrom('monitoring_imports')
        .selectAll()
        .where('series_id', '=', seriesId)
        .where('status', '=', 'complete')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toImport);
    },

    async beginMonitoringImport(organisationId, studyId, seriesId, input) {
      const fileName = requireText(input.fileName, 'fileName');
      const staleAfterMs = input.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
      if (typeof staleAfterMs !== 'number' || !(staleAfterMs >= 0)) {
        throw new StoreError('invalid', 'staleAfterMs: must be a number ≥ 0');
      }
      const at = stamp();
      try {
        return await db.transaction().execute(async (trx) => {
          await loadSeries(trx, organisationId, studyId, seriesId, true);
          const pending = await trx
            .selectFrom('monitoring_imports')
            .selectAll()
            .where('series_id', '=', seriesId)
            .where('status', '=', 'pending')
            .executeTakeFirst();
          if (pending !== undefined) {
            if (Date.parse(pending.updated_at) > Date.parse(at) - staleAfterMs) {
              throw new StoreError('conflict', `import ${pending.id} is in progress`);
            }
            await deleteImportRows(trx, pending);
          }
          const row: ImportRow = {
            id: randomUUID(),
            series_id: seriesId,
            organisation_id: organisationId,
            file_name: fileName,
            status: 'pending',
            bytes: 0,
            rows: 0,
            first_time_ms: null,
            last_time_ms: null,
            report_json: null,
            created_at: at,
            created_by: input.createdBy,
            updated_at: at,
          };
          await trx.insertInto('monitoring_imports').values(row).execute();
          return toImport(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new StoreError('conflict', 'another import of this series is in progress');
        }
        throw error;
      }
    },

    async appendMonitoringReadings(importId, page) {
      const times = requirePageTimes(page);
      await db.transaction().execute(async (trx) => {
        const { imp, series } = await loadPendingImport(trx, importId);
        const parameters = parseParameters(series.parameters);
        const blob = encodeValues(page, parameters.length, times.length);
        const first = times[0];
        const last = times[times.length - 1];
        if (first === undefined || last === undefined) return;
        const after = Math.max(
          imp.last_time_ms === null ? -Infinity : Number(imp.last_time_ms),
          series.last_time_ms === null ? -Infinity : Number(series.last_time_ms),
        );
        if (!(first > after)) {
          throw new StoreError(
            'invalid',
            `timesMs[0]: ${first} is not after the last stored reading (${after})`,
          );
        }
        const width = parameters.length * 8;
        for (let k = 0; k < times.length; k += READINGS_PER_INSERT) {
          const end = Math.min(times.length, k + READINGS_PER_INSERT);
          await insertReadings(
            trx,
            series.id,
            imp.id,
            times.slice(k, end),
            blob.subarray(k * width, end * width),
            width,
          );
        }
        await trx
          .updateTable('monitoring_imports')
          .set({
            rows: Number(imp.rows) + times.length,
            first_time_ms: imp.first_time_ms === null ? first : Number(imp.first_time_ms),
            last_time_ms: last,
            updated_at: stamp(),
          })
          .where('id', '=', imp.id)
          .execute();
      });
    },

    async readMonitoringReadings(organisationId, studyId, seriesId, input) {
      const { limit, afterMs, includeImportId } = input;
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new StoreError('invalid', 'limit: must be a whole number ≥ 1');
      }
      if (afterMs !== undefined && (typeof afterMs !== 'number' || Number.isNaN(afterMs))) {
        throw new StoreError('invalid', 'afterMs: must be a number');
      }
      const series = await loadSeries(db, organisationId, studyId, seriesId);
      const width = parseParameters(series.parameters).length;
      if (includeImportId !== undefined) {
        const imp = await db
          .selectFrom('monitoring_imports')
          .select('id')
          .where('id', '=', includeImportId)
          .where('series_id', '=', seriesId)
          .executeTakeFirst();
        if (imp === undefined) throw new StoreError('not-found', `import ${includeImportId}`);
      }
      if (afterMs === Infinity) return emptyPage(width);
      const rows = await db
        .selectFrom('monitoring_readings')
        .select(['time_ms', 'vals'])
        .where('series_id', '=', seriesId)
        // Times are whole ms: t > x exactly when t > floor(x).
        .$if(afterMs !== undefined && afterMs !== -Infinity, (q) =>
          q.where('time_ms', '>', Math.floor(afterMs as number)),
        )
        .where('import_id', 'in', (eb) =>
          eb
            .selectFrom('monitoring_imports')
            .select('id')
            .where('series_id', '=', seriesId)
            .where((w) =>
              includeImportId === undefined
                ? w('status', '=', 'complete')
                : w.or([w('status', '=', 'complete'), w('id', '=', includeImportId)]),
            ),
        )
        .orderBy('time_ms')
        .limit(limit)
        .execute();
      return decodeReadings(rows, width);
    },

    async completeMonitoringImport(importId, input) {
      const { bytes, report, derived } = input;
      if (!Number.isSafeInteger(bytes) || bytes < 0) {
        throw new StoreError('invalid', 'bytes: must be a whole number ≥ 0');
      }
      const reportJson = report === undefined ? null : JSON.stringify(report);
      return db.transaction().execute(async (trx) => {
        const { imp, series } = await loadPendingImport(trx, importId);
        const at = stamp();
        const done: ImportRow = {
          ...imp,
          status: 'complete',
          bytes,
          report_json: reportJson,
          updated_at: at,
        };
        await trx
          .updateTable('monitoring_imports')
          .set({ status: 'complete', bytes, report_json: reportJson, updated_at: at })
          .where('id', '=', imp.id)
          .execute();
        if (Number(imp.rows) > 0) {
          const first = Number(imp.first_time_ms);
          const last = Number(imp.last_time_ms);
          await trx
            .updateTable('monitoring_series')
            .set({
              readings: Number(series.readings) + Number(imp.rows),
              first_time_ms:
                series.first_time_ms === null
                  ? first
                  : Math.min(Number(series.first_time_ms), first),
              last_time_ms:
                series.last_time_ms === null ? last : Math.max(Number(series.last_time_ms), last),
            })
            .where('id', '=', series.id)
            .execute();
        }
        await writeDerived(trx, series.id, derived, at);
        return toImport(done);
      });
    },

    async abortMonitoringImport(importId) {
      await db.transaction().execute(async (trx) => {
        let found: { imp: ImportRow };
        try {
          found = await loadPendingImportAnyStudy(trx, importId);
        } catch (error) {
          // Nothing pending to remove: aborting is idempotent (it runs on error paths).
          if (error instanceof StoreError && error.code === 'not-found') return;
          throw error;
        }
        await deleteImportRows(trx, found.imp);
      });
    },

    async deleteMonitoringImport(organisationId, studyId, seriesId, importId, derived) {
      await db.transaction().execute(async (trx) => {
        await loadSeries(trx, organisationId, studyId, seriesId, true);
        const imp = await trx
          .selectFrom('monitoring_imports')
          .selectAll()
          .where('id', '=', importId)
          .where('series_id', '=', seriesId)
          .where('status', '=', 'complete')
          .executeTakeFirst();
        if (imp === undefined) throw new StoreError('not-found', `import ${importId}`);
        const at = stamp();
        await deleteImportRows(trx, imp);
        await recountSeries(trx, seriesId, at);
        await writeDerived(trx, seriesId, derived, at);
      });
    },

    async replaceMonitoringDerived(organisationId, studyId, seriesId, derived) {
      await db.transaction().execute(async (trx) => {
        await loadSeries(trx, organisationId, studyId, seriesId, true);
        await writeDerived(trx, seriesId, derived, stamp());
      });
    },

    async getMonitoringDerived(organisationId, studyId, seriesId, query = {}) {
      const grains = requireGrains(query.grains);
      const from = requireBound(query.fromMs, 'fromMs');
      const to = requireBound(query.toMs, 'toMs');
      // One snapshot: the result and its rollups from the same write.
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const series = await loadSeries(trx, organisationId, studyId, seriesId);
          if (series.derived_json === null || series.derived_fingerprint === null) return undefined;
          const rows =
            grains.length === 0 || from >= to
              ? []
              : await trx
                  .selectFrom('monitoring_rollups')
                  .select(ROLLUP_ARRAY_COLUMNS.map(([column]) => column))
                  .where('series_id', '=', seriesId)
                  .where('grain', 'in', grains)
                  .$if(from !== -Infinity, (q) => q.where('start_ms', '>=', Math.ceil(from)))
                  .$if(to !== Infinity, (q) => q.where('start_ms', '<', Math.ceil(to)))
                  .orderBy('grain')
                  .orderBy('start_ms')
                  .orderBy('parameter')
                  .execute();
          return {
            fingerprint: series.derived_fingerprint,
            result: decodeDerived(series.derived_json, rows),
          };
        });
    },
  };

  /** A pending import whatever its study's state (abort cleans up after deleted studies too). */
  async function loadPendingImportAnyStudy(trx: Db, importId: string): Promise<{ imp: ImportRow }> {
    const owner = await trx
      .selectFrom('monitoring_imports')
      .select('series_id')
      .where('id', '=', importId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (owner === undefined) throw new StoreError('not-found', `pending import ${importId}`);
    await trx
      .selectFrom('monitoring_series')
      .select('id')
      .where('id', '=', owner.series_id)
      .$if(dialect === 'postgres', (q) => q.forUpdate())
      .execute();
    const imp = await trx
      .selectFrom('monitoring_imports')
      .selectAll()
      .where('id', '=', importId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (imp === undefined) throw new StoreError('not-found', `pending import ${importId}`);
    return { imp };
  }
}

function requireParameterIds(
  parameters: readonly MonitoringSeriesColumn[],
): MonitoringSeriesColumn[] {
  if (!Array.isArray(parameters) || parameters.length === 0) {
    throw new StoreError('invalid', 'parameters: must be a non-empty list of columns');
  }
  const seen = new Set<string>();
  return parameters.map((column: MonitoringSeriesColumn, i) => {
    const { id, unit } = (column ?? {}) as Partial<MonitoringSeriesColumn>;
    if (typeof id !== 'string' || id.trim() === '') {
      throw new StoreError('invalid', `parameters[${i}].id: must not be empty`);
    }
    if (unit !== null && typeof unit !== 'string') {
      throw new StoreError('invalid', `parameters[${i}].unit: must be text or null`);
    }
    if (seen.has(id)) throw new StoreError('invalid', `parameters[${i}].id: duplicate "${id}"`);
    seen.add(id);
    return { id, unit };
  });
}

function parseParameters(text: string): MonitoringSeriesColumn[] {
  return JSON.parse(text) as MonitoringSeriesColumn[];
}

/** The page's times as whole, strictly increasing ms; checks the shape of the values too. */
function requirePageTimes(page: MonitoringReadingsPage): number[] {
  if (typeof page !== 'object' || page === null || !Array.isArray(page.values)) {
    throw new StoreError('invalid', 'page: must have timesMs and values');
  }
  const n = page.timesMs?.length;
  if (typeof n !== 'number') throw new StoreError('invalid', 'timesMs: must be an array');
  const times = new Array<number>(n);
  let previous = -Infinity;
  for (let k = 0; k < n; k++) {
    const t = page.timesMs[k] as number;
    if (!Number.isSafeInteger(t)) {
      throw new StoreError('invalid', `timesMs[${k}]: must be whole milliseconds`);
    }
    if (!(t > previous))
      throw new StoreError('invalid', `timesMs[${k}]: not after the previous time`);
    times[k] = t;
    previous = t;
  }
  return times;
}

/** Row-major little-endian float64, canonical NaN for missing; ±Infinity is refused. */
function encodeValues(page: MonitoringReadingsPage, parameters: number, rows: number): Buffer {
  if (page.values.length !== parameters) {
    throw new StoreError(
      'invalid',
      `values: ${page.values.length} columns, the series has ${parameters} parameters`,
    );
  }
  const blob = Buffer.allocUnsafe(rows * parameters * 8);
  for (let i = 0; i < parameters; i++) {
    const column = page.values[i] as Float64Array;
    if (column?.length !== rows) {
      throw new StoreError('invalid', `values[${i}]: must have one value per time (${rows})`);
    }
    for (let k = 0; k < rows; k++) {
      const v = column[k] as number;
      if (v === Infinity || v === -Infinity) {
        throw new StoreError('invalid', `values[${i}][${k}]: must be finite (NaN = missing)`);
      }
      blob.writeDoubleLE(v === v ? v : NaN, (k * parameters + i) * 8);
    }
  }
  return blob;
}

function emptyPage(parameters: number): MonitoringReadingsPage {
  return {
    timesMs: new Float64Array(0),
    values: Array.from({ length: parameters }, () => new Float64Array(0)),
  };
}

function decodeReadings(
  rows: readonly { time_ms: number; vals: Buffer }[],
  parameters: number,
): MonitoringReadingsPage {
  const timesMs = new Float64Array(rows.length);
  const values = Array.from({ length: parameters }, () => new Float64Array(rows.length));
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as { time_ms: number; vals: Buffer };
    timesMs[k] = Number(row.time_ms);
    const vals = row.vals;
    for (let i = 0; i < parameters; i++) {
      (values[i] as Float64Array)[k] = vals.readDoubleLE(i * 8);
    }
  }
  return { timesMs, values };
}

function requireGrains(grains: readonly MonitoringGrain[] | undefined): MonitoringGrain[] {
  if (grains === undefined) return ['day', 'month'];
  if (!Array.isArray(grains)) throw new StoreError('invalid', 'grains: must be a list');
  for (const grain of grains) {
    if (!MONITORING_GRAINS.includes(grain)) {
      throw new StoreError('invalid', `grains: must be among ${MONITORING_GRAINS.join(', ')}`);
    }
  }
  return [...new Set(grains)];
}

function requireBound(value: number | undefined, field: string): number {
  if (value === undefined) return field === 'fromMs' ? -Infinity : Infinity;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new StoreError('invalid', `${field}: must be a number`);
  }
  return value;
}

/**
 * JSON keeps no `undefined`, but the engine's results carry many (`mean: undefined`) and
 * must read back deep-equal: an undefined value is written as this marker, which no result
 * contains, and put back as undefined.
 */
const UNDEFINED_KEY = '$undefined';

function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v === undefined ? { [UNDEFINED_KEY]: 1 } : v,
  );
}

function decodeJson(text: string): unknown {
  return restoreUndefined(JSON.parse(text) as unknown);
}

function restoreUndefined(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreUndefined(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === UNDEFINED_KEY) return undefined;
  for (const key of keys) record[key] = restoreUndefined(record[key]);
  return record;
}

interface EncodedDerived {
  readonly fingerprint: string;
  readonly json: string;
  readonly rollups: Selectable<Database['monitoring_rollups']>[];
}

function encodeDerived(seriesId: string, derived: MonitoringDerived): EncodedDerived {
  const { fingerprint, result } = derived ?? {};
  if (typeof fingerprint !== 'string' || fingerprint === '') {
    throw new StoreError('invalid', 'derived.fingerprint: must not be empty');
  }
  if (typeof result !== 'object' || result === null || !Array.isArray(result.parameters)) {
    throw new StoreError('invalid', 'derived.result: must be a monitoring result');
  }
  const rollups: RollupRow[] = [];
  result.parameters.forEach((p, q) => {
    for (const grain of MONITORING_GRAINS) {
      for (const r of p[GRAIN_ARRAY[grain]]) rollups.push(toRollupRow(seriesId, grain, q, r));
    }
  });
  const bare: MonitoringResult = {
    ...result,
    parameters: result.parameters.map((p) => ({ ...p, hourly: [], daily: [], monthly: [] })),
  };
  return { fingerprint, json: encodeJson(bare), rollups };
}

function decodeDerived(json: string, rows: readonly StoredRollup[]): MonitoringResult {
  const bare = decodeJson(json) as MonitoringResult;
  const arrays = bare.parameters.map(() => ({
    hourly: [] as MonitoringRollup[],
    daily: [] as MonitoringRollup[],
    monthly: [] as MonitoringRollup[],
  }));
  for (const row of rows) {
    arrays[row.parameter]?.[GRAIN_ARRAY[row.grain]].push(fromRollupRow(row));
  }
  return {
    ...bare,
    parameters: bare.parameters.map((p, q) => ({ ...p, ...arrays[q] })),
  };
}

function flag(value: boolean | undefined): number | null {
  return value === undefined ? null : value ? 1 : 0;
}

function unflag(value: number | null): boolean | undefined {
  return value === null ? undefined : value === 1;
}

/**
 * A rollup's double as stored. -0 becomes 0 here, explicitly: SQLite writes a whole REAL as an
 * integer, pg sends String(-0) = "0" and JSON has no -0, so no path keeps it; the readings'
 * blobs do.
 */
function orNull(value: number | undefined): number | null {
  return value === undefined ? null : value === 0 ? 0 : value;
}

function orUndefined(value: number | null): number | undefined {
  return value === null ? undefined : Number(value);
}

function toRollupRow(
  seriesId: string,
  grain: MonitoringGrain,
  parameter: number,
  r: MonitoringRollup,
): RollupRow {
  return {
    series_id: seriesId,
    grain,
    parameter,
    start_ms: r.startMs,
    end_ms: r.endMs,
    key: r.key,
    count: r.count,
    missing: r.missing,
    mean: orNull(r.mean),
    min: orNull(r.min),
    max: orNull(r.max),
    exceedances: r.exceedances,
    mean_complies: flag(r.meanComplies),
    extremes_comply: flag(r.extremesComply),
    completeness_present: r.completeness === undefined ? null : r.completeness.present,
    completeness_expected: r.completeness === undefined ? null : r.completeness.expected,
    completeness_share: orNull(r.completeness?.share),
    load_readings: r.load === undefined ? null : r.load.readings,
    load_mean_rate: orNull(r.load?.meanRate),
    load_amount: orNull(r.load?.amount),
    load_rate_exceedances: r.load === undefined ? null : r.load.rateExceedances,
    load_complies: flag(r.load?.complies),
  };
}

/** The engine's rollup again, every key in the engine's order, undefined where it had undefined. */
function fromRollupRow(row: StoredRollup): MonitoringRollup {
  return {
    key: row.key,
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
    count: Number(row.count),
    missing: Number(row.missing),
    mean: orUndefined(row.mean),
    min: orUndefined(row.min),
    max: orUndefined(row.max),
    exceedances: Number(row.exceedances),
    meanComplies: unflag(row.mean_complies),
    extremesComply: unflag(row.extremes_comply),
    completeness:
      row.completeness_present === null
        ? undefined
        : {
            present: Number(row.completeness_present),
            expected: Number(row.completeness_expected),
            share: orUndefined(row.completeness_share),
          },
    load:
      row.load_readings === null
        ? undefined
        : {
            readings: Number(row.load_readings),
            meanRate: orUndefined(row.load_mean_rate),
            amount: orUndefined(row.load_amount),
            rateExceedances: Number(row.load_rate_exceedances),
            complies: unflag(row.load_complies),
          },
  };
}

function toSeries(row: SeriesRow): MonitoringSeries {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    studyId: row.study_id,
    name: row.name,
    utcOffsetMinutes: Number(row.utc_offset_minutes),
    expectedIntervalSeconds:
      row.expected_interval_seconds === null ? null : Number(row.expected_interval_seconds),
    parameters: parseParameters(row.parameters),
    readings: Number(row.readings),
    firstTimeMs: row.first_time_ms === null ? null : Number(row.first_time_ms),
    lastTimeMs: row.last_time_ms === null ? null : Number(row.last_time_ms),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

function toImport(row: ImportRow): MonitoringImport {
  return {
    id: row.id,
    seriesId: row.series_id,
    fileName: row.file_name,
    status: row.status,
    bytes: Number(row.bytes),
    rows: Number(row.rows),
    firstTimeMs: row.first_time_ms === null ? null : Number(row.first_time_ms),
    lastTimeMs: row.last_time_ms === null ? null : Number(row.last_time_ms),
    report: row.report_json === null ? undefined : (JSON.parse(row.report_json) as unknown),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
