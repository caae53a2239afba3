import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { Tag } from './tags.js';

// [Note: One declaration per route]
//
// Each HTTP route is declared once, here in src/shared, as plain data: method, path, schemas and
// the statuses it answers. The server registers the fastify route from it (src/server/route.ts:
// validation, serialisation, the OpenAPI document) and the web client builds its URL and types
// its answer from the same object (web/src/api/call.ts), so a changed path or schema breaks the
// web build instead of a page at run time. Only TypeBox and src/shared may be imported here: the
// browser bundle loads these files.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204 | 206;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 416 | 422 | 429 | 503;

/** What each error status means on this API; every error body is an `ApiError`. */
export const ERROR_REPLIES: Record<ErrorStatus, string> = {
  400: 'The request is not valid (the message names the field)',
  401: 'From another machine without the access token',
  403: 'A change sent by a page of another site, or the folder picker asked from another machine',
  404: 'Not found (or not ready yet)',
  409: 'Conflicts with the library as it is',
  413: 'Over the size or pixel limit',
  415: 'Not an image format Picto knows',
  416: 'The byte range lies outside the file',
  422: 'An image Picto cannot use (empty, broken, undecodable)',
  429: 'Too many requests, or wrong tokens, from this address',
  503: 'The model this needs is not available',
};

/** Bytes that are not JSON (images, files, an event stream), with their media types. */
export interface Media {
  readonly media: readonly string[];
  readonly description: string;
  /** Text (an event stream), not binary. */
  readonly text?: boolean;
}

export const binary = (description: string, ...media: string[]): Media => ({ media, description });
export const eventStream = (description: string): Media => ({
  media: ['text/event-stream'],
  description,
  text: true,
});
export const isMedia = (x: unknown): x is Media =>
  typeof x === 'object' && x !== null && Array.isArray((x as Media).media);

/** Bytes as each side holds them: a Blob or File in the browser, a Buffer on the server. */
export type BinaryData = Blob | Uint8Array;

export interface RouteSpec {
  readonly method: Method;
  /** The full path, fastify style: `/api/albums/:id`. */
  readonly path: `/api/${string}`;
  readonly tag: Tag;
  readonly summary: string;
  readonly description?: string;
  readonly params?: TObject;
  readonly query?: TObject;
  /** A JSON schema, or `binary(…)` for raw bytes (an uploaded image). */
  readonly body?: TSchema | Media;
  /** Success replies by status: a JSON schema, or `binary(…)`/`eventStream(…)`. */
  readonly response: { readonly [S in SuccessStatus]?: TSchema | Media };
  /** Error statuses particular to the route (404, 409, …); see `errorsOf` for those implied. */
  readonly errors?: readonly ErrorStatus[];
}

/** A declaration as the index exports it: its key is its operationId, its errors complete. */
export type RouteDecl<S extends RouteSpec = RouteSpec> = S & {
  readonly operationId: string;
  readonly errors: readonly ErrorStatus[];
};

/**
 * The error statuses a route answers: its own, plus what every route may answer. Other machines
 * need the token (401) and are rate limited (429); writes from other sites are refused (403);
 * anything that takes input can fail validation (400).
 */
export function errorsOf(s: RouteSpec): ErrorStatus[] {
  const all = new Set<ErrorStatus>([...(s.errors ?? []), 401, 429]);
  if (s.method !== 'GET') all.add(403);
  if (s.params || s.query || s.body) all.add(400);
  return [...all].sort((a, b) => a - b);
}

/** The `:name` parameters of a path: '/api/albums/:id/photos' → 'id'. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type Names<P extends string> = [PathParams<P>] extends [never] ? 'it has none' : PathParams<P>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A build error on `params` when they are not exactly the path's `:names`. */
type ParamsOfPath<S> = S extends { path: infer P extends string }
  ? S extends { params: infer O extends TObject }
    ? Same<keyof Static<O>, PathParams<P>> extends true
      ? unknown
      : { params: `params must be exactly the path's :names (${Names<P>})` }
    : [PathParams<P>] extends [never]
      ? unknown
      : { params: `declare params for the path's :names (${Names<P>})` }
  : unknown;

/** Declares a group of routes; each key becomes its route's operationId. */
export function declareRoutes<const T extends Record<string, RouteSpec>>(
  specs: T & { [K in keyof T]: ParamsOfPath<T[K]> },
): { readonly [K in keyof T]: T[K] & { readonly operationId: K; readonly errors: ErrorStatus[] } } {
  const out: Record<string, RouteDecl> = {};
  for (const [operationId, spec] of Object.entries(specs))
    out[operationId] = { ...spec, operationId, errors: errorsOf(spec) };
  return out as never;
}

// Types derived from a declaration ----------------------------------------------------------

type Payload<S> = S extends Media ? BinaryData : S extends TSchema ? Static<S> : never;
type Reply<S> = S extends Media ? Blob : S extends TSchema ? Static<S> : never;

export type ParamsOf<D> = D extends { params: infer P extends TObject } ? Static<P> : unknown;
export type QueryOf<D> = D extends { query: infer Q extends TObject } ? Static<Q> : unknown;
export type BodyOf<D> = D extends { body: infer B } ? Payload<B> : unknown;

/** What the server sends per success status (bytes as the server holds them). */
export type RepliesOf<D extends RouteSpec> = {
  [S in keyof D['response']]: Payload<D['response'][S]>;
};
/** What a client gets back from any success status. */
export type SuccessOf<D extends RouteSpec> = {
  [S in keyof D['response']]-?: Reply<D['response'][S]>;
}[keyof D['response']];

/** The parts of a request a client gives: required where the declaration needs them. */
export type UrlInput<D> = (D extends { params: infer P extends TObject }
  ? { params: Static<P> }
  : { params?: undefined }) &
  (D extends { query: infer Q extends TObject }
    ? object extends Static<Q>
      ? { query?: Static<Q> }
      : { query: Static<Q> }
    : { query?: undefined });
export type CallInput<D> = UrlInput<D> &
  (D extends { body: infer B } ? { body: Payload<B> } : { body?: undefined });

/** An argument list where the input may be left out when nothing in it is required. */
export type InputArgs<I> = object extends I ? [input?: I] : [input: I];
