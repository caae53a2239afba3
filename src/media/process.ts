// processMedia: one file in, everything the catalogue needs out. Read once, decode once.

import { fromDecoderError, isMediaError, mediaError } from './errors.js';
import { checkPixelLimit, decodeWithSharp, shrinkImage, type DecodeOutput } from './decode.js';
import { detectFormat, extensionOf } from './formats.js';
import { decodeHeif } from './heic.js';
import { collectMetadata, statFile, type FileFacts, type MetadataContext } from './metadata.js';
import { phash } from './phash.js';
import { readOriginal, type LentBytes } from './read-reuse.js';
import { HEAD_BYTES } from './sniff.js';
import { decodeRawPreview } from './raw.js';
import { bmffTruncation } from './bmff.js';
import { localFromInstant } from './dates.js';
import { orientRawImage } from './orientation.js';
import { decodeStillWithFfmpeg, ffmpegDecodesStill } from './video/still.js';
import { WORK_SIZE } from './limits.js';
import { BROWSER_FORMATS, thumbnailSize } from './thumbnail-paths.js';
import { writePreview, writeThumbnail } from './thumbnails.js';
import type { MediaMetadata, MediaResult, RawImage } from './types.js';

/**
 * [Note: decode scales] A photo is decoded at two sizes, each the smallest its users need
 * (bench/FINDINGS.md §1, §5, §7):
 *   - the visible step (the media stage: what puts a photo in the gallery) decodes to the grid
 *     thumbnail's long side (400 px for 4:3): libjpeg then decodes a 12 MP JPEG at 1/8 scale,
 *     ~46 ms of CPU instead of ~90 for the full-size decode a 1440 px image needs. The thumbnail,
 *     the pHash and the duplicate finder's signature all come from that small image;
 *   - the AI stages decode at WORK_SIZE (1333 px, the 1/2 scale) later, in their own task.
 * The visible image of a format is always made the same way (the same photo gets the same
 * signature whichever task computed it): browser formats straight from the decoder at the small
 * size, the others (HEIF, RAW, TIFF, AVIF, ffmpeg stills) at WORK_SIZE first, whose image is also
 * their preview, then shrunk. Browser formats get no preview: the viewer shows the original
 * (collection/gallery.ts serves it at the preview URL).
 */
/** Long side of the visible-step image for a photo of this displayed size. */
export function visibleSide(width: number, height: number): number {
  const t = thumbnailSize(width, height);
  return Math.max(t.width, t.height);
}

/** Files above this are refused before reading: no photo is this big, and readFile would hold it all. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface ProcessMediaInput {
  /** the original, only ever read */
  path: string;
  /** content hash computed by the scanner; names the thumbnail files */
  contentHash: string;
  /** root of the thumbnail store */
  thumbDir: string;
  /** return the decoded images for the image stages of the same task (they must not decode again) */
  keepImage?: boolean;
}

export type ProcessMediaResult = MediaResult & {
  /** the visible-step image (thumbnail scale), with keepImage */
  image?: RawImage;
  /** the working-size image, with keepImage, when this format was decoded at WORK_SIZE anyway */
  work?: RawImage;
};

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
 * The visible step for one file: metadata, thumbnail and pHash from one read and the cheapest
 * decode ([Note: decode scales]), and a preview only for formats a browser cannot show.
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
    const original = await readForDecoding(input.path, facts);
    let decoded: VisibleDecode;
    try {
      clock.lap('read');
      const ctx = await collectMetadata(input.path, original.bytes, facts);
      clock.lap('metadata');
      metadata = ctx.metadata;
      warnings.push(...ctx.warnings);
      decoded = await decodeVisible(input.path, original.bytes, ctx);
      clock.lap('decode');
    } finally {
      original.release();
    }
    warnings.push(...decoded.warnings);
    const image = decoded.visible;

    const thumb = await writeThumbnail(image, input.thumbDir, input.contentHash);
    clock.lap('thumb');
    const preview = decoded.work
      ? await writePreview(decoded.work, input.thumbDir, input.contentHash)
      : null;
    if (preview) clock.lap('preview');
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
    if (input.keepImage) {
      result.image = image;
      if (decoded.work) result.work = decoded.work;
    }
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
  const original = await readForDecoding(filePath, facts);
  try {
    const ctx = await collectMetadata(filePath, original.bytes, facts);
    return (await decodePixels(filePath, original.bytes, ctx, WORK_SIZE)).image;
  } finally {
    original.release();
  }
}

