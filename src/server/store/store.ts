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
import type { MonitoringResult } from '../../engine/monitoring/index.js';
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

// ── Monitoring (issue 5) ──────────────────────────────────────────────────────────────────

/** A rollup granularity: local hours, days and months. */
export type MonitoringGrain = 'hour' | 'day' | 'month';
export const MONITORING_GRAINS: readonly MonitoringGrain[] = ['hour', 'day', 'month'];

/** One stored column of a series: `id` is unique in the series; `unit` as the first file gave it. */
export interface MonitoringSeriesColumn {
  readonly id: string;
  readonly unit: string | null;
}

/**
 * One stream of readings of a study (a site or outlet, e.g. "Outlet IPAL"): its columns are
 * study effluent parameter ids, fixed when the series is created.
 */
export interface MonitoringSeries {
  readonly id: string;
  readonly organisationId: string;
  readonly studyId: string;
  /** Unique within the study (trimmed; compared case-insensitively). */
  readonly name: string;
  /** Minutes east of UTC of the local day the rollups use (WIB 420). */
  readonly utcOffsetMinutes: number;
  /** The logger's reading interval in seconds; null when unknown (no completeness). */
  readonly expectedIntervalSeconds: number | null;
  /** The stored columns, in order: effluent parameter ids (and the flow) with their units. */
  readonly parameters: readonly MonitoringSeriesColumn[];
  /** Rows of completed imports, and their first and last times (epoch ms). */
  readonly readings: number;
  readonly firstTimeMs: number | null;
  readonly lastTimeMs: number | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
}

/** One file brought into a series. Pending while its rows stream in; only complete ones count. */
export interface MonitoringImport {
  readonly id: string;
  readonly seriesId: string;
  readonly fileName: string;
  readonly status: 'pending' | 'complete';
  /** Bytes read and rows stored (rows of a pending import: stored so far). */
  readonly bytes: number;
  readonly rows: number;
  readonly firstTimeMs: number | null;
  readonly lastTimeMs: number | null;
  /** What the reader said of the file (counts, flagged lines, notes): plain JSON, kept as given. */
  readonly report: unknown;
  readonly createdAt: string;
  readonly createdBy: string;
}

/**
 * Readings as columns: `values[i][k]` is parameter i at `timesMs[k]`; NaN = missing. Stored one
 * row per time, the values as a little-endian float64 blob, so every double (and -0) reads back
 * bit for bit.
 */
export interface MonitoringReadingsPage {
  readonly timesMs: Float64Array;
  readonly values: readonly Float64Array[];
}

/**
 * What is derived from a series' readings with one set of settings (limits, alerts …):
 * `fingerprint` names those settings, `result` is the engine's result over every reading,
 * with its hourly, daily and monthly rollups.
 */
export interface MonitoringDerived {
  readonly fingerprint: string;
  readonly result: MonitoringResult;
}

/** A window of the derived state: the result with only the rollups asked for. */
export interface MonitoringDerivedQuery {
  /** Grains to return; the others come back as empty arrays. Default: day and month. */
  readonly grains?: readonly MonitoringGrain[] | undefined;
  /** Rollups whose bucket starts in [fromMs, toMs); default all. */
  readonly fromMs?: number | undefined;
  readonly toMs?: number | undefined;
}

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

  // ── Monitoring (always scoped by organisation and study) ─────────────────────────────
  /**
   * @throws StoreError not-found (study); duplicate (name taken in the study); invalid (empty
   *   name or parameters, duplicate parameter ids, offset or interval out of range)
   */
  createMonitoringSeries(
    organisationId: string,
    studyId: string,
    input: {
      name: string;
      utcOffsetMinutes: number;
      expectedIntervalSeconds: number | null;
      parameters: readonly MonitoringSeriesColumn[];
      createdBy: string;
    },
  ): Promise<MonitoringSeries>;
  /** The study's series by name. @throws StoreError not-found (study) */
  listMonitoringSeries(organisationId: string, studyId: string): Promise<MonitoringSeries[]>;
  /** @throws StoreError not-found */
  getMonitoringSeries(
    organisationId: string,
    studyId: string,
    seriesId: string,
  ): Promise<MonitoringSeries>;
  /** Removes the series with its imports, readings and derived state. @throws StoreError not-found */
  deleteMonitoringSeries(organisationId: string, studyId: string, seriesId: string): Promise<void>;
  /** Complete imports, newest first. @throws StoreError not-found */
  listMonitoringImports(
    organisationId: string,
    studyId: string,
    seriesId: string,
  ): Promise<MonitoringImport[]>;
  /**
   * Starts a pending import. One import at a time per series: a pending one younger than
   * `staleAfterMs` (default 1 hour) is a conflict; an older one was abandoned and is removed.
   * Its age counts from its last stored page, so a long upload that keeps appending stays alive.
   * @throws StoreError not-found; conflict
   */
  beginMonitoringImport(
    organisationId: string,
    studyId: string,
    seriesId: string,
    input: { fileName: string; createdBy: string; staleAfterMs?: number },
  ): Promise<MonitoringImport>;
  /**
   * Stores rows of a pending import (not visible to queries until it completes). Times must
   * strictly increase across the import's pages and lie after the series' last reading, in
   * whole ms; `values.length` must equal the series' parameters; ±Infinity is refused.
   * @throws StoreError not-found (import, or not pending); invalid (times, shape)
   */
  appendMonitoringReadings(importId: string, page: MonitoringReadingsPage): Promise<void>;
  /**
   * The stored readings in time order, one page of at most `limit` rows after `afterMs`:
   * complete imports, plus the pending import `includeImportId` when given.
   * @throws StoreError not-found
   */
  readMonitoringReadings(
    organisationId: string,
    studyId: string,
    seriesId: string,
    input: { afterMs?: number; limit: number; includeImportId?: string },
  ): Promise<MonitoringReadingsPage>;
  /**
   * In one transaction: the import becomes complete (with `bytes` and `report`), the series'
   * readings, first and last times take it in, and its derived state is replaced by `derived`
   * (computed over the readings including this import).
   * @throws StoreError not-found (import, or not pending)
   */
  completeMonitoringImport(
    importId: string,
    input: { bytes: number; report: unknown; derived: MonitoringDerived },
  ): Promise<MonitoringImport>;
  /**
   * Removes a pending import and its rows (the file was refused or the upload broke off).
   * Does nothing when the import is not pending (complete, removed or unknown): error paths may
   * call it freely.
   */
  abortMonitoringImport(importId: string): Promise<void>;
  /**
   * Removes a complete import's readings; the derived state is replaced by `derived` in the
   * same transaction (computed over the remaining readings, or null to clear it).
   * @throws StoreError not-found
   */
  deleteMonitoringImport(
    organisationId: string,
    studyId: string,
    seriesId: string,
    importId: string,
    derived: MonitoringDerived | null,
  ): Promise<void>;
  /** Replaces the derived state (after the study's limits changed). @throws StoreError not-found */
  replaceMonitoringDerived(
    organisationId: string,
    studyId: string,
    seriesId: string,
    derived: MonitoringDerived | null,
  ): Promise<void>;
  /**
   * The derived state with the rollups asked for (the dashboard's query: indexed by series,
   * grain and bucket start), or undefined when none is stored.
   * @throws StoreError not-found
   */
  getMonitoringDerived(
    organisationId: string,
    studyId: string,
    seriesId: string,
    query?: MonitoringDerivedQuery,
  ): Promise<MonitoringDerived | undefined>;

  /** Closes the connection pool; the store is unusable afterwards. */
  close(): Promise<void>;
}
