/**
 * Every route of the API in one table: method, URL, who may call it, the zod schemas of its
 * body and query, and the handler. `buildServer` mounts the table; the authorisation tests
 * generate their matrix from `API_ROUTES`, so a new route cannot escape them.
 *
 * Access: `public` (anyone), `user` (signed in), or the least role in the URL's organisation
 * (`viewer` < `editor` < `owner`). Organisation routes answer 404 to non-members, exactly as
 * for a missing organisation, so ids reveal nothing.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { locateInText, parseStudyText } from '../../document/parse-study.js';
import { resolveStudy } from '../../document/resolve-study.js';
import { serializeStudy, studyFileData } from '../../document/serialize-study.js';
import {
  exportStudyWorkbook,
  importStudyWorkbook,
  MAX_WORKBOOK_BYTES,
  type WorkbookError,
} from '../../document/excel/index.js';
import { auditStudy } from '../../engine/audit/index.js';
import { evaluateStudy } from '../../engine/study/evaluate-study.js';
import { uncertainInputsOfStudy } from '../../engine/uncertainty/index.js';
import {
  renderReportHtml,
  renderReportPdf,
  type MonitoringReportSeries,
} from '../../report/index.js';
import { studyMonitoringForReport } from '../monitoring/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import { ROLES, type Role, type Store, type Study } from '../store/index.js';
import { HttpError } from './http-error.js';
import { MONITORING_ROUTES } from './monitoring-routes.js';
import {
  route,
  type Access,
  type Method,
  type RateLimited,
  type RouteContext,
  type RouteDefinition,
  type RouteParams,
  type RouteSpec,
} from './route.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { beginSession, endSession } from './sessions.js';

export type { Access, Method, RateLimited, RouteContext, RouteDefinition, RouteParams, RouteSpec };

export const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

const roleSchema = z.enum(ROLES as [Role, ...Role[]]);
const email = z.email().max(254);
const password = z.string().min(10, 'use at least 10 characters').max(256);
const INVITATION_DAYS = 7;

const studyFileErrors = (errors: unknown) =>
  new HttpError(400, 'invalid-study', 'the study file has errors', { errors });

/** A study file's text, checked by the document layer; errors carry line and column. */
export function studyFromText(text: string): StudyInput {
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw studyFileErrors(parsed.errors);
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) {
    throw studyFileErrors(resolved.problems.map((p) => locateInText(text, p.path, p.message)));
  }
  // Stored as written (a named standard set stays a name); resolved again when computed.
  return parsed.study;
}

/** Every computed result, on the study with its standard sets filled in. */
function evaluate(document: StudyInput) {
  const resolved = resolveStudy(document);
  if (!resolved.ok) return { results: {}, errors: resolved.problems };
  return evaluateStudy(resolved.study);
}

/** The study document as the API sends and receives it: the study file's JSON form. */
function studyFromJson(document: unknown): StudyInput {
  return studyFromText(JSON.stringify(document, null, 2));
}

const templates = new Map<string, Promise<string>>();
function templateText(language: 'en' | 'id'): Promise<string> {
  let text = templates.get(language);
  if (text === undefined) {
    text = readFile(
      new URL(`../../../examples/template.${language}.yaml`, import.meta.url),
      'utf8',
    );
    templates.set(language, text);
  }
  return text;
}

function withTitle(document: StudyInput, title: string | undefined): StudyInput {
  return title === undefined ? document : { ...document, study: { ...document.study, title } };
}

/** A study with its document in file form and every computed result. */
export function studyView(study: Study) {
  const { document, ...summary } = study;
  return { ...summary, document: studyFileData(document), evaluation: evaluate(document) };
}

function conflict(current: Study): HttpError {
  return new HttpError(
    409,
    'conflict',
    `the study was saved by someone else; it is now at revision ${current.revision}`,
    { current: studyView(current) },
  );
}

async function saved(
  result: Awaited<ReturnType<Store['saveStudy']>>,
): Promise<ReturnType<typeof studyView>> {
  if (result.kind === 'conflict') throw conflict(result.current);
  return studyView(result.study);
}

