/**
 * The HTTP API as a Fastify instance, testable in memory with `app.inject()`.
 *
 * Security, in one place:
 * - bodies are bounded (`bodyLimit`, 2 MB; the raw Excel import its own 20 MB); helmet sets
 *   the security headers;
 * - the session is an encrypted cookie (@fastify/secure-session): HTTP-only, SameSite=Lax,
 *   Secure whenever the request came over HTTPS (`secure: 'auto'`; set `trustProxy` behind a
 *   TLS-terminating proxy). It names a session row of the store, checked on every request
 *   that needs a user, so sign-out ends the session even for a copied cookie (sessions.ts);
 * - CSRF: every state-changing request of a signed-in session must carry the header
 *   `x-csrf-token`. The client gets the token from the sign-up and sign-in responses
 *   (`csrfToken`) or from `GET /api/auth/csrf-token`;
 * - sign-in and sign-up are rate-limited per client address; passwords are argon2id hashes;
 * - with `webRoot`, the browser app is served at / under a Content-Security-Policy that
 *   allows only this origin (web-app.ts);
 * - the log never holds passwords, tokens or cookies (pino redaction; bodies are not logged).
 */
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySecureSession from '@fastify/secure-session';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { z } from 'zod';
import type { Store } from '../store/index.js';
import { monteCarloRunner } from './monte-carlo-runner.js';
import { HttpError, errorBody, errorHandler } from './http-error.js';
import { ROLE_RANK, ROUTE_DEFINITIONS, type RateLimited, type RouteDefinition } from './routes.js';
import { SESSION_SECONDS, sessionUser } from './sessions.js';
import {
  CONTENT_SECURITY_POLICY,
  isAppPath,
  sendAppPage,
  serveWebApp,
  webAppRoot,
} from './web-app.js';

export const SESSION_COOKIE = 'lestari_session';
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;

export interface BuildServerOptions {
  readonly store: Store;
  /** 32 bytes: a Buffer, or its hex (64 characters) or base64 text. */
  readonly sessionKey: Buffer | string;
  /** The clock for invitation expiry. Default: the system clock. */
  readonly now?: () => Date;
  /** false (default) or pino options; redaction of secrets is always added. */
  readonly logger?: boolean | Exclude<FastifyServerOptions['logger'], boolean | undefined>;
  /** Sign-in attempts allowed per client address per window. Default 10 per minute. */
  readonly signInRateLimit?: RateLimit;
  /** Sign-up attempts allowed per client address per window. Default 10 per minute. */
  readonly signUpRateLimit?: RateLimit;
  /** Trust X-Forwarded-* (behind a reverse proxy). Default false. */
  readonly trustProxy?: boolean;
  /** The Chromium for PDF reports. Default the report layer's (/usr/bin/chromium). */
  readonly chromiumPath?: string;
  /** The built browser app (index.html, assets/): served at / when it holds index.html. */
  readonly webRoot?: string;
  /**
   * Threads in all (this one included) for an uncertainty Monte Carlo of two blocks or more.
   * Default: the cores, at most 4; 1: no worker threads. The workers start at the first such
   * request and stop with the server.
   */
  readonly uncertaintyThreads?: number;
}

export interface RateLimit {
  readonly max: number;
  readonly timeWindow: number | string;
}

const DEFAULT_RATE_LIMIT: RateLimit = { max: 10, timeWindow: '1 minute' };

const REDACT = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
    'password',
    'token',
    'csrfToken',
    '*.password',
    '*.token',
    '*.passwordHash',
  ],
  censor: '[redacted]',
};

export function sessionKeyBuffer(key: Buffer | string): Buffer {
  const buffer =
    typeof key !== 'string'
      ? key
      : /^[0-9a-f]{64}$/i.test(key)
        ? Buffer.from(key, 'hex')
        : Buffer.from(key, 'base64');
  if (buffer.length !== 32) throw new Error('the session key must be 32 bytes (64 hex characters)');
  return buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs name nothing: 404, as for any missing thing. */
function checkParams(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    const ok = name === 'revision' ? /^[1-9]\d{0,8}$/.test(value) : UUID.test(value);
    if (!ok) throw new HttpError(404, 'not-found', `no such ${name.replace(/Id$/, '')}`);
  }
}

function jsonSchema(schema: z.ZodType | undefined): Record<string, unknown> | undefined {
  if (schema === undefined) return undefined;
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
}

