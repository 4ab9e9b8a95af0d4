/**
 * The browser's only way to the server: typed calls to the HTTP API (see /api/openapi.json).
 * Every failure becomes an ApiError with the server's stable code; writes carry the CSRF
 * token, fetched once per session and again when the server rotates it.
 */
import type { MonitoringIssue, MonitoringRule } from '../../document/monitoring/index.js';
import type { MonitoringResult } from '../../engine/monitoring/index.js';
import type { StudyEvaluation } from '../../engine/study/evaluate-study.js';

export type Role = 'owner' | 'editor' | 'viewer';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

export interface Membership {
  readonly organisation: { readonly id: string; readonly name: string };
  readonly role: Role;
}

export interface Me {
  readonly user: User;
  readonly memberships: readonly Membership[];
}

export interface StudySummary {
  readonly id: string;
  readonly organisationId: string;
  readonly title: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** A study as the API sends it: the study file's JSON form and every computed result. */
export interface StudyView extends StudySummary {
  readonly document: Record<string, unknown>;
  readonly evaluation: StudyEvaluation;
}

export interface RevisionSummary {
  readonly revision: number;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: string;
  readonly summary: string;
}

export interface Member {
  readonly user: User;
  readonly role: Role;
  readonly since: string;
}

export type ExportFormat = 'yaml' | 'json' | 'xlsx' | 'html' | 'pdf';

/** A monitoring series stored with a study (a site or outlet). */
export interface MonitoringSeries {
  readonly id: string;
  readonly name: string;
  readonly utcOffsetMinutes: number;
  readonly expectedIntervalSeconds: number | null;
  readonly parameters: readonly { readonly id: string; readonly unit: string | null }[];
  readonly readings: number;
  readonly firstTimeMs: number | null;
  readonly lastTimeMs: number | null;
  readonly updatedAt: string;
}

/** What the server kept of one imported file's reading. */
export interface MonitoringImportReport {
  readonly rows: number;
  readonly storedRows: number;
  readonly droppedRows: number;
  readonly counts: Readonly<Record<MonitoringRule, number>>;
  readonly issues: readonly MonitoringIssue[];
  readonly issuesTruncated: boolean;
  readonly unmatchedColumns: readonly string[];
  readonly missingColumns: readonly string[];
}

export interface MonitoringImport {
  readonly id: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly rows: number;
  readonly firstTimeMs: number | null;
  readonly lastTimeMs: number | null;
  readonly createdAt: string;
  readonly report: MonitoringImportReport | null;
}

export interface MonitoringDashboard {
  readonly series: MonitoringSeries;
  readonly imports: readonly MonitoringImport[];
  readonly result: MonitoringResult | null;
  readonly recomputed: boolean;
}

export interface MonitoringUploadOptions {
  readonly series?: string | undefined;
  readonly zone?: string | undefined;
  /** RULE=reject|flag entries. */
  readonly policy?: readonly string[] | undefined;
  readonly onProgress?: ((sent: number, total: number) => void) | undefined;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Field errors the server found in a study document (`details.errors`). */
export function apiFieldErrors(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { errors?: unknown } | undefined;
  if (!Array.isArray(details?.errors)) return [];
  return details.errors.flatMap((e: unknown) => {
    const { path, message } = (e ?? {}) as { path?: unknown; message?: unknown };
    return typeof message === 'string'
      ? [{ path: typeof path === 'string' ? path : '', message }]
      : [];
  });
}

let csrfToken: string | undefined;

async function freshCsrfToken(): Promise<string> {
  const { csrfToken: token } = await call<{ csrfToken: string }>('GET', '/api/auth/csrf-token');
  csrfToken = token;
  return token;
}

async function call<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  raw?: { readonly bytes: Blob; readonly type: string },
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (raw !== undefined) headers['content-type'] = raw.type;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw !== undefined ? raw.bytes : body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'offline', 'the server cannot be reached');
  }
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) return json as T;
  const error = (json as { error?: { code?: string; message?: string; details?: unknown } })?.error;
  const code = error?.code ?? 'http-error';
  // A missing or rotated CSRF token: fetch a fresh one and try the write once more.
  if (response.status === 403 && /csrf/i.test(`${code} ${error?.message ?? ''}`) && !retried) {
    await freshCsrfToken();
    return call<T>(method, url, body, raw, true);
  }
  throw new ApiError(
    response.status,
    code,
    error?.message ?? `${response.status} ${response.statusText}`,
    error?.details,
  );
}

function remember<T extends { csrfToken?: string }>(result: T): T {
  if (result.csrfToken !== undefined) csrfToken = result.csrfToken;
  return result;
}

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const study = (orgId: string, studyId: string) =>
  `${org(orgId)}/studies/${encodeURIComponent(studyId)}`;

