import type { InputArgs, RouteSpec, UrlInput } from './declare.js';
import { faceRoutes } from './faces.js';
import { fileRoutes } from './files.js';

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
  const path = decl.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${decl.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== undefined && v !== null) search.append(key, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
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
