/**
 * The Store on Kysely: one implementation for both dialects. Only `openStore` knows which
 * database it is; the single dialect difference here is row locking (`FOR UPDATE` exists in
 * PostgreSQL; SQLite has one writer at a time, so a write transaction is already exclusive).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { StudyInput } from '../../engine/study/study-input.js';
import { parseStudyText } from '../../document/parse-study.js';
import { serializeStudy } from '../../document/serialize-study.js';
import { isUniqueViolation, StoreError } from './store-error.js';
import {
  ROLES,
  type Invitation,
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