export const api = {
  me: () => call<Me>('GET', '/api/auth/me'),
  signIn: async (email: string, password: string) =>
    remember(
      await call<Me & { csrfToken: string }>('POST', '/api/auth/sign-in', { email, password }),
    ),
  signUp: async (input: {
    email: string;
    name: string;
    password: string;
    organisationName?: string;
  }) => remember(await call<Me & { csrfToken: string }>('POST', '/api/auth/sign-up', input)),
  signOut: async () => {
    await call<undefined>('POST', '/api/auth/sign-out', {});
    csrfToken = undefined;
  },
  signOutEverywhere: async () => {
    await call<undefined>('POST', '/api/auth/sign-out-everywhere', {});
    csrfToken = undefined;
  },
  listMembers: (orgId: string) =>
    call<{ members: Member[] }>('GET', `${org(orgId)}/members`).then((r) => r.members),
  invite: (orgId: string, email: string, role: Role) =>
    call<{ token: string; invitation: { expiresAt: string } }>(
      'POST',
      `${org(orgId)}/invitations`,
      {
        email,
        role,
      },
    ),
  setRole: (orgId: string, userId: string, role: Role) =>
    call<{ members: Member[] }>('PATCH', `${org(orgId)}/members/${encodeURIComponent(userId)}`, {
      role,
    }).then((r) => r.members),
  removeMember: (orgId: string, userId: string) =>
    call<undefined>('DELETE', `${org(orgId)}/members/${encodeURIComponent(userId)}`),
  acceptInvitation: (token: string) =>
    call<{ membership: Membership }>('POST', '/api/invitations/accept', { token }).then(
      (r) => r.membership,
    ),
  ensureCsrf: () => (csrfToken === undefined ? freshCsrfToken() : Promise.resolve(csrfToken)),

  listStudies: (orgId: string) =>
    call<{ studies: StudySummary[] }>('GET', `${org(orgId)}/studies`).then((r) => r.studies),
  createStudy: (
    orgId: string,
    input: {
      template?: 'en' | 'id';
      text?: string;
      document?: Record<string, unknown>;
      title?: string;
    },
  ) => call<StudyView>('POST', `${org(orgId)}/studies`, input),
  importWorkbook: (orgId: string, file: Blob) =>
    call<StudyView>('POST', `${org(orgId)}/studies/import-xlsx`, undefined, {
      bytes: file,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  getStudy: (orgId: string, studyId: string) => call<StudyView>('GET', study(orgId, studyId)),
  saveStudy: (
    orgId: string,
    studyId: string,
    input: { baseRevision: number; document: Record<string, unknown>; summary?: string },
  ) => call<StudyView>('PUT', study(orgId, studyId), input),
  deleteStudy: (orgId: string, studyId: string) => call<undefined>('DELETE', study(orgId, studyId)),
  duplicateStudy: (orgId: string, studyId: string, title?: string) =>
    call<StudyView>(
      'POST',
      `${study(orgId, studyId)}/duplicate`,
      title === undefined ? {} : { title },
    ),
  listRevisions: (orgId: string, studyId: string) =>
    call<{ revisions: RevisionSummary[] }>('GET', `${study(orgId, studyId)}/revisions`).then(
      (r) => r.revisions,
    ),
  restoreRevision: (orgId: string, studyId: string, revision: number, baseRevision: number) =>
    call<StudyView>('POST', `${study(orgId, studyId)}/revisions/${revision}/restore`, {
      baseRevision,
    }),
  listSeries: (orgId: string, studyId: string) =>
    call<{ series: MonitoringSeries[] }>('GET', `${study(orgId, studyId)}/monitoring`).then(
      (r) => r.series,
    ),
  seriesDashboard: (orgId: string, studyId: string, seriesId: string) =>
    call<MonitoringDashboard>(
      'GET',
      `${study(orgId, studyId)}/monitoring/${encodeURIComponent(seriesId)}`,
    ),
  deleteSeries: (orgId: string, studyId: string, seriesId: string) =>
    call<undefined>(
      'DELETE',
      `${study(orgId, studyId)}/monitoring/${encodeURIComponent(seriesId)}`,
    ),
  deleteImport: (orgId: string, studyId: string, seriesId: string, importId: string) =>
    call<{ series: MonitoringSeries }>(
      'DELETE',
      `${study(orgId, studyId)}/monitoring/${encodeURIComponent(seriesId)}/imports/${encodeURIComponent(importId)}`,
    ),
  /** Streams a CSV (or an .xlsx) to the study's series; XMLHttpRequest, for the upload's progress. */
  uploadReadings: async (
    orgId: string,
    studyId: string,
    file: Blob,
    name: string,
    options: MonitoringUploadOptions = {},
  ) => {
    const query = new URLSearchParams({ file: name });
    if (options.series !== undefined) query.set('series', options.series);
    if (options.zone !== undefined) query.set('zone', options.zone);
    if (options.policy !== undefined && options.policy.length > 0) {
      query.set('policy', options.policy.join(','));
    }
    const token = csrfToken ?? (await freshCsrfToken());
    return new Promise<{
      series: MonitoringSeries;
      import: MonitoringImport;
      report: MonitoringImportReport;
    }>((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', `${study(orgId, studyId)}/monitoring/imports?${query.toString()}`);
      request.setRequestHeader(
        'content-type',
        /\.xlsx$/i.test(name)
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv',
      );
      request.setRequestHeader('accept', 'application/json');
      request.setRequestHeader('x-csrf-token', token);
      request.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.total);
      request.onerror = () => reject(new ApiError(0, 'offline', 'the server cannot be reached'));
      request.onload = () => {
        let json: unknown;
        try {
          json = JSON.parse(request.responseText);
        } catch {
          json = undefined;
        }
        if (request.status >= 200 && request.status < 300) {
          resolve(json as Awaited<ReturnType<typeof api.uploadReadings>>);
          return;
        }
        const error = (json as { error?: { code?: string; message?: string; details?: unknown } })
          ?.error;
        reject(
          new ApiError(
            request.status,
            error?.code ?? 'http-error',
            error?.message ?? `${request.status} ${request.statusText}`,
            error?.details,
          ),
        );
      };
      request.send(file);
    });
  },
  exportUrl: (orgId: string, studyId: string, format: ExportFormat, lang?: 'id' | 'en') =>
    `${study(orgId, studyId)}/export?format=${format}${lang === undefined ? '' : `&lang=${lang}`}`,
};
