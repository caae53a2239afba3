import type { InputArgs, RouteSpec, UrlInput } from './declare.js';
import { faceRoutes } from './faces.js';
import { fileRoutes } from './files.js';

/** A path split once into literal text and `:param` names (URLs are made for every grid item). */
const compiled = new Map<string, { text: string[]; names: string[] }>();

function compile(path: string): { text: string[]; names: string[] } {
  let c = compiled.get(path);
  if (!c) {
    const parts = path.split(/:(\w+)/);
    c = { text: parts.filter((_, i) => i % 2 === 0), names: parts.filter((_, i) => i % 2 === 1) };
    compiled.set(path, c);
  }
  return c;
}

/** encodeURIComponent, skipped for text it leaves as is (ids and versions: most of the calls). */
const UNRESERVED = /^[A-Za-z0-9_.~-]*$/;
const encode = (v: unknown) => {
  const text = String(v);
  return UNRESERVED.test(text) ? text : encodeURIComponent(text);
};

/**
 * The URL of a declared route: its path with the params filled in (encoded), then the query.
 * Typed from the declaration, so a renamed param or a query field that changed type is a build
 * error where the URL is made. Undefined query values are left out; arrays repeat their key.
 */
export function urlOf<D extends RouteSpec>(decl: D, ...[input]: InputArgs<UrlInput<D>>): string {
  const { params, query } = (input ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
  };
  const { text, names } = compile(decl.path);
  let url = text[0];
  for (let i = 0; i < names.length; i++) {
    const value = params?.[names[i]];
    if (value === undefined || value === null || value === '')
      throw new Error(`${decl.path}: no value for :${names[i]}`);
    url += encode(value) + text[i + 1];
  }
  let sep = '?';
  for (const key in query) {
    const value = query[key];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null) continue;
      url += `${sep}${encode(key)}=${encode(v)}`;
      sep = '&';
    }
  }
  return url;
}

// The image URLs the API hands out. They carry a content version (`v`): a photo keeps its id
// when its file is edited in place, so the version is what lets browsers cache the bytes forever.

export function contentVersion(contentHash: string): string {
  return contentHash.slice(0, 16);
}

export function thumbUrl(id: string, contentHash: string): string {
  return urlOf(fileRoutes.getThumbnail, {
    params: { id },
    query: { v: contentVersion(contentHash) },
  });
}

export function previewUrl(id: string, contentHash: string): string {
  return urlOf(fileRoutes.getPreview, {
    params: { id },
    query: { v: contentVersion(contentHash) },
  });
}

export function originalUrl(id: string): string {
  return urlOf(fileRoutes.getOriginal, { params: { id } });
}

export function faceCropUrl(faceId: string, version: string): string {
  return urlOf(faceRoutes.getFaceCrop, { params: { id: faceId }, query: { v: version } });
}
