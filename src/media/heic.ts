// HEIC/HEIF pixels through heic-decode (libheif compiled to wasm): sharp's prebuilt libheif has
// no HEVC decoder. Measured here: 0.9–1.9 s of CPU per 12 MP iPhone photo (about 10× a JPEG),
// synchronous inside the worker.
//
// [Note: HEIF orientation] libheif applies the container transforms (irot, imir, clap) while
// decoding: iphone_13_pro_max.HEIC is stored 4032×3024 with irot and *also* EXIF Orientation 6, and
// heic-decode returns it upright at 3024×4032. The EXIF tag describes the same turn and must never
// be applied on top (ISO/IEC 23008-12 says so; applying it rotates the photo twice).

import { firstLine, mediaError, errorText } from './errors.js';
import { checkPixelLimit, shrinkDecoded } from './decode.js';
import { heicDecode } from './lazy-modules.js';
import type { RawImage } from './types.js';

/**
 * libheif-js reports failures with console.log ("Could not parse HEIF file …") and then returns an
 * empty list. Those lines are the only useful diagnosis, so they are captured for the error
 * message instead of leaking to the worker's stdout. Other logging passes through untouched.
 */
async function withLibheifLog<T>(
  fn: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; log: string[] }> {
  const log: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    const text = args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
    if (/^(Could not|Decoding image failed|Error loading|No images found)/.test(text))
      log.push(text);
    else original(...args);
  };
  try {
    return { value: await fn(), log };
  } catch (error) {
    return { error, log };
  } finally {
    console.log = original;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** libheif's own message from its log, e.g. "Invalid input: Unexpected end of file". */
function libheifReason(log: string[], fallback: unknown): string {
  const line = log
    .map(
      (l) =>
        /"?message"?:\s*["']([^"']+)["']/.exec(l)?.[1] ??
        l.replace(/^Could not parse HEIF file\s*/, ''),
    )
    .find(Boolean);
  return firstLine(line ?? errorText(fallback));
}

/**
 * Decodes the primary image of a HEIF file to an upright RGB working image.
 * `primaryIndex` is the index among top-level images (sharp's metadata `pagePrimary`): bursts and
 * multi-image files list other frames first sometimes, and the primary one is what a viewer shows.
 */
export async function decodeHeif(
  input: Buffer,
  primaryIndex: number,
  label: string,
): Promise<{ image: RawImage; fullWidth: number; fullHeight: number }> {
  const opened = await withLibheifLog(() => heicDecode().all({ buffer: input }));
  const images = opened.value;
  if (!images || images.length === 0) {
    throw mediaError(
      'corrupt',
      `corrupt ${label} data (${libheifReason(opened.log, opened.error ?? 'no image found')})`,
    );
  }
  try {
    const handle = images[primaryIndex] ?? images[0];
    checkPixelLimit(handle.width, handle.height);
    const decoded = await withLibheifLog(() => handle.decode());
    if (!decoded.value) {
      const reason = libheifReason(decoded.log, decoded.error ?? 'decoder failed');
      const truncated = /end of file|insufficient|truncat/i.test(reason);
      throw mediaError(
        'corrupt',
        `${truncated ? 'truncated' : 'corrupt'} ${label} data (${reason})`,
      );
    }
    const { data, width, height } = decoded.value;
    const rgba = new Uint8Array(data.buffer, data.byteOffset, data.length);
    const image = await shrinkDecoded(rgba, width, height, 4);
    return { image, fullWidth: width, fullHeight: height };
  } finally {
    images.dispose();
  }
}
