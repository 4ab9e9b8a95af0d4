/**
 * The one error the HTTP layer sends, and the one error handler that turns anything thrown
 * into `{ error: { code, message, details? } }`: expected failures (HttpError, StoreError,
 * GpError, validation, Fastify's own 4xx) keep their status; anything else is a 500 whose body
 * says nothing about the cause (the cause goes to the log only).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { GpError } from '../../engine/errors.js';
import { StoreError, type StoreErrorCode } from '../store/index.js';

export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Fastify and its plugins read `statusCode`. */
  get statusCode(): number {
    return this.status;
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

const STORE_STATUS: Record<StoreErrorCode, number> = {
  'not-found': 404,
  conflict: 409,
  duplicate: 409,
  'forbidden-last-owner': 409,
  invalid: 400,
};

/** Fastify's and its plugins' error codes → ours. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_CSRF_MISSING_SECRET: 'csrf',
  FST_CSRF_INVALID_TOKEN: 'csrf',
};

/** The status and body for anything a handler or hook threw. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreError)
    return new HttpError(STORE_STATUS[error.code], error.code, error.detail);
  if (error instanceof GpError) {
    return new HttpError(400, error.code, error.message, { field: error.field });
  }
  if (error instanceof ZodError) {
    return new HttpError(400, 'invalid-request', 'the request is not valid', {
      issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  if (error instanceof SyntaxError && (error as { statusCode?: unknown }).statusCode === 400) {
    return new HttpError(400, 'malformed-json', 'the body is not valid JSON');
  }
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const fastifyCode = (error as Partial<FastifyError>).code ?? '';
    const code = FASTIFY_CODES[fastifyCode] ?? (status === 429 ? 'rate-limited' : 'bad-request');
    const message =
      code === 'malformed-json' ? 'the body is not valid JSON' : (error as Error).message;
    return new HttpError(status, code, message);
  }
  return new HttpError(500, 'internal', 'internal server error');
}

export function errorBody(error: HttpError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const http = toHttpError(error);
  if (http.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: http.code, status: http.status }, 'request refused');
  void reply.status(http.status).send(errorBody(http));
}
