/**
 * One route of the API: method, URL, who may call it, the zod schemas of its body and query,
 * and the handler. The route tables (routes.ts, monitoring-routes.ts) are lists of these.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  MonteCarloSettings,
  MonteCarloStudyResult,
  UncertainInputs,
} from '../../engine/uncertainty/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import type { Role, Store } from '../store/index.js';

export type Access = 'public' | 'user' | Role;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<B, Q> {
  readonly store: Store;
  readonly now: () => Date;
  /** The Chromium that renders PDF reports; default the report layer's. */
  readonly chromiumPath: string | undefined;
  /** The uncertainty Monte Carlo on the server's worker threads (the same result as on one). */
  readonly monteCarlo: (
    study: StudyInput,
    uncertain: UncertainInputs,
    settings: MonteCarloSettings,
  ) => Promise<MonteCarloStudyResult>;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  /** '' on public routes. */
  readonly userId: string;
  /** The URL's parameters; those not in the route's URL are ''/0. */
  readonly params: RouteParams;
  readonly body: B;
  readonly query: Q;
}

export interface RouteParams {
  readonly orgId: string;
  readonly studyId: string;
  readonly userId: string;
  readonly revision: number;
  readonly seriesId: string;
  readonly importId: string;
}

export interface RouteSpec {
  readonly method: Method;
  readonly url: string;
  readonly access: Access;
  readonly summary: string;
}

/** The routes rate-limited per client address, each with its own limit. */
export type RateLimited = 'sign-in' | 'sign-up';

export interface RouteDefinition extends RouteSpec {
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly rateLimited?: RateLimited;
  /**
   * A raw body of this content type instead of JSON: a Buffer bounded by `bodyLimit`, or with
   * `stream` the request itself as a readable stream (the handler bounds it by `bodyLimit`).
   */
  readonly rawBody?: {
    readonly contentType: string;
    readonly bodyLimit: number;
    readonly stream?: boolean;
  };
  handle(context: RouteContext<unknown, unknown>): Promise<unknown>;
}

export function route<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  definition: RouteSpec & {
    body?: B;
    query?: Q;
    rateLimited?: RateLimited;
    rawBody?: { contentType: string; bodyLimit: number; stream?: boolean };
    handle(context: RouteContext<z.output<B>, z.output<Q>>): Promise<unknown>;
  },
): RouteDefinition {
  return definition as RouteDefinition;
}
