// One decode per file: whatever the format, the result is an upright RGB raw image of at most
// WORK_SIZE px on the long side. Thumbnails, preview, pHash and the AI stages all start from it.

import sharp, { type Metadata as SharpMetadata } from 'sharp';

import { errorText, fromDecoderError, mediaError } from './errors.js';
import type { RawImage } from './types.js';

import { MAX_PIXELS, WORK_SIZE } from './limits.js';

export { MAX_PIXELS, WORK_SIZE } from './limits.js';

/** libvips gives up on a single image after this long instead of hanging the worker. */
const DECODE_TIMEOUT_SECONDS = 60;

export interface DecodeOutput {
  image: RawImage;
  warnings: string[];
}

/** Throws 'too-large' for images over MAX_PIXELS, naming the size. */
export function checkPixelLimit(width: number | undefined, height: number | undefined): void {
  if (!width || !height) return;
  if (width * height > MAX_PIXELS) {
    throw mediaError(
      'too-large',
      `image is ${width}×${height} px, over the ${MAX_PIXELS / 1_000_000} MP limit`,
    );
  }
}

interface SharpDecodeOptions {
  /** apply the EXIF orientation libvips reads (false for RAW previews, turned by the RAW's tag) */
  autoOrient: boolean;
  /** for messages: "JPEG", "WebP preview of Nikon NEF" */
  label: string;
}

/**
 * [Note: lenient JPEG retry] Decoding is strict first (failOn 'error', libvips' safety limits on),
 * so a truncated file fails with "truncated JPEG data" instead of producing a grey half-image.
 * Some camera JPEGs have corrupt entropy segments but are otherwise whole (corpus
 * `ianare_corrupted.jpg`: "premature end of data segment"); libvips rejects those unless its safety
 * limits are off, so JPEGs that fail with "Corrupt JPEG data" get one retry with `unlimited`. Our own
 * MAX_PIXELS check has already run, so the retry cannot be a decompression bomb.
 */
export async function decodeWithSharp(
  input: Buffer,
  meta: SharpMetadata | null,
  options: SharpDecodeOptions,
): Promise<DecodeOutput> {
  checkPixelLimit(meta?.width, meta?.pageHeight ?? meta?.height);
  const warnings: string[] = [];
  try {
    return { image: await runPipeline(input, options.autoOrient, false), warnings };
  } catch (e) {
    const text = errorText(e);
    if (
      meta?.format === 'jpeg' &&
      /corrupt jpeg data/i.test(text) &&
      !/premature end of jpeg/i.test(text)
    ) {
      try {
        const image = await runPipeline(input, options.autoOrient, true);
        warnings.push(`JPEG data partly corrupt, decoded leniently (${text.split('\n')[0]})`);
        return { image, warnings };
      } catch {
        // fall through to the original, more telling error
      }
    }
    throw fromDecoderError(e, options.label);
  }
}

async function runPipeline(
  input: Buffer,
  autoOrient: boolean,
  lenient: boolean,
): Promise<RawImage> {
  let pipeline = sharp(input, {
    failOn: 'error',
    unlimited: lenient,
    limitInputPixels: MAX_PIXELS,
    sequentialRead: true,
  }).timeout({ seconds: DECODE_TIMEOUT_SECONDS });
  if (autoOrient) pipeline = pipeline.rotate();
  const { data, info } = await pipeline
    .resize({ width: WORK_SIZE, height: WORK_SIZE, fit: 'inside', withoutEnlargement: true })
    // Transparent areas become white, like a browser on a white page; hidden RGB behind alpha 0
    // is often black or garbage and would poison thumbnails and the pHash.
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return toRgb(data, info.width, info.height, info.channels);
}

/** RawImage from interleaved 8-bit pixels of 1–4 channels (grey, grey+alpha, RGB, RGBA). */
export function toRgb(data: Uint8Array, width: number, height: number, channels: number): RawImage {
  if (channels === 3)
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width,
      height,
      channels: 3,
    };
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < out.length; i += channels, o += 3) {
    if (channels < 3) {
      out[o] = out[o + 1] = out[o + 2] = data[i];
    } else {
      out[o] = data[i];
      out[o + 1] = data[i + 1];
      out[o + 2] = data[i + 2];
    }
  }
  return { data: out, width, height, channels: 3 };
}

/**
 * Shrinks already-decoded RGBA/RGB pixels (from the HEIF decoder) to the working size, flattening
 * alpha onto white like the sharp path.
 */
export async function shrinkDecoded(
  data: Uint8Array,
  width: number,
  height: number,
  channels: 3 | 4,
): Promise<RawImage> {
  const { data: out, info } = await sharp(data, { raw: { width, height, channels } })
    .resize({ width: WORK_SIZE, height: WORK_SIZE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return toRgb(out, info.width, info.height, info.channels);
}
