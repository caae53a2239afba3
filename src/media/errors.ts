import { isMediaError, PictoError, type MediaErrorCode } from '../shared/errors.js';
import type { MediaErrorInfo, MediaPartial } from './types.js';

export type { MediaErrorCode, MediaErrorInfo };
export { isMediaError };

/** A PictoError with a media code (not a class of its own: one error model, see shared/errors.ts). */
export type MediaError = PictoError & { code: MediaErrorCode };

/**
 * A per-file problem: a PictoError with a media code for the catalogue and a message a person can
 * act on ("truncated JPEG data", "file is empty (0 bytes)"). Anything else thrown from this module
 * is a bug or an environment failure (disk full, thumbnail directory not writable), not the
 * photo's fault.
 */
export function mediaError(
  code: MediaErrorCode,
  message: string,
  options?: { cause?: unknown },
): MediaError {
  return new PictoError(code, message, options) as MediaError;
}

/** What a failed processMedia still read (metadata, warnings, timings), if it got that far. */
export function mediaPartial(e: unknown): MediaPartial | undefined {
  return isMediaError(e) ? (e.detail as MediaPartial | undefined) : undefined;
}

/** Plain-data form of any error, for results that cross the worker boundary. */
export function mediaErrorInfo(e: unknown): MediaErrorInfo {
  if (isMediaError(e)) return { code: e.code, message: e.message };
  return { code: 'decode-failed', message: errorText(e) };
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** First line only, trimmed: libvips and libheif append multi-line diagnostics. */
export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.trim();
}

const FS_CODES: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  EIO: 'I/O error while reading',
  ELOOP: 'too many symbolic links',
};

/** Maps a Node fs error to an 'unreadable' media error; other errors pass through. */
export function fromFsError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && code in FS_CODES) {
    return mediaError('unreadable', `cannot read ${path}: ${FS_CODES[code]}`, { cause: e });
  }
  return e;
}

/**
 * Turns a libvips/libheif failure into a media error with a message naming the problem.
 * The raw decoder text is kept after the summary because it is what a bug report needs.
 */
export function fromDecoderError(e: unknown, formatLabel: string): MediaError {
  if (isMediaError(e)) return e;
  const raw = firstLine(errorText(e));
  const lower = raw.toLowerCase();
  if (lower.includes('exceeds pixel limit')) {
    return mediaError('too-large', `${formatLabel} image is over the pixel limit (${raw})`, {
      cause: e,
    });
  }
  let summary: string;
  if (
    lower.includes('premature end') ||
    lower.includes('truncated') ||
    lower.includes('unexpected end') ||
    lower.includes('bad seek') ||
    lower.includes('insufficient input') ||
    lower.includes('not enough data')
  ) {
    summary = `truncated ${formatLabel} data`;
  } else if (lower.includes('timeout')) {
    summary = `decoding the ${formatLabel} took too long`;
  } else if (lower.includes('unsupported image format')) {
    return mediaError('unsupported', `${formatLabel} variant not supported by the decoder`, {
      cause: e,
    });
  } else {
    summary = `corrupt ${formatLabel} data`;
  }
  return mediaError('corrupt', `${summary} (${raw})`, { cause: e });
}
