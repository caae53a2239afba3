// processMedia: one file in, everything the catalogue needs out. Read once, decode once.

import { readFile } from 'node:fs/promises';

import { fromDecoderError, fromFsError, isMediaError, mediaError } from './errors.js';
import { checkPixelLimit, decodeWithSharp, type DecodeOutput } from './decode.js';
import { detectFormat, extensionOf } from './formats.js';
import { decodeHeif } from './heic.js';
import {
  collectMetadata,
  readHead,
  statFile,
  type FileFacts,
  type MetadataContext,
} from './metadata.js';
import { phash } from './phash.js';
import { decodeRawPreview } from './raw.js';
import { bmffTruncation } from './bmff.js';
import { localFromInstant } from './dates.js';
import { orientRawImage } from './orientation.js';
import { decodeStillWithFfmpeg, ffmpegDecodesStill } from './video/still.js';
import { writePreview, writeThumbnail } from './thumbnails.js';
import type { MediaMetadata, MediaResult, RawImage } from './types.js';

/** Files above this are refused before reading: no photo is this big, and readFile would hold it all. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface ProcessMediaInput {
  /** the original, only ever read */
  path: string;
  /** content hash computed by the scanner; names the thumbnail files */
  contentHash: string;
  /** root of the thumbnail store */
  thumbDir: string;
  /** return the decoded working image for the AI stages (they must not decode again) */
  keepImage?: boolean;
}

export type ProcessMediaResult = MediaResult & { image?: RawImage };

class Stopwatch {
  readonly timings: Record<string, number> = {};
  private readonly start = performance.now();
  private last = this.start;

  lap(step: string): void {
    const now = performance.now();
    this.timings[step] = round(now - this.last);
    this.last = now;
  }

