import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import sharp, { type Metadata as SharpMetadata } from 'sharp';

import { errorText, firstLine, fromFsError, mediaError } from './errors.js';
import { readWithExifr } from './exifr-reader.js';
import { readWithExifTool, type ExifToolRead } from './exiftool.js';
import { detectFormat, extensionOf, type FormatInfo } from './formats.js';
import { displayedSize, normalizeOrientation } from './orientation.js';
import { readFileHead } from './sniff.js';
import {
  cameraInfo,
  captureHints,
  exposureInfo,
  pickGps,
  pickTakenAt,
  type CollectedTags,
} from './tags.js';
import type { MediaMetadata } from './types.js';

/** PNGs up to this size are read whole for metadata (their chunks may sit after the pixels). */
const WHOLE_PNG_LIMIT = 64 * 1024 * 1024;

/** Formats exifr cannot parse at all: go straight to exiftool. */
const EXIFTOOL_ONLY = new Set(['webp', 'gif', 'jxl', 'jp2', 'bmp', 'psd']);

/** What metadata reading learned, kept for processMedia so nothing is parsed twice. */
export interface MetadataContext {
  metadata: MediaMetadata;
  format: FormatInfo;
  /** sharp's header read (dimensions, libvips' orientation, pages), null if sharp cannot open it */
  sharpMeta: SharpMetadata | null;
  sharpError: string | null;
  /** exiftool's read, when it was consulted (RAW previews are found through it) */
  exiftool: ExifToolRead | null;
  warnings: string[];
  fileSize: number;
}

export interface FileFacts {
  size: number;
  mtime: Date;
}

/**
 * Metadata of one file: capture date, camera, exposure, GPS, displayed size, orientation, format.
 * `head` may be the first bytes of the file (any length) or the whole file; when it is the whole
 * file nothing is read from disk again except by the exiftool fallback.
 * Throws a media error for files with nothing to read: 'unreadable', 'empty', 'unsupported'.
 */
export async function readMetadata(filePath: string, head?: Uint8Array): Promise<MediaMetadata> {
  return (await collectMetadata(filePath, head)).metadata;
}

export async function statFile(filePath: string): Promise<FileFacts> {
  try {
    const s = await stat(filePath);
    if (s.isDirectory()) throw mediaError('unreadable', `cannot read ${filePath}: is a directory`);
    return { size: s.size, mtime: s.mtime };
  } catch (e) {
    throw fromFsError(e, filePath);
  }
}

export async function readHead(filePath: string): Promise<Buffer> {
  try {
    return await readFileHead(filePath);
  } catch (e) {
    throw fromFsError(e, filePath);
  }
}

async function readWhole(filePath: string): Promise<Buffer> {
  try {
    return await readFile(filePath);
  } catch (e) {
    throw fromFsError(e, filePath);
  }
}

export async function collectMetadata(
  filePath: string,
  head?: Uint8Array,
  facts?: FileFacts,
): Promise<MetadataContext> {
  const file = facts ?? (await statFile(filePath));
  if (file.size === 0) throw mediaError('empty', 'file is empty (0 bytes)');
  let bytes = head && head.length > 0 ? head : await readHead(filePath);
  const format = detectFormat(bytes, filePath);
  // PNG may keep its eXIf/iTXt chunks after the image data, beyond any head we were given.
  if (format?.format === 'png' && bytes.length < file.size && file.size <= WHOLE_PNG_LIMIT) {
    bytes = await readWhole(filePath);
  }
  const whole =
    bytes.length === file.size ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : null;

  if (!format) {
    const ext = extensionOf(filePath);
    throw mediaError(
      'unsupported',
      `content is not a recognised image format${ext ? ` (despite the .${ext} extension)` : ''}`,
    );
  }
  const warnings: string[] = [];
  const expectedExt =
    format.format === 'jpeg' || format.format === 'mpo'
      ? ['jpg', 'jpeg', 'jpe', 'jfif', 'mpo']
      : null;
  const ext = extensionOf(filePath);
  if (expectedExt && ext && !expectedExt.includes(ext)) {
    warnings.push(`file is a ${format.label} despite its .${ext} extension`);
  }

  let sharpMeta: SharpMetadata | null = null;
  let sharpError: string | null = null;
  if (format.decoder === 'sharp' || format.decoder === 'heif') {
    try {
      // Header only, so no pixel limit here: decode.ts refuses oversized images with a message
      // naming the size, which sharp's own "exceeds pixel limit" would not.
      sharpMeta = await sharp(whole ?? filePath, {
        failOn: 'none',
        limitInputPixels: false,
      }).metadata();
    } catch (e) {
      sharpError = firstLine(errorText(e));
    }
  }

  const { tags, exiftool } = await readTags(filePath, whole, format);
  warnings.push(...tags.warnings);
  const metadata = buildMetadata(filePath, file, format, tags, sharpMeta, warnings);
  return { metadata, format, sharpMeta, sharpError, exiftool, warnings, fileSize: file.size };
}

