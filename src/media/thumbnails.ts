// Grid thumbnail (WebP) and preview (JPEG), both written from the one decoded working image and
// named by content hash: the same photo at two paths shares its files, and the library deletes
// them through thumbnailPaths() when the last copy goes away.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

import sharp from 'sharp';

import type { RawImage, ThumbnailInfo } from './types.js';

/** Short side of grid thumbnails: sharp on a 2× display for ~150 px grid cells. */
export const THUMB_SHORT_SIDE = 300;
/** Panoramas keep their shape only up to 3:1, so one photo cannot become a 3000 px "thumbnail". */
export const THUMB_MAX_LONG_SIDE = 900;

/**
 * [Note: preview format] Encoding the 1440 px preview is the most expensive step after decoding.
 * For a grainy 12 MP photo here WebP costs ~75 ms of CPU even at effort 0 (libwebp's fastest
 * method), libjpeg-turbo at quality 80 ~26 ms for files ~40 % larger (mozjpeg: 10× slower). At
 * 2 cores that is the difference between ~0.5 and ~0.7 of the decode-only rate, so the preview is
 * a baseline JPEG, as Immich's is, and the small grid thumbnails stay WebP (effort 0, Mitchell
 * filter: at a 3–5× reduction it looks like Lanczos and resamples faster). Catalogues made before
 * have WebP previews: `legacyPreview` names them so they are still served and deleted.
 */
const THUMB_WEBP = { quality: 75, effort: 0 } as const;
const PREVIEW_JPEG = { quality: 80 } as const;

const HASH_NAME = /^[A-Za-z0-9_-]{8,128}$/;

// A type alias, not an interface: it stays assignable to Record<string, string>.
export type ThumbnailPaths = {
  /** absolute path of the grid thumbnail */
  thumb: string;
  /** absolute path of the preview (JPEG) */
  preview: string;
  /** where an older Picto wrote the preview (WebP): served when `preview` is absent */
  legacyPreview: string;
};

/**
 * Where the files for a content hash live: `ab/cd/<hash>-thumb.webp` and `-preview.jpg` under
 * thumbDir (two levels of 256 folders keep directories small at a million photos). Every value is
 * an absolute file path, so callers may delete `Object.values(thumbnailPaths(…))`.
 */
export function thumbnailPaths(thumbDir: string, contentHash: string): ThumbnailPaths {
  const rel = relativeNames(contentHash);
  return {
    thumb: path.join(thumbDir, rel.thumb),
    preview: path.join(thumbDir, rel.preview),
    legacyPreview: path.join(thumbDir, rel.legacyPreview),
  };
}

/** The preview file that exists for a content hash (a JPEG, or an older catalogue's WebP). */
export function previewFile(thumbDir: string, contentHash: string): { path: string; mime: string } {
  const p = thumbnailPaths(thumbDir, contentHash);
  return existsSync(p.preview) || !existsSync(p.legacyPreview)
    ? { path: p.preview, mime: 'image/jpeg' }
    : { path: p.legacyPreview, mime: 'image/webp' };
}

/** Names relative to thumbDir, as stored in ThumbnailInfo.file. */
function relativeNames(contentHash: string): ThumbnailPaths {
  if (!HASH_NAME.test(contentHash)) {
    throw new Error(
      `content hash must be 8–128 letters, digits, '-' or '_': got ${JSON.stringify(contentHash)}`,
    );
  }
  const dir = path.join(contentHash.slice(0, 2), contentHash.slice(2, 4));
  return {
    thumb: path.join(dir, `${contentHash}-thumb.webp`),
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

function rawInput(image: RawImage) {
  return sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
}

/**
 * Writes to a unique temporary name and renames: a crash never leaves half a file under the final
 * name, and two workers processing byte-identical files cannot interleave their writes.
 */
async function writeAtomic(target: string, data: Buffer): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function writeThumbnail(
  image: RawImage,
  thumbDir: string,
  contentHash: string,
): Promise<ThumbnailInfo> {
  const size = thumbnailSize(image.width, image.height);
  const { data, info } = await rawInput(image)
    .resize({ width: size.width, height: size.height, fit: 'fill', kernel: 'mitchell' })
    .webp(THUMB_WEBP)
    .toBuffer({ resolveWithObject: true });
  const file = relativeNames(contentHash).thumb;
  await writeAtomic(path.join(thumbDir, file), data);
  return { file, width: info.width, height: info.height, bytes: data.length };
}

/** The preview is the working image itself (≤ 1440 px), encoded without resizing. */
export async function writePreview(
  image: RawImage,
  thumbDir: string,
  contentHash: string,
): Promise<ThumbnailInfo> {
  const { data, info } = await rawInput(image)
    .jpeg(PREVIEW_JPEG)
    .toBuffer({ resolveWithObject: true });
  const file = relativeNames(contentHash).preview;
  await writeAtomic(path.join(thumbDir, file), data);
  return { file, width: info.width, height: info.height, bytes: data.length };
}
