// Where a content hash's thumbnail and preview files live, and what size a thumbnail is: plain
// path and size arithmetic with no image library, so the main thread (gallery, people pages, the
// library's clean-up) can name the files without loading sharp. Writing them is thumbnails.ts.

import { existsSync } from 'node:fs';
import path from 'node:path';

/** Short side of grid thumbnails: sharp on a 2× display for ~150 px grid cells. */
export const THUMB_SHORT_SIDE = 300;
/** Panoramas keep their shape only up to 3:1, so one photo cannot become a 3000 px "thumbnail". */
export const THUMB_MAX_LONG_SIDE = 900;

/**
 * Formats (MediaMetadata.format) every browser shows as they are: no preview file is made for
 * them, the original is shown instead ([Note: decode scales] in process.ts).
 */
export const BROWSER_FORMATS: ReadonlySet<string> = new Set(['jpeg', 'mpo', 'png', 'webp', 'gif']);

const HASH_NAME = /^[A-Za-z0-9_-]{8,128}$/;

// A type alias, not an interface: it stays assignable to Record<string, string>.
export type ThumbnailPaths = {
  /** absolute path of the grid thumbnail (JPEG) */
  thumb: string;
  /** where an older Picto wrote the grid thumbnail (WebP): served when `thumb` is absent */
  legacyThumb: string;
  /** absolute path of the preview (JPEG) */
  preview: string;
  /** where an older Picto wrote the preview (WebP): served when `preview` is absent */
  legacyPreview: string;
};

/**
 * Where the files for a content hash live: `ab/cd/<hash>-thumb.jpg` and `-preview.jpg` under
 * thumbDir (two levels of 256 folders keep directories small at a million photos). Every value is
 * an absolute file path, so callers may delete `Object.values(thumbnailPaths(…))`.
 */
export function thumbnailPaths(thumbDir: string, contentHash: string): ThumbnailPaths {
  const rel = relativeNames(contentHash);
  return {
    thumb: path.join(thumbDir, rel.thumb),
    legacyThumb: path.join(thumbDir, rel.legacyThumb),
    preview: path.join(thumbDir, rel.preview),
    legacyPreview: path.join(thumbDir, rel.legacyPreview),
  };
}

/** The JPEG at `current`, or the WebP an older catalogue wrote at `legacy` when only that exists. */
function jpegOrLegacyWebp(current: string, legacy: string): { path: string; mime: string } {
  return existsSync(current) || !existsSync(legacy)
    ? { path: current, mime: 'image/jpeg' }
    : { path: legacy, mime: 'image/webp' };
}

/** The grid thumbnail that exists for a content hash (a JPEG, or an older catalogue's WebP). */
export function thumbFile(thumbDir: string, contentHash: string): { path: string; mime: string } {
  const p = thumbnailPaths(thumbDir, contentHash);
  return jpegOrLegacyWebp(p.thumb, p.legacyThumb);
}

/** The preview file that exists for a content hash (a JPEG, or an older catalogue's WebP). */
export function previewFile(thumbDir: string, contentHash: string): { path: string; mime: string } {
  const p = thumbnailPaths(thumbDir, contentHash);
  return jpegOrLegacyWebp(p.preview, p.legacyPreview);
}

/** Names relative to thumbDir, as stored in ThumbnailInfo.file. */
export function relativeNames(contentHash: string): ThumbnailPaths {
  if (!HASH_NAME.test(contentHash)) {
    throw new Error(
      `content hash must be 8–128 letters, digits, '-' or '_': got ${JSON.stringify(contentHash)}`,
    );
  }
  const dir = path.join(contentHash.slice(0, 2), contentHash.slice(2, 4));
  return {
    thumb: path.join(dir, `${contentHash}-thumb.jpg`),
    legacyThumb: path.join(dir, `${contentHash}-thumb.webp`),
    preview: path.join(dir, `${contentHash}-preview.jpg`),
    legacyPreview: path.join(dir, `${contentHash}-preview.webp`),
  };
}

/** Thumbnail size for an image: short side THUMB_SHORT_SIDE, long side capped, never enlarged. */
export function thumbnailSize(width: number, height: number): { width: number; height: number } {
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  const scale = Math.min(1, THUMB_SHORT_SIDE / short, THUMB_MAX_LONG_SIDE / long);
  const s = Math.max(1, Math.round(short * scale));
  const l = Math.max(1, Math.round(long * scale));
  return width >= height ? { width: l, height: s } : { width: s, height: l };
}
