import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CatalogError } from '../collection/errors.js';
import { FolderError } from '../library/folders.js';
import type { ApiError } from '../shared/api.js';

/** An API failure with an HTTP status; services outside the catalogue throw this. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

const KIND_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  416: 'range-not-satisfiable',
};

const FOLDER_STATUS: Record<FolderError['code'], number> = {
  'not-found': 400,
  'not-a-folder': 400,
  'data-dir': 400,
  nested: 409,
  'unknown-folder': 404,
};

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
  return { statusCode: 400, error: 'validation', message, field };
}

function toApiError(err: unknown): ApiError {
  if (err instanceof HttpError)
    return { statusCode: err.statusCode, error: err.kind, message: err.message };
  if (err instanceof CatalogError) {
    return { statusCode: err.status, error: KIND_BY_STATUS[err.status], message: err.message };
  }
  if (err instanceof FolderError) {
    const status = FOLDER_STATUS[err.code] ?? 400;
    return { statusCode: status, error: err.code, message: err.message };
  }
  const fe = err as FastifyError;
  if (fe?.validation) return validationError(fe);
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      statusCode: fe.statusCode,
      error: KIND_BY_STATUS[fe.statusCode] ?? 'bad-request',
      message: fe.message,
    };
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
  const body: ApiError = {
    statusCode: 404,
    error: 'not-found',
    message: `no such endpoint: ${req.method} ${req.url.split('?')[0]}`,
  };
  return reply.code(404).send(body);
}
