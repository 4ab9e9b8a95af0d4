/**
 * The persistence boundary of the server: everything the HTTP routes read or write goes
 * through a Store, on SQLite or PostgreSQL alike (see `openStore`).
 *
 * Rules every implementation keeps:
 * - Every study call takes the organisation id and never reads, returns or changes a row of
 *   another organisation: a study of another organisation is `not-found`, exactly as a
 *   missing one, so ids reveal nothing. Deleted studies are `not-found` too.
 * - Expected failures throw `StoreError` with a stable code; a stale save is not a failure
 *   but a result (`{ kind: 'conflict' }`) carrying the current study.
 * - Writes are transactions; a call that resolved has been committed durably.
 * - Ids are random UUIDs; times are ISO-8601 UTC strings from the store's clock.
 */
import type { StudyInput } from '../../engine/study/study-input.js';

export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export interface User {
  readonly id: string;
  /** Trimmed and lower-cased: emails are unique case-insensitively. */
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
}

/** For sign-in only: never send the hash to a client. */
export interface UserWithPasswordHash extends User {
  readonly passwordHash: string;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

/** One organisation a user belongs to, with the user's role there. */
export interface Membership {
  readonly organisation: Organisation;
  readonly role: Role;
}

/** One member of an organisation. */
export interface Member {
  readonly user: User;
  readonly role: Role;
  readonly since: string;
}

export interface Invitation {
  readonly id: string;
  readonly organisationId: string;
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
}

export interface StudySummary {
  readonly id: string;
  readonly organisationId: string;
  /** The document's `study.title`, kept in step with the current revision. */
  readonly title: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** A study at its current revision. */
export interface Study extends StudySummary {
  readonly document: StudyInput;
}

export interface RevisionSummary {
  readonly revision: number;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: string;
  readonly summary: string;
}

export interface Revision extends RevisionSummary {
  readonly studyId: string;
  readonly document: StudyInput;
}

/** A save either wins or, when its base is stale, changes nothing and returns the current study. */
export type SaveResult =
  | { readonly kind: 'saved'; readonly study: Study }
  | { readonly kind: 'conflict'; readonly current: Study };

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  // ── Users ──────────────────────────────────────────────────────────────────────────────
  /** @throws StoreError duplicate when the email (case-insensitively) is taken; invalid when empty. */
  createUser(input: { email: string; name: string; passwordHash: string }): Promise<User>;
  /** Case-insensitive; undefined when no user has this email. */
  findUserByEmail(email: string): Promise<UserWithPasswordHash | undefined>;
  /** @throws StoreError not-found */
  getUser(userId: string): Promise<User>;

  // ── Sessions ──────────────────────────────────────────────────────────────────────────
  /**
   * A new session of `userId` until `expiresAt`; returns its id (a random UUID), which the
   * cookie carries. Also forgets the user's sessions that have expired.
   * @throws StoreError not-found (user); invalid (expiresAt)
   */
  createSession(userId: string, expiresAt: Date): Promise<string>;
  /** The session's user while it is neither revoked nor expired at `now`; else undefined. */
  getActiveSession(sessionId: string, now: Date): Promise<string | undefined>;
  /** Ends one session (sign-out). Ending an ended or unknown session does nothing. */
  revokeSession(sessionId: string): Promise<void>;
  /** Ends every session of the user (sign-out everywhere). */
  revokeUserSessions(userId: string): Promise<void>;

  // ── Organisations and roles ───────────────────────────────────────────────────────────
  /** Creates the organisation with `ownerId` as its first owner. @throws StoreError not-found (owner) */
  createOrganisation(input: { name: string; ownerId: string }): Promise<Organisation>;
  /** The organisations `userId` belongs to, with roles, by organisation name. */
  listMemberships(userId: string): Promise<Membership[]>;
  /** The user's role in the organisation, or undefined when not a member: the check behind every route. */
  getRole(organisationId: string, userId: string): Promise<Role | undefined>;
  /** Members by name. */
  listMembers(organisationId: string): Promise<Member[]>;
  /** @throws StoreError not-found (not a member); forbidden-last-owner when demoting the last owner. */
  setRole(organisationId: string, userId: string, role: Role): Promise<void>;
  /** @throws StoreError not-found (not a member); forbidden-last-owner when removing the last owner. */
  removeMember(organisationId: string, userId: string): Promise<void>;

  // ── Invitations ───────────────────────────────────────────────────────────────────────
  /**
   * Creates an invitation and a random token to send to `email`; only the token's SHA-256 is
   * stored, so the token is returned here once and never again.
   */
  createInvitation(input: {
    organisationId: string;
    email: string;
    role: Role;
    invitedBy: string;
    expiresAt: Date;
  }): Promise<{ invitation: Invitation; token: string }>;
  /**
   * Makes `userId` a member with the invitation's role. Once only, before expiry, and only by
   * the user whose email was invited.
   * @throws StoreError not-found (unknown token); conflict (already accepted); invalid
   *   (expired, or the user's email is not the invited one); duplicate (already a member).
   */
  acceptInvitation(input: { token: string; userId: string }): Promise<Membership>;

  // ── Studies (always scoped by organisation) ───────────────────────────────────────────
  /** The organisation's studies that are not deleted, most recently updated first. */
  listStudies(organisationId: string): Promise<StudySummary[]>;
  /** Creates the study at revision 1. @throws StoreError invalid (document) */
  createStudy(
    organisationId: string,
    input: { document: StudyInput; authorId: string; summary?: string },
  ): Promise<Study>;
  /** @throws StoreError not-found */
  getStudy(organisationId: string, studyId: string): Promise<Study>;
  /**
   * Saves a new revision if `baseRevision` is the current one; otherwise changes nothing and
   * returns `{ kind: 'conflict', current }`.
   * @throws StoreError not-found; invalid (document)
   */
  saveStudy(
    organisationId: string,
    studyId: string,
    input: { baseRevision: number; document: StudyInput; authorId: string; summary: string },
  ): Promise<SaveResult>;
  /** Soft delete: the study disappears from every call; its rows stay. @throws StoreError not-found */
  deleteStudy(organisationId: string, studyId: string, input: { deletedBy: string }): Promise<void>;
  /**
   * A new study (revision 1) in the same organisation with the current document, its title
   * replaced by `title` (default: the original's with " (copy)"). @throws StoreError not-found
   */
  duplicateStudy(
    organisationId: string,
    studyId: string,
    input: { authorId: string; title?: string },
  ): Promise<Study>;
  /** Every revision, newest first, without documents. @throws StoreError not-found */
  listRevisions(organisationId: string, studyId: string): Promise<RevisionSummary[]>;
  /** @throws StoreError not-found (study or revision) */
  getRevision(organisationId: string, studyId: string, revision: number): Promise<Revision>;
  /**
   * Saves revision `revision`'s document as a new revision, with the same optimistic check
   * as saveStudy. @throws StoreError not-found (study or revision)
   */
  restoreRevision(
    organisationId: string,
    studyId: string,
    input: { revision: number; baseRevision: number; authorId: string; summary?: string },
  ): Promise<SaveResult>;

  /** Closes the connection pool; the store is unusable afterwards. */
  close(): Promise<void>;
}
