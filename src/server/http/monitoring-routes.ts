/**
 * The monitoring routes of a study (issue 5): its series, a CSV streamed in as an import (all
 * or nothing, every refusal with its line), the dashboard from the stored rollups, and
 * deleting an import or a series.
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  MONITORING_RULES,
  parseTimeZone,
  type MonitoringAction,
  type MonitoringCsvOptions,
  type MonitoringRule,
} from '../../document/monitoring/index.js';
import { monitoringCsvFromWorkbook } from '../../document/excel/index.js';
import { resolveStudy } from '../../document/resolve-study.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import {
  deleteSeriesImport,
  importReadings,
  MonitoringServiceError,
  seriesDashboard,
  type MonitoringServiceErrorCode,
} from '../monitoring/index.js';
import { MONITORING_GRAINS, type MonitoringGrain, type Store } from '../store/index.js';
import { HttpError } from './http-error.js';
import { route, type RouteDefinition } from './route.js';

export const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest monitoring file one request takes: a few SPARING site-years. */
export const MONITORING_BODY_LIMIT = 512 * 1024 * 1024;
/** Hourly rollups are asked for a window of at most this many days. */
export const MAX_HOURLY_DAYS = 93;

const STUDY = '/api/orgs/:orgId/studies/:studyId';
const SERIES = `${STUDY}/monitoring/:seriesId`;
const RULES = MONITORING_RULES.filter((r) => r !== 'header');

const STATUS: Record<MonitoringServiceErrorCode, number> = {
  mapping: 422,
  overlap: 409,
  'too-large': 413,
  'no-rows': 422,
};

async function resolvedStudy(store: Store, orgId: string, studyId: string): Promise<StudyInput> {
  const study = await store.getStudy(orgId, studyId);
  const resolved = resolveStudy(study.document);
  if (!resolved.ok) {
    throw new HttpError(422, 'invalid-study', 'the study has errors; fix them first', {
      errors: resolved.problems,
    });
  }
  return resolved.study;
}

/** The service's expected failures as HTTP errors. */
async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof MonitoringServiceError) {
      throw new HttpError(STATUS[error.code], error.code, error.message, error.details);
    }
    throw error;
  }
}

const policySchema = z
  .string()
  .max(500)
  .transform((text, context) => {
    const policy: Partial<Record<Exclude<MonitoringRule, 'header'>, MonitoringAction>> = {};
    for (const entry of text.split(',').filter((e) => e.trim() !== '')) {
      const m = /^([a-z-]+)[=:](reject|flag)$/.exec(entry.trim());
      const rule = m?.[1] as Exclude<MonitoringRule, 'header'> | undefined;
      if (m === null || rule === undefined || !RULES.includes(rule)) {
        context.addIssue({
          code: 'custom',
          message: `"${entry}": must be RULE=reject or RULE=flag, RULE one of ${RULES.join(', ')}`,
        });
        return z.NEVER;
      }
      policy[rule] = m[2] as MonitoringAction;
    }
    return policy as MonitoringCsvOptions['policy'];
  });

const zoneSchema = z
  .string()
  .max(20)
  .transform((text, context) => {
    const zone = parseTimeZone(text);
    if (zone === undefined) {
      context.addIssue({ code: 'custom', message: 'not a time zone (WIB, WITA, WIT, +07:00)' });
      return z.NEVER;
    }
    return zone;
  });

const instant = z
  .string()
  .max(40)
  .transform((text, context) => {
    const ms = Date.parse(text);
    if (!Number.isFinite(ms)) {
      context.addIssue({ code: 'custom', message: 'not a date (2026-01-31 or ISO 8601)' });
      return z.NEVER;
    }
    return ms;
  });

const grainsSchema = z
  .string()
  .max(40)
  .transform((text, context) => {
    const grains = text.split(',').map((g) => g.trim());
    for (const g of grains) {
      if (!MONITORING_GRAINS.includes(g as MonitoringGrain)) {
        context.addIssue({ code: 'custom', message: `"${g}": must be hour, day or month` });
        return z.NEVER;
      }
    }
    return grains as MonitoringGrain[];
  });

/** An Excel workbook's monitoring sheet as the CSV the reader takes. */
async function* workbookChunks(body: Uint8Array): AsyncIterable<string> {
  const converted = await monitoringCsvFromWorkbook(body);
  if (!converted.ok) throw new HttpError(422, 'invalid-workbook', converted.message);
  yield converted.csv;
}

/** The request body as chunks, whatever the content-type parser gave. */
async function* bodyChunks(body: unknown): AsyncIterable<Uint8Array | string> {
  if (body instanceof Uint8Array) {
    yield* workbookChunks(body);
    return;
  }
  if (typeof body === 'string') {
    yield Buffer.from(body);
    return;
  }
  if (body !== null && typeof body === 'object' && 'iterator' in body) {
    // Not destroyed when reading stops early: the rest is drained so the client gets the answer.
    for await (const chunk of (body as Readable).iterator({ destroyOnReturn: false })) {
      yield chunk as Uint8Array;
    }
    return;
  }
  throw new HttpError(400, 'bad-request', `send the CSV file as the body (${CSV_TYPE})`);
}

