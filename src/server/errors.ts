import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../shared/api.js';
import { isPictoError, type ErrorCode } from '../shared/errors.js';

/**
 * Every error code as the API answers it: the HTTP status and the `error` kind clients read.
 * The one place codes meet HTTP. Kinds are a public contract: a new code may reuse a kind or add
 * one, an existing kind never changes.
 */
export const HTTP_ERRORS: Record<ErrorCode, { status: number; kind: string }> = {
  invalid: { status: 400, kind: 'bad-request' },
  validation: { status: 400, kind: 'validation' },
  'not-found': { status: 404, kind: 'not-found' },
  'not-ready': { status: 404, kind: 'not-found' },
  'not-a-photo': { status: 404, kind: 'not-found' },
  conflict: { status: 409, kind: 'conflict' },
  // Library folders (kinds as the folder API has always named them).
  'folder-not-found': { status: 400, kind: 'not-found' },
  'not-a-folder': { status: 400, kind: 'not-a-folder' },
  'data-dir': { status: 400, kind: 'data-dir' },
  nested: { status: 409, kind: 'nested' },
  'unknown-folder': { status: 404, kind: 'unknown-folder' },
  // An image sent to the API (find by face) that Picto cannot use.
  unsupported: { status: 415, kind: 'unsupported-media-type' },
  'too-large': { status: 413, kind: 'too-large' },
  empty: { status: 422, kind: 'unprocessable' },
  corrupt: { status: 422, kind: 'unprocessable' },
  'no-preview': { status: 422, kind: 'unprocessable' },
  'decode-failed': { status: 422, kind: 'unprocessable' },
  unreadable: { status: 422, kind: 'unprocessable' },
  'no-video-stream': { status: 422, kind: 'unprocessable' },
  // The machine, not the request: no ffmpeg that runs, or it overran its time limit.
  'no-video-tools': { status: 503, kind: 'unavailable' },
  timeout: { status: 503, kind: 'unavailable' },
  'bad-range': { status: 416, kind: 'range-not-satisfiable' },
  'model-unavailable': { status: 503, kind: 'unavailable' },
  unauthorised: { status: 401, kind: 'unauthorised' },
  'local-only': { status: 403, kind: 'forbidden' },
  'cross-site': { status: 403, kind: 'cross-site' },
  'rate-limited': { status: 429, kind: 'rate-limited' },
  usage: { status: 400, kind: 'bad-request' },
};

/** The API body for a code: `{ statusCode, error, message }`. */
export function apiError(code: ErrorCode, message: string): ApiError {
  const { status, kind } = HTTP_ERRORS[code];
  return { statusCode: status, error: kind, message };
}

/** Answers with the error of a code (hooks that reply before any route runs). */
export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  const body = apiError(code, message);
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}

/**
 * Fastify's own 4xx errors (a body over the limit, an unknown content type, malformed JSON) have a
 * status and no code: their kind is that of the first code with the same status, else bad-request.
 */
function frameworkKind(status: number): string {
  return Object.values(HTTP_ERRORS).find((e) => e.status === status)?.kind ?? 'bad-request';
}

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string; allowedValue?: unknown };
}

/** "body/name must NOT have fewer than 1 characters": names the field and says what is wrong. */
function validationError(err: FastifyError): ApiError {
  const first = (err.validation?.[0] ?? {}) as AjvError;
  const context =
    (err as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  let field = `${context}${first.instancePath ?? ''}`;
  if (first.params?.missingProperty) field += `/${first.params.missingProperty}`;
  let message = `${field} ${first.message ?? 'is not valid'}`;
  if (first.params?.allowedValue !== undefined)
    message += ` (${JSON.stringify(first.params.allowedValue)})`;
  return { ...apiError('validation', message), field };
}

function toApiError(err: unknown): ApiError {
  if (isPictoError(err)) return apiError(err.code, err.message);
  const fe = err as FastifyError;
  if (fe?.validation) return validationError(fe);
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { statusCode: fe.statusCode, error: frameworkKind(fe.statusCode), message: fe.message };
  }
  return { statusCode: 500, error: 'internal', message: 'internal error (see the server log)' };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const body = toApiError(err);
    if (body.statusCode >= 500) req.log.error({ err }, 'request failed');
    return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });
}

export function apiNotFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, 'not-found', `no such endpoint: ${req.method} ${req.url.split('?')[0]}`);
}