export function buildServer(options: BuildServerOptions): FastifyInstance {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const logger =
    options.logger === undefined || options.logger === false
      ? false
      : { ...(options.logger === true ? {} : options.logger), redact: REDACT };

  const app = Fastify({
    logger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Bodies are validated by zod in the route (below); the JSON Schemas are for OpenAPI only.
    ajv: { customOptions: { strict: false } },
  });
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  const monteCarlo = monteCarloRunner(options.uncertaintyThreads);
  app.addHook('onClose', () => monteCarlo.close());
  app.setErrorHandler(errorHandler);
  const webApp = webAppRoot(options.webRoot);
  if (options.webRoot !== undefined && webApp === undefined) {
    app.log.warn(
      { webRoot: options.webRoot },
      'no index.html in webRoot: the web app is not served',
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (webApp !== undefined && isAppPath(request)) return sendAppPage(reply);
    return reply.status(404).send(errorBody(new HttpError(404, 'not-found', 'no such route')));
  });

  // Raw bodies (the Excel import): a Buffer, bounded by the global limit unless the route
  // sets its own; any other route refuses a Buffer body in its zod schema.
  // A streamed raw body (the monitoring import) is handed over as the request stream; its
  // handler counts the bytes against the route's limit.
  const rawBodies = ROUTE_DEFINITIONS.flatMap((d) => (d.rawBody === undefined ? [] : [d.rawBody]));
  for (const type of new Set(rawBodies.map((b) => b.contentType))) {
    if (rawBodies.some((b) => b.contentType === type && b.stream === true)) {
      app.addContentTypeParser(type, (_request, payload, done) => {
        done(null, payload);
      });
    } else {
      app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => {
        done(null, body);
      });
    }
  }

  void app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  });
  void app.register(fastifySecureSession, {
    key: sessionKeyBuffer(options.sessionKey),
    cookieName: SESSION_COOKIE,
    expiry: SESSION_SECONDS,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' },
  });
  void app.register(fastifyCsrfProtection, { sessionPlugin: '@fastify/secure-session' });
  void app.register(fastifyRateLimit, { global: false });
  void app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Lestari API',
        version: '0.1.0',
        description:
          'Green Productivity studies by organisation. Sign in sets an HTTP-only session cookie; writes also need the x-csrf-token header (from the sign-in response or GET /api/auth/csrf-token).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });

  const rateLimits: Record<RateLimited, RateLimit> = {
    'sign-in': options.signInRateLimit ?? DEFAULT_RATE_LIMIT,
    'sign-up': options.signUpRateLimit ?? DEFAULT_RATE_LIMIT,
  };

  void app.register(async (api) => {
    for (const definition of ROUTE_DEFINITIONS) mount(api, definition);
    api.get('/api/openapi.json', { schema: { hide: true } }, () => api.swagger());
  });
  if (webApp !== undefined) serveWebApp(app, webApp);

  function mount(api: FastifyInstance, definition: RouteDefinition): void {
    const writes = definition.method !== 'GET';
    const body = jsonSchema(definition.body);
    const querystring = jsonSchema(definition.query);
    api.route({
      method: definition.method,
      url: definition.url,
      schema: {
        summary: definition.summary,
        ...(body === undefined ? {} : { body }),
        ...(querystring === undefined ? {} : { querystring }),
        ...(definition.access === 'public' ? {} : { security: [{ session: [], csrf: [] }] }),
      },
      ...(definition.rawBody === undefined ? {} : { bodyLimit: definition.rawBody.bodyLimit }),
      ...(definition.rateLimited === undefined
        ? {}
        : { config: { rateLimit: rateLimitConfig(definition.rateLimited) } }),
      preHandler: [
        // 401 before anything else when a signed-in user is needed: the cookie must name an
        // active session of its user (a deleted user's sessions go with it). The cookie of a
        // revoked or expired session is cleared, so the browser stops sending it.
        async (request: FastifyRequest) => {
          if (definition.access === 'public') return;
          if ((await sessionUser(store, now, request)) === undefined) {
            if (request.session.get('userId') !== undefined) request.session.delete();
            throw new HttpError(401, 'unauthenticated', 'sign in first');
          }
        },
        // CSRF on every write of a signed-in session.
        (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
          if (writes && request.session.get('userId') !== undefined) {
            api.csrfProtection(request, reply, done);
          } else done();
        },
      ],
      handler: async (request, reply) => {
        const params = request.params as Record<string, string>;
        // Checked against its session row above; a public route's cookie may name a dead one.
        const userId = definition.access === 'public' ? '' : (request.session.get('userId') ?? '');
        checkParams(params);
        if (definition.access !== 'public' && definition.access !== 'user') {
          const role = await store.getRole(params['orgId'] ?? '', userId);
          if (role === undefined) throw new HttpError(404, 'not-found', 'no such organisation');
          if (ROLE_RANK[role] < ROLE_RANK[definition.access]) {
            throw new HttpError(403, 'forbidden', `this needs the ${definition.access} role`);
          }
        }
        const result = await definition.handle({
          store,
          now,
          chromiumPath: options.chromiumPath,
          monteCarlo: monteCarlo.run,
          request,
          reply,
          userId,
          params: {
            orgId: params['orgId'] ?? '',
            studyId: params['studyId'] ?? '',
            userId: params['userId'] ?? '',
            revision: Number(params['revision'] ?? 0),
            seriesId: params['seriesId'] ?? '',
            importId: params['importId'] ?? '',
          },
          body:
            definition.body === undefined
              ? request.body
              : // No body is an empty object: required fields are then named in the 400.
                definition.body.parse(request.body ?? {}),
          query:
            definition.query === undefined ? request.query : definition.query.parse(request.query),
        });
        return result;
      },
    });
  }

  function rateLimitConfig(kind: RateLimited) {
    return {
      ...rateLimits[kind],
      errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
        new HttpError(
          429,
          'rate-limited',
          `too many ${kind} attempts; try again in ${context.after}`,
        ),
    };
  }

  return app;
}