/**
 * The visible-step image alone, exactly as processMedia makes it: for image stages that work at
 * the thumbnail's scale (the duplicate signature) on a photo whose media stage ran before.
 */
export async function loadVisibleImage(filePath: string): Promise<RawImage> {
  const facts = await statFile(filePath);
  const original = await readForDecoding(filePath, facts);
  try {
    const ctx = await collectMetadata(filePath, original.bytes, facts);
    return (await decodeVisible(filePath, original.bytes, ctx)).visible;
  } finally {
    original.release();
  }
}

/**
 * The visible-step image made from a working-size image of the same photo, the way the media
 * stage makes it for formats decoded at WORK_SIZE first: for image stages that hold the working
 * image and need a measure taken at the visible step's scale (paper-text's pixel statistics,
 * [Note: stats at the thumbnail's scale] in categories/image-stats.ts). `width` × `height` is
 * the photo's displayed size (the visible side is the thumbnail's for it). For a browser format
 * the media stage's own image comes straight from the decoder and differs from this by the
 * resampling only.
 */
export async function visibleImageOf(
  work: RawImage,
  width: number,
  height: number,
): Promise<RawImage> {
  return await shrinkImage(work, visibleSide(width, height));
}

interface VisibleDecode {
  visible: RawImage;
  /** the WORK_SIZE image it was shrunk from (formats that need a preview) */
  work?: RawImage;
  warnings: string[];
}

async function decodeVisible(
  filePath: string,
  buffer: Buffer,
  ctx: MetadataContext,
): Promise<VisibleDecode> {
  const { format, sharpMeta } = ctx;
  if (format.decoder === 'sharp' && BROWSER_FORMATS.has(format.format) && sharpMeta?.width) {
    const side = visibleSide(sharpMeta.width, sharpMeta.pageHeight ?? sharpMeta.height ?? 1);
    const d = await decodePixels(filePath, buffer, ctx, side);
    return { visible: d.image, warnings: d.warnings };
  }
  const d = await decodePixels(filePath, buffer, ctx, WORK_SIZE);
  const side = visibleSide(d.image.width, d.image.height);
  return { visible: await shrinkImage(d.image, side), work: d.image, warnings: d.warnings };
}

/**
 * The bytes the decoder needs, in one open: the whole file for formats decoded from memory (sharp,
 * libheif), only the head for RAW (exiftool reads the embedded preview from disk: no point holding
 * a 60 MB RAW in memory) and for formats with no decoder here. The bytes are lent ([Note: one
 * buffer per thread for originals] in read-reuse.ts): release them once the decode has returned.
 */
async function readForDecoding(filePath: string, facts: FileFacts): Promise<LentBytes> {
  if (facts.size === 0) throw mediaError('empty', 'file is empty (0 bytes)');
  return await readOriginal(filePath, facts.size, HEAD_BYTES, (head) => {
    const decoder = detectFormat(head, filePath)?.decoder;
    if (decoder !== 'sharp' && decoder !== 'heif') return false;
    if (facts.size > MAX_FILE_BYTES) {
      throw mediaError(
        'too-large',
        `file is ${Math.round(facts.size / 1024 / 1024)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`,
      );
    }
    return true;
  });
}

async function decodePixels(
  filePath: string,
  buffer: Buffer,
  ctx: MetadataContext,
  maxSide: number,
): Promise<DecodeOutput> {
  try {
    return await decodeByFormat(filePath, buffer, ctx, maxSide);
  } catch (e) {
    // Whatever a decoder throws is about this file's content.
    throw isMediaError(e) ? e : fromDecoderError(e, ctx.format.label);
  }
}

async function decodeByFormat(
  filePath: string,
  buffer: Buffer,
  ctx: MetadataContext,
  maxSide: number,
): Promise<DecodeOutput> {
  const { format, sharpMeta } = ctx;
  switch (format.decoder) {
    case 'sharp':
      if (!sharpMeta) throw new Error(ctx.sharpError ?? 'unreadable header');
      if (format.format === 'avif') refuseTruncated(buffer, format.label);
      return await decodeWithSharp(buffer, sharpMeta, {
        autoOrient: true,
        label: format.label,
        maxSide,
      });
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