async function readTags(
  filePath: string,
  whole: Buffer | null,
  format: FormatInfo,
): Promise<{ tags: CollectedTags; exiftool: ExifToolRead | null }> {
  if (format.decoder === 'raw' || EXIFTOOL_ONLY.has(format.format)) {
    const et = await readWithExifTool(filePath);
    return { tags: et.tags, exiftool: et };
  }
  const fast = await readWithExifr(whole ?? filePath);
  const found = fast.tags.dates.length > 0 || fast.tags.make !== null;
  const isHeif = format.decoder === 'heif' || format.format === 'avif';
  if (fast.parsed && !fast.partial && (found || !isHeif))
    return { tags: fast.tags, exiftool: null };
  // exifr failed, read only part of the file, or found nothing in a HEIF/AVIF (some writers put
  // EXIF where exifr does not look): ask exiftool and fill what exifr left empty.
  const et = await readWithExifTool(filePath);
  const tags = fast.parsed ? mergeTags(fast.tags, et.tags) : et.tags;
  // exifr's complaints matter only when exiftool failed too: "Unknown file format" for a GIF
  // that exiftool read fine is noise, not a problem with the photo.
  const exiftoolRead = et.fileType !== null;
  tags.warnings = exiftoolRead ? et.tags.warnings : [...fast.tags.warnings, ...et.tags.warnings];
  return { tags, exiftool: et };
}

/** Fields from `primary`, gaps filled from `secondary`; candidate lists concatenated. */
export function mergeTags(primary: CollectedTags, secondary: CollectedTags): CollectedTags {
  const out: CollectedTags = { ...primary };
  for (const key of Object.keys(primary) as (keyof CollectedTags)[]) {
    if (out[key] === null || out[key] === undefined) (out as any)[key] = secondary[key];
  }
  out.dates = [...primary.dates, ...secondary.dates];
  out.gpsCandidates = [...primary.gpsCandidates, ...secondary.gpsCandidates];
  out.gpsRejected =
    out.gpsCandidates.length === 0 && (primary.gpsRejected || secondary.gpsRejected);
  out.warnings = [...primary.warnings, ...secondary.warnings];
  return out;
}

function buildMetadata(
  filePath: string,
  file: FileFacts,
  format: FormatInfo,
  tags: CollectedTags,
  sharpMeta: SharpMetadata | null,
  warnings: string[],
): MediaMetadata {
  const exifOrientation =
    normalizeOrientation(tags.orientation) ??
    (tags.orientation === null ? normalizeOrientation(tags.xmpOrientation) : null);

  // [Note: whose orientation] The pixels are turned by whoever decodes them, so the orientation we
  // report is the decoder's: libvips' for sharp formats (what autoOrient applies), none for
  // HEIF/AVIF (libheif applies irot/imir and the EXIF tag must not be applied on top), the RAW's
  // own IFD0 tag for RAW previews.
  let orientation: number | null;
  // libjxl (through ffmpeg) applies the JPEG XL codestream orientation itself, like libheif.
  const containerRotates =
    format.decoder === 'heif' || format.format === 'avif' || format.format === 'jxl';
  if (containerRotates) {
    orientation = null;
  } else if (format.decoder === 'sharp' && sharpMeta) {
    orientation = normalizeOrientation(sharpMeta.orientation);
    const tagged = normalizeOrientation(tags.orientation);
    if ((tagged ?? 1) !== (orientation ?? 1)) {
      warnings.push(
        `EXIF orientation ${tags.orientation} not used by the decoder (it reads ${orientation ?? 'none'})`,
      );
    }
  } else {
    orientation = normalizeOrientation(tags.orientation);
  }

  let width: number | null = null;
  let height: number | null = null;
  if (sharpMeta?.width && sharpMeta.height) {
    const size = displayedSize(sharpMeta.width, sharpMeta.height, orientation);
    ({ width, height } = size);
  } else if (tags.width && tags.height) {
    const size = containerRotates
      ? { width: tags.width, height: tags.height }
      : displayedSize(tags.width, tags.height, orientation);
    ({ width, height } = size);
  }

  if (tags.gpsRejected)
    warnings.push('GPS tags present but unusable (0,0 or out of range): ignored');
  const taken = pickTakenAt(tags, path.basename(filePath), file.mtime);
  return {
    format: format.format,
    mimeType: format.mimeType,
    width,
    height,
    orientation,
    exifOrientation,
    ...taken,
    camera: cameraInfo(tags),
    exposure: exposureInfo(tags),
    gps: pickGps(tags),
    hints: captureHints(tags),
    ...(tags.contentIdentifier ? { contentIdentifier: tags.contentIdentifier } : {}),
  };
}