/** Reads and drops the rest of a request body, so an early answer reaches the client. */
async function drain(body: unknown): Promise<void> {
  if (body === null || typeof body !== 'object' || !('readableEnded' in body)) return;
  const stream = body as Readable;
  if (stream.readableEnded || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    stream
      .on('end', resolve)
      .on('error', () => resolve())
      .on('close', resolve);
    stream.resume();
  });
}

export const MONITORING_ROUTES: readonly RouteDefinition[] = [
  route({
    method: 'GET',
    url: `${STUDY}/monitoring`,
    access: 'viewer',
    summary: "The study's monitoring series (sites), each with its readings and time span",
    handle: async ({ store, params }) => ({
      series: await store.listMonitoringSeries(params.orgId, params.studyId),
    }),
  }),
  route({
    method: 'POST',
    url: `${STUDY}/monitoring/imports`,
    access: 'editor',
    summary: `Import a monitoring CSV (body ${CSV_TYPE}, streamed, at most ${MONITORING_BODY_LIMIT / 1024 / 1024} MB; or an Excel workbook's first sheet with data, body ${XLSX_TYPE}, at most 20 MB) into a series (made from the file's columns when new): all or nothing; a refused file answers 422 with every issue and its line`,
    rawBody: { contentType: CSV_TYPE, bodyLimit: MONITORING_BODY_LIMIT, stream: true },
    query: z.strictObject({
      series: z.string().trim().min(1).max(100).optional(),
      file: z.string().trim().min(1).max(255).optional(),
      zone: zoneSchema.optional(),
      interval: z.coerce.number().positive().max(31_622_400).optional(),
      flow: z.string().trim().min(1).max(100).optional(),
      policy: policySchema.optional(),
    }),
    async handle({ store, params, query, request, reply, userId }) {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MONITORING_BODY_LIMIT) {
        throw new HttpError(
          413,
          'body-too-large',
          `the file is larger than ${MONITORING_BODY_LIMIT} bytes`,
        );
      }
      const outcome = await mapped(importFile()).catch(async (error: unknown) => {
        await drain(request.body);
        throw error;
      });
      async function importFile() {
        const study = await resolvedStudy(store, params.orgId, params.studyId);
        return importReadings({
          store,
          organisationId: params.orgId,
          studyId: params.studyId,
          study,
          seriesName: query.series,
          fileName: query.file ?? 'readings.csv',
          createdBy: userId,
          chunks: bodyChunks(request.body),
          maxBytes: MONITORING_BODY_LIMIT,
          reader: {
            timeZone: query.zone,
            expectedIntervalSeconds: query.interval,
            flowColumn: query.flow,
            policy: query.policy,
          },
        });
      }
      if (!outcome.ok) {
        const r = outcome.reader;
        throw new HttpError(
          422,
          'refused',
          `the file was refused: ${r.firstRejection === undefined ? 'see the issues' : `line ${r.firstRejection.line}: ${r.firstRejection.message}`}; nothing was stored`,
          {
            counts: r.counts,
            issues: r.issues,
            issuesTruncated: r.issuesTruncated,
            policy: r.policy,
          },
        );
      }
      void reply.status(201);
      return { series: outcome.series, import: outcome.import, report: outcome.report };
    },
  }),
  route({
    method: 'GET',
    url: SERIES,
    access: 'viewer',
    summary: `A series' dashboard: summaries, alert events and the rollups (grains day,month by default; hour for windows of at most ${MAX_HOURLY_DAYS} days) whose buckets start in [from, to)`,
    query: z.strictObject({
      from: instant.optional(),
      to: instant.optional(),
      grains: grainsSchema.optional(),
    }),
    async handle({ store, params, query }) {
      const grains = query.grains ?? ['day', 'month'];
      if (grains.includes('hour')) {
        const span = (query.to ?? Infinity) - (query.from ?? -Infinity);
        if (!(span <= MAX_HOURLY_DAYS * 86_400_000)) {
          throw new HttpError(
            400,
            'invalid',
            `hourly rollups need from and to at most ${MAX_HOURLY_DAYS} days apart`,
          );
        }
      }
      const study = await resolvedStudy(store, params.orgId, params.studyId);
      const dashboard = await mapped(
        seriesDashboard({
          store,
          organisationId: params.orgId,
          studyId: params.studyId,
          study,
          seriesId: params.seriesId,
          query: { grains, fromMs: query.from, toMs: query.to },
        }),
      );
      return {
        series: dashboard.series,
        imports: dashboard.imports,
        result: dashboard.derived?.result ?? null,
        recomputed: dashboard.recomputed,
      };
    },
  }),
  route({
    method: 'DELETE',
    url: SERIES,
    access: 'editor',
    summary: 'Delete a series with all its imports, readings and rollups',
    async handle({ store, params, reply }) {
      await store.deleteMonitoringSeries(params.orgId, params.studyId, params.seriesId);
      void reply.status(204);
      return null;
    },
  }),
  route({
    method: 'DELETE',
    url: `${SERIES}/imports/:importId`,
    access: 'editor',
    summary: "Delete one import's readings; the series' rollups are recomputed from the rest",
    async handle({ store, params }) {
      const study = await resolvedStudy(store, params.orgId, params.studyId);
      const series = await mapped(
        deleteSeriesImport({
          store,
          organisationId: params.orgId,
          studyId: params.studyId,
          study,
          seriesId: params.seriesId,
          importId: params.importId,
        }),
      );
      return { series };
    },
  }),
];
