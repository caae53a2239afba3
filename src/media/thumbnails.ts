// Grid thumbnail and preview (both JPEG), both written from the one decoded working image and
// named by content hash: the same photo at two paths shares its files, and the library deletes
// them through thumbnailPaths() when the last copy goes away.

import path from 'node:path';

import sharp from 'sharp';

import { relativeNames, thumbnailSize } from './thumbnail-paths.js';
import type { RawImage, ThumbnailInfo } from './types.js';
import { writeAtomic } from './write-atomic.js';

export {
  previewFile,
  thumbFile,
  thumbnailPaths,
  thumbnailSize,
  THUMB_MAX_LONG_SIDE,
  THUMB_SHORT_SIDE,
  type ThumbnailPaths,
} from './thumbnail-paths.js';

/**
 * [Note: preview format] Encoding the 1440 px preview is the most expensive step after decoding.
 * For a grainy 12 MP photo here WebP costs ~75 ms of CPU even at effort 0 (libwebp's fastest
 * method), libjpeg-turbo at quality 80 ~26 ms for files ~40 % larger (mozjpeg: 10× slower). At
 * 2 cores that is the difference between ~0.5 and ~0.7 of the decode-only rate, so the preview is
 * a baseline JPEG, as Immich's is. The grid thumbnail followed once the visible step had become a
 * 1/8-scale decode (~47 ms): its WebP (effort 0) cost 5.5 ms of CPU, a baseline JPEG without
 * Huffman optimisation 1.4 ms, for 27 KB instead of 21 KB at 400×300 (bench photos) — 5 % of a
 * photo's whole visible step, bytes that only travel to this machine's browser. Catalogues made
 * before have WebP files: `legacyThumb` and `legacyPreview` name them so they are still served
 * and deleted.
 */
const THUMB_JPEG = { quality: 80, optimiseCoding: false } as const;
const PREVIEW_JPEG = { quality: 80 } as const;

function rawInput(image: RawImage) {
  return sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
}

export async function writeThumbnail(
  image: RawImage,
  thumbDir: string,
  contentHash: string,
): Promise<ThumbnailInfo> {
  const size = thumbnailSize(image.width, image.height);
  const { data, info } = await rawInput(image)
    .resize({ width: size.width, height: size.height, fit: 'fill', kernel: 'mitchell' })
    .jpeg(THUMB_JPEG)
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
