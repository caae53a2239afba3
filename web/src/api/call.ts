import type { ApiError } from '../../../src/shared/api.js';
import {
  isMedia,
  urlOf,
  type CallInput,
  type InputArgs,
  type RouteDecl,
  type SuccessOf,
} from '../../../src/shared/routes/index.js';

/** An API error with the server's message, ready to show to the user. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.message ?? `request failed (${status})`);
  }
}

/**
 * Calls a declared route (src/shared/routes): the URL comes from its path, params and query, the
 * body is sent as JSON (or as bytes, for a binary body), and the answer is typed by its success
 * replies. A status that is not a success throws a RequestError with the server's message.
 */
export async function call<D extends RouteDecl>(
  decl: D,
  ...args: InputArgs<CallInput<D>>
): Promise<SuccessOf<D>> {
  const [input] = args as [{ body?: unknown } | undefined];
  const url = urlOf(decl as RouteDecl, input as never);
  const body = input?.body;
  const bytes = isMedia(decl.body);
  const res = await fetch(url, {
    method: decl.method,
    headers:
      body === undefined
        ? undefined
        : {
            'content-type': bytes
              ? (body as Blob).type || 'application/octet-stream'
              : 'application/json',
          },
    body: body === undefined ? undefined : bytes ? (body as BodyInit) : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const text = await res.text();
    let error: ApiError | null = null;
    try {
      error = text ? (JSON.parse(text) as ApiError) : null;
    } catch {
      // Not JSON (a proxy's page): the status says enough.
    }
    throw new RequestError(res.status, error);
  }
  const reply = (decl.response as Record<number, unknown>)[res.status];
  if (isMedia(reply)) return (await res.blob()) as SuccessOf<D>;
  if (res.status === 204) return null as SuccessOf<D>;
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as SuccessOf<D>;
}
