// RAW files are not developed here (no demosaicing library is available); every camera embeds a
// JPEG rendering of the shot, and that is what the gallery shows. The embedded JPEG carries no
// orientation of its own that can be trusted: the RAW's IFD0 Orientation applies to it.

import sharp from 'sharp';

import { mediaError } from './errors.js';
import { decodeWithSharp } from './decode.js';
import { extractEmbeddedImage, type ExifToolRead } from './exiftool.js';
import { orientRawImage } from './orientation.js';
import type { RawImage } from './types.js';

/** Pruned/stub RAWs declare 26–29 byte placeholder previews; real ones are kilobytes at least. */
const MIN_PREVIEW_BYTES = 2048;

/** Below this long side the embedded image is only a thumbnail: usable, but worth a warning. */
const SMALL_PREVIEW_PX = 640;

export async function decodeRawPreview(
  filePath: string,
  exiftool: ExifToolRead | null,
  orientation: number | null,
  label: string,
): Promise<{ image: RawImage; warnings: string[] }> {
  const candidates = (exiftool?.embeddedImages ?? []).filter((c) => c.bytes >= MIN_PREVIEW_BYTES);
  const failures: string[] = [];
  for (const candidate of candidates) {
    const bytes = await extractEmbeddedImage(filePath, candidate.tag);
    if (!bytes) {
      failures.push(`${candidate.tag} (${formatBytes(candidate.bytes)}) could not be read`);
      continue;
    }
    try {
      const meta = await sharp(bytes, { failOn: 'none', limitInputPixels: false }).metadata();
      const { image, warnings } = await decodeWithSharp(bytes, meta, {
        autoOrient: false,
        label: `embedded preview of ${label}`,
      });
      const longSide = Math.max(meta.width ?? 0, meta.height ?? 0);
      if (longSide < SMALL_PREVIEW_PX) {
        warnings.push(
          `only a ${meta.width}×${meta.height} embedded preview; thumbnails will be soft`,
        );
      }
      return { image: orientRawImage(image, orientation), warnings };
    } catch (e) {
      failures.push(`${candidate.tag}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length > 0) {
    throw mediaError(
      'no-preview',
      `${label} embedded preview unusable (${failures.join('; ')}); RAW development is not supported`,
    );
  }
  throw mediaError(
    'no-preview',
    `${label} has no embedded preview image; RAW development is not supported`,
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