  finish(): Record<string, number> {
    this.timings.total = round(performance.now() - this.start);
    return this.timings;
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Metadata, upright working image, thumbnail, preview and pHash for one file.
 *
 * A per-file problem throws a media error whose `detail` carries the metadata read so far (for a
 * RAW without preview: everything but pixels; for an empty file: format and file time), so the
 * catalogue lists the file and says why it has no picture. Failures of the environment
 * (thumbnail directory not writable, disk full) throw as they are: they must stop the pipeline,
 * not mark photos broken.
 */
export async function processMedia(input: ProcessMediaInput): Promise<ProcessMediaResult> {
  const clock = new Stopwatch();
  const warnings: string[] = [];
  let facts: FileFacts | null = null;
  let metadata: MediaMetadata | null = null;
  try {
    facts = await statFile(input.path);
    const buffer = await readForDecoding(input.path, facts);
    clock.lap('read');
    const ctx = await collectMetadata(input.path, buffer, facts);
    clock.lap('metadata');
    metadata = ctx.metadata;
    warnings.push(...ctx.warnings);

    const decoded = await decodePixels(input.path, buffer, ctx);
    clock.lap('decode');
    warnings.push(...decoded.warnings);
    const image = decoded.image;

    const thumb = await writeThumbnail(image, input.thumbDir, input.contentHash);
    clock.lap('thumb');
    const preview = await writePreview(image, input.thumbDir, input.contentHash);
    clock.lap('preview');
    const hash = phash(image);
    clock.lap('phash');

    const result: ProcessMediaResult = {
      metadata,
      thumb,
      preview,
      phash: hash,
      warnings,
      timings: clock.finish(),
    };
    if (input.keepImage) result.image = image;
    return result;
  } catch (e) {
    if (!isMediaError(e)) throw e;
    clock.lap('failed');
    e.detail = {
      metadata: metadata ?? fallbackMetadata(input.path, facts),
      warnings,
      timings: clock.finish(),
    };
    throw e;
  }
}

/**
 * The upright working image alone (≤ WORK_SIZE px), for AI stages of a photo whose thumbnails
 * already exist. Same decode path and orientation rules as processMedia.
 */
export async function loadOrientedImage(filePath: string): Promise<RawImage> {
  const facts = await statFile(filePath);
  const buffer = await readForDecoding(filePath, facts);
  const ctx = await collectMetadata(filePath, buffer, facts);
  return (await decodePixels(filePath, buffer, ctx)).image;
}

/**
 * The bytes the decoder needs: the whole file for formats decoded from memory (sharp, libheif),
 * only the head for RAW (exiftool reads the embedded preview from disk: no point holding a
 * 60 MB RAW in memory) and for formats with no decoder here.
 */
async function readForDecoding(filePath: string, facts: FileFacts): Promise<Buffer> {
  if (facts.size === 0) throw mediaError('empty', 'file is empty (0 bytes)');
  const head = await readHead(filePath);
  if (head.length === facts.size) return head;
  const decoder = detectFormat(head, filePath)?.decoder;
  if (decoder !== 'sharp' && decoder !== 'heif') return head;
  if (facts.size > MAX_FILE_BYTES) {
    throw mediaError(
      'too-large',
      `file is ${Math.round(facts.size / 1024 / 1024)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`,
    );
  }
  try {
    return await readFile(filePath);
  } catch (e) {
    throw fromFsError(e, filePath);
  }
}

async function decodePixels(
  filePath: string,
  buffer: Buffer,
  ctx: MetadataContext,
): Promise<DecodeOutput> {
  try {
    return await decodeByFormat(filePath, buffer, ctx);
  } catch (e) {
    // Whatever a decoder throws is about this file's content.
    throw isMediaError(e) ? e : fromDecoderError(e, ctx.format.label);
  }
}

async function decodeByFormat(
  filePath: string,
  buffer: Buffer,
  ctx: MetadataContext,
): Promise<DecodeOutput> {
  const { format, sharpMeta } = ctx;
  switch (format.decoder) {
    case 'sharp':
      if (!sharpMeta) throw new Error(ctx.sharpError ?? 'unreadable header');
      if (format.format === 'avif') refuseTruncated(buffer, format.label);
      return await decodeWithSharp(buffer, sharpMeta, { autoOrient: true, label: format.label });
    case 'heif': {
      // libheif (native, in sharp) could not even parse the container: the wasm copy of the same
      // library would at best decode a stray thumbnail item, so report the file as broken.
      if (!sharpMeta) throw new Error(ctx.sharpError ?? 'unreadable header');
      refuseTruncated(buffer, format.label);
      const heif = await decodeHeif(buffer, sharpMeta.pagePrimary ?? 0, format.label);
      // The decoder's size is the displayed size (irot applied); trust it over the tags.
      ctx.metadata.width = heif.fullWidth;
      ctx.metadata.height = heif.fullHeight;
      return { image: heif.image, warnings: [] };
    }
    case 'raw':
      return await decodeRawPreview(filePath, ctx.exiftool, ctx.metadata.orientation, format.label);
    default: {
      if (!ffmpegDecodesStill(format.format)) {
        throw mediaError(
          'unsupported',
          `${format.label} files cannot be decoded here (no decoder installed)`,
        );
      }
      // See [Note: ffmpeg for stills] in video/still.ts.
      checkPixelLimit(ctx.metadata.width ?? undefined, ctx.metadata.height ?? undefined);
      const image = await decodeStillWithFfmpeg(filePath, format.format, format.label);
      return { image: orientRawImage(image, ctx.metadata.orientation), warnings: [] };
    }
  }
}

function refuseTruncated(buffer: Buffer, label: string): void {
  const cut = bmffTruncation(buffer);
  if (cut) throw mediaError('corrupt', `truncated ${label} data (${cut})`);
}

/** Metadata for a file we could not read at all: format by extension, date from the file time. */
function fallbackMetadata(filePath: string, facts: FileFacts | null): MediaMetadata {
  const mtime = facts ? localFromInstant(facts.mtime) : null;
  return {
    format: extensionOf(filePath) || 'unknown',
    mimeType: 'application/octet-stream',
    width: null,
    height: null,
    orientation: null,
    exifOrientation: null,
    takenAt: mtime?.local ?? null,
    takenOffsetMinutes: mtime?.offsetMinutes ?? null,
    takenAtSource: mtime ? 'file-mtime' : null,
    camera: { make: null, model: null, lens: null },
    exposure: { exposureTime: null, fNumber: null, iso: null, focalLength: null },
    gps: null,
  };
}