function fileName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug === '' ? 'study' : slug}.${extension}`;
}

async function me(store: Store, userId: string) {
  const [user, memberships] = await Promise.all([
    store.getUser(userId),
    store.listMemberships(userId),
  ]);
  return { user, memberships };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest workbook the import route accepts (the excel layer's own bound). */
export const XLSX_BODY_LIMIT = MAX_WORKBOOK_BYTES;

type Language = 'id' | 'en';

function attachment(reply: FastifyReply, type: string, name: string): void {
  void reply.type(type).header('content-disposition', `attachment; filename="${name}"`);
}

/** The report as HTML: the study resolved, every result, and the audit when values were published. */
function reportHtml(
  document: StudyInput,
  language: Language,
  date: string,
  monitoring: readonly MonitoringReportSeries[],
): string {
  const resolved = resolveStudy(document);
  if (!resolved.ok) {
    throw new HttpError(422, 'invalid-study', 'the study cannot be reported', {
      errors: resolved.problems,
    });
  }
  const study = resolved.study;
  const evaluation = evaluateStudy(study);
  return renderReportHtml(study, evaluation, {
    language,
    date,
    ...((study.published?.length ?? 0) > 0 && { audit: auditStudy(study, evaluation) }),
    ...(monitoring.length > 0 && { monitoring }),
  });
}

/** The study's stored monitoring series for its report (none while the study has errors). */
async function reportMonitoring(
  store: Store,
  study: Study,
  implementationDate: string | undefined,
): Promise<MonitoringReportSeries[]> {
  const resolved = resolveStudy(study.document);
  if (!resolved.ok) return [];
  const series = await studyMonitoringForReport({
    store,
    organisationId: study.organisationId,
    studyId: study.id,
    study: resolved.study,
  });
  return implementationDate === undefined
    ? series
    : series.map((s) => ({ ...s, implementationDate }));
}

const workbookErrors = (errors: readonly WorkbookError[]) =>
  new HttpError(400, 'invalid-workbook', 'the workbook has errors', { errors });

/** Bounds one request's work: 200 000 iterations is about a second on one core. */
const MAX_API_ITERATIONS = 200_000;

const ORG = '/api/orgs/:orgId';
const STUDY = `${ORG}/studies/:studyId`;

export const ROUTE_DEFINITIONS: readonly RouteDefinition[] = [
  route({
    method: 'GET',
    url: '/api/health',
    access: 'public',
    summary: 'Liveness and the database dialect',
    handle: ({ store }) => Promise.resolve({ status: 'ok', database: store.dialect }),
  }),
  route({
    method: 'GET',
    url: '/api/auth/csrf-token',
    access: 'public',
    summary: 'A CSRF token for this session: send it as the x-csrf-token header on writes',
    handle: async ({ reply }) => ({ csrfToken: await reply.generateCsrf() }),
  }),
  route({
    method: 'POST',
    url: '/api/auth/sign-up',
    access: 'public',
    summary:
      'Create an account and its personal organisation (as owner), and sign in (rate-limited per client address)',
    rateLimited: 'sign-up',
    body: z.strictObject({
      email,
      name: z.string().trim().min(1).max(200),
      password,
      organisationName: z.string().trim().min(1).max(200).optional(),
    }),
    async handle({ store, now, request, reply, body }) {
      const user = await store.createUser({
        email: body.email,
        name: body.name,
        passwordHash: await hashPassword(body.password),
      });
      await store.createOrganisation({
        name: body.organisationName ?? body.name,
        ownerId: user.id,
      });
      await beginSession(store, now, request, user.id);
      void reply.status(201);
      return { ...(await me(store, user.id)), csrfToken: await reply.generateCsrf() };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/sign-in',
    access: 'public',
    summary: 'Sign in (rate-limited per client address)',
    rateLimited: 'sign-in',
    body: z.strictObject({ email: z.string().max(254), password: z.string().max(256) }),
    async handle({ store, now, request, reply, body }) {
      const user = await store.findUserByEmail(body.email);
      if (!(await verifyPassword(user?.passwordHash, body.password)) || user === undefined) {
        throw new HttpError(401, 'invalid-credentials', 'the email or password is wrong');
      }
      await beginSession(store, now, request, user.id);
      return { ...(await me(store, user.id)), csrfToken: await reply.generateCsrf() };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/sign-out',
    access: 'user',
    summary: 'Sign out: this session ends, for every copy of its cookie',
    async handle({ store, request, reply }) {
      await endSession(store, request);
      void reply.status(204);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/sign-out-everywhere',
    access: 'user',
    summary: 'Sign out everywhere: every session of the user ends, on every device',
    async handle({ store, request, reply, userId }) {
      await store.revokeUserSessions(userId);
      request.session.delete();
      void reply.status(204);
      return undefined;
    },
  }),
  route({
    method: 'GET',
    url: '/api/auth/me',
    access: 'user',
    summary: 'The signed-in user and their organisations with roles',
    handle: ({ store, userId }) => me(store, userId),
  }),
  route({
    method: 'GET',
    url: '/api/orgs',
    access: 'user',
    summary: 'My organisations, with my role in each',
    handle: async ({ store, userId }) => ({ memberships: await store.listMemberships(userId) }),
  }),
  route({
    method: 'POST',
    url: '/api/invitations/accept',
    access: 'user',
    summary: 'Accept an invitation sent to my email',
    body: z.strictObject({ token: z.string().min(1).max(200) }),
    async handle({ store, userId, body, reply }) {
      const membership = await store.acceptInvitation({ token: body.token, userId });
      void reply.status(201);
      return { membership };
    },
  }),
  route({
    method: 'GET',
    url: `${ORG}/members`,
    access: 'viewer',
    summary: 'Members of the organisation with their roles',
    handle: async ({ store, params }) => ({ members: await store.listMembers(params.orgId) }),
  }),
  route({
    method: 'POST',
    url: `${ORG}/invitations`,
    access: 'owner',
    summary: 'Invite an email address with a role; the token is returned once, to pass on',
    body: z.strictObject({ email, role: roleSchema }),
    async handle({ store, now, params, body, userId, reply }) {
      const { invitation, token } = await store.createInvitation({
        organisationId: params.orgId,
        email: body.email,
        role: body.role,
        invitedBy: userId,
        expiresAt: new Date(now().getTime() + INVITATION_DAYS * 24 * 3600 * 1000),
      });
      void reply.status(201);
      return { invitation, token };
    },
  }),
  route({
    method: 'PATCH',
    url: `${ORG}/members/:userId`,
    access: 'owner',
    summary: "Change a member's role (the last owner cannot be demoted)",
    body: z.strictObject({ role: roleSchema }),
    async handle({ store, params, body }) {
      await store.setRole(params.orgId, params.userId, body.role);
      return { members: await store.listMembers(params.orgId) };
    },
  }),
  route({
    method: 'DELETE',
    url: `${ORG}/members/:userId`,
    access: 'owner',
    summary: 'Remove a member (the last owner cannot be removed)',
    async handle({ store, params, reply }) {
      await store.removeMember(params.orgId, params.userId);
      void reply.status(204);
      return undefined;
    },
  }),
  route({
    method: 'GET',
    url: `${ORG}/studies`,
    access: 'viewer',
    summary: "The organisation's studies, most recently updated first",
    handle: async ({ store, params }) => ({ studies: await store.listStudies(params.orgId) }),
  }),
  route({
    method: 'POST',
    url: `${ORG}/studies`,
    access: 'editor',
    summary:
      'Create a study: from the template (default, `template: en|id`), from study-file text (YAML or JSON, `text`), or from a document (`document`)',
    body: z
      .strictObject({
        template: z.enum(['en', 'id']).optional(),
        text: z
          .string()
          .max(2 * 1024 * 1024)
          .optional(),
        document: z.record(z.string(), z.unknown()).optional(),
        title: z.string().trim().min(1).max(300).optional(),
      })
      .refine(
        (b) => [b.template, b.text, b.document].filter((x) => x !== undefined).length <= 1,
        'give at most one of template, text and document',
      ),
    async handle({ store, params, body, userId, reply }) {
      const document =
        body.text !== undefined
          ? studyFromText(body.text)
          : body.document !== undefined
            ? studyFromJson(body.document)
            : studyFromText(await templateText(body.template ?? 'en'));
      const source =
        body.text !== undefined ? 'imported' : body.document ? 'created' : 'from template';
      const study = await store.createStudy(params.orgId, {
        document: withTitle(document, body.title),
        authorId: userId,
        summary: source,
      });
      void reply.status(201);
      return studyView(study);
    },
  }),
  route({
    method: 'GET',
    url: STUDY,
    access: 'viewer',
    summary: 'A study: current document, revision and every computed result',
    handle: async ({ store, params }) =>
      studyView(await store.getStudy(params.orgId, params.studyId)),
  }),
  route({
    method: 'PUT',
    url: STUDY,
    access: 'editor',
    summary: 'Save a new revision; a stale baseRevision gets 409 with the current study',
    body: z.strictObject({
      baseRevision: z.int().min(1),
      document: z.record(z.string(), z.unknown()),
      summary: z.string().trim().max(500).optional(),
    }),
    async handle({ store, params, body, userId }) {
      const document = studyFromJson(body.document);
      return saved(
        await store.saveStudy(params.orgId, params.studyId, {
          baseRevision: body.baseRevision,
          document,
          authorId: userId,
          summary: body.summary === undefined || body.summary === '' ? 'edited' : body.summary,
        }),
      );
    },
  }),
  route({
    method: 'DELETE',
    url: STUDY,
    access: 'editor',
    summary: 'Delete a study',
    async handle({ store, params, userId, reply }) {
      await store.deleteStudy(params.orgId, params.studyId, { deletedBy: userId });
      void reply.status(204);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    url: `${STUDY}/duplicate`,
    access: 'editor',
    summary: 'Duplicate a study in the same organisation',
    body: z.strictObject({ title: z.string().trim().min(1).max(300).optional() }),
    async handle({ store, params, userId, body, reply }) {
      const study = await store.duplicateStudy(params.orgId, params.studyId, {
        authorId: userId,
        ...(body.title === undefined ? {} : { title: body.title }),
      });
      void reply.status(201);
      return studyView(study);
    },
  }),
  route({
    method: 'POST',
    url: `${ORG}/studies/import-xlsx`,
    access: 'editor',
    summary: `Create a study from an Excel workbook (the raw bytes as ${XLSX_TYPE}, at most 20 MB); errors name sheet, cell and path`,
    rawBody: { contentType: XLSX_TYPE, bodyLimit: XLSX_BODY_LIMIT },
    async handle({ store, params, body, userId, reply }) {
      if (!Buffer.isBuffer(body)) {
        throw new HttpError(415, 'unsupported-media-type', `send the workbook as ${XLSX_TYPE}`);
      }
      const imported = await importStudyWorkbook(new Uint8Array(body));
      if (!imported.ok) throw workbookErrors(imported.errors);
      const resolved = resolveStudy(imported.study);
      if (!resolved.ok) {
        throw workbookErrors(
          resolved.problems.map((p) => ({ sheet: '', cell: '', path: p.path, message: p.message })),
        );
      }
      const study = await store.createStudy(params.orgId, {
        document: imported.study,
        authorId: userId,
        summary: 'imported from Excel',
      });
      void reply.status(201);
      return studyView(study);
    },
  }),
  route({
    method: 'GET',
    url: `${STUDY}/export`,
    access: 'viewer',
    summary:
      "The study file (yaml, the default, or json), the Excel workbook with computed results (xlsx), or the report (html, pdf; with the audit when the study has published values, and the stored monitoring series; `implemented=YYYY-MM-DD` adds their before/after); `lang=id|en` for xlsx, html and pdf, default the study's language. PDF needs Chromium: 503 without it.",
    query: z.strictObject({
      format: z.enum(['yaml', 'json', 'xlsx', 'html', 'pdf']).default('yaml'),
      lang: z.enum(['id', 'en']).optional(),
      implemented: z.iso.date().optional(),
    }),
    async handle({ store, now, chromiumPath, params, query, request, reply }) {
      const study = await store.getStudy(params.orgId, params.studyId);
      const name = (extension: string) => fileName(study.title, extension);
      const language = query.lang ?? study.document.language;
      switch (query.format) {
        case 'yaml':
        case 'json':
          attachment(
            reply,
            query.format === 'json' ? 'application/json' : 'application/yaml; charset=utf-8',
            name(query.format),
          );
          return serializeStudy(study.document, query.format);
        case 'xlsx': {
          const bytes = await exportStudyWorkbook(study.document, {
            language,
            results: evaluate(study.document).results,
          });
          attachment(reply, XLSX_TYPE, name('xlsx'));
          return Buffer.from(bytes);
        }
        case 'html': {
          const html = reportHtml(
            study.document,
            language,
            now().toISOString().slice(0, 10),
            await reportMonitoring(store, study, query.implemented),
          );
          attachment(reply, 'text/html; charset=utf-8', name('html'));
          return html;
        }
        case 'pdf': {
          const html = reportHtml(
            study.document,
            language,
            now().toISOString().slice(0, 10),
            await reportMonitoring(store, study, query.implemented),
          );
          let pdf: Uint8Array;
          try {
            pdf = await renderReportPdf(
              html,
              chromiumPath === undefined ? {} : { executablePath: chromiumPath },
            );
          } catch (error) {
            request.log.warn({ err: error }, 'PDF rendering failed');
            throw new HttpError(
              503,
              'pdf-unavailable',
              'the PDF could not be made on this server (is Chromium installed?); export html instead',
            );
          }
          attachment(reply, 'application/pdf', name('pdf'));
          return Buffer.from(pdf);
        }
      }
    },
  }),
  route({
    method: 'GET',
    url: `${STUDY}/uncertainty`,
    access: 'viewer',
    summary: `The seeded Monte Carlo of the option evaluation (as \`lestari uncertainty --json\`): the study's uncertainty block and ranges; iterations (at most ${MAX_API_ITERATIONS}) and seed default to the block's, else 10 000 and 1`,
    query: z.strictObject({
      iterations: z.coerce.number().int().min(1).max(MAX_API_ITERATIONS).optional(),
      seed: z.coerce.number().int().min(0).max(0xffffffff).optional(),
    }),
    async handle({ store, params, query, monteCarlo }) {
      const study = await store.getStudy(params.orgId, params.studyId);
      const resolved = resolveStudy(study.document);
      if (!resolved.ok) {
        throw new HttpError(422, 'invalid-study', 'the study cannot be analysed', {
          errors: resolved.problems,
        });
      }
      const block = resolved.study.uncertainty;
      const uncertainty = await monteCarlo(resolved.study, uncertainInputsOfStudy(resolved.study), {
        iterations: query.iterations ?? block?.iterations ?? 10_000,
        seed: query.seed ?? block?.seed ?? 1,
      });
      return { revision: study.revision, uncertainty };
    },
  }),
  route({
    method: 'GET',
    url: `${STUDY}/revisions`,
    access: 'viewer',
    summary: 'Every revision, newest first: who, when, what changed',
    handle: async ({ store, params }) => ({
      revisions: await store.listRevisions(params.orgId, params.studyId),
    }),
  }),
  route({
    method: 'GET',
    url: `${STUDY}/revisions/:revision`,
    access: 'viewer',
    summary: 'One revision with its document',
    async handle({ store, params }) {
      const { document, ...revision } = await store.getRevision(
        params.orgId,
        params.studyId,
        params.revision,
      );
      return { ...revision, document: studyFileData(document) };
    },
  }),
  route({
    method: 'POST',
    url: `${STUDY}/revisions/:revision/restore`,
    access: 'editor',
    summary: "Save an old revision's document as a new revision (409 when baseRevision is stale)",
    body: z.strictObject({ baseRevision: z.int().min(1), summary: z.string().max(500).optional() }),
    async handle({ store, params, body, userId }) {
      return saved(
        await store.restoreRevision(params.orgId, params.studyId, {
          revision: params.revision,
          baseRevision: body.baseRevision,
          authorId: userId,
          ...(body.summary === undefined ? {} : { summary: body.summary }),
        }),
      );
    },
  }),
  ...MONITORING_ROUTES,
];

/** Method, URL and access of every route, for documentation and the authorisation tests. */
export const API_ROUTES: readonly RouteSpec[] = ROUTE_DEFINITIONS.map(
  ({ method, url, access, summary }) => ({ method, url, access, summary }),
);
