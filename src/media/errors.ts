import type { MediaErrorCode, MediaErrorInfo, MediaPartial } from './types.js';

export type { MediaErrorCode, MediaErrorInfo };

/**
 * A per-file problem with a stable code for the catalogue and a message a person can act on
 * ("truncated JPEG data", "file is empty (0 bytes)"). Anything else thrown from this module is a
 * bug or an environment failure (disk full, thumbnail directory not writable), not the photo's fault.
 */
export class MediaError extends Error {
  override readonly name = 'MediaError';
  readonly code: MediaErrorCode;
  /**
   * Set by processMedia: the metadata (and warnings) read before the failure, so the file can be
   * catalogued with its date, camera and GPS even when its pixels cannot be shown.
   */
  partial?: MediaPartial;

  constructor(code: MediaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  toInfo(): MediaErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isMediaError(e: unknown): e is MediaError {
  return e instanceof MediaError;
}

/** Plain-data form of any error, for results that cross the worker boundary. */
export function mediaErrorInfo(e: unknown): MediaErrorInfo {
  if (e instanceof MediaError) return e.toInfo();
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

/** Maps a Node fs error to an 'unreadable' MediaError; other errors pass through. */
export function fromFsError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && code in FS_CODES) {
    return new MediaError('unreadable', `cannot read ${path}: ${FS_CODES[code]}`, { cause: e });
  }
  return e;
}

/**
 * Turns a libvips/libheif failure into a MediaError with a message naming the problem.
 * The raw decoder text is kept after the summary because it is what a bug report needs.
 */
export function fromDecoderError(e: unknown, formatLabel: string): MediaError {
  if (e instanceof MediaError) return e;
  const raw = firstLine(errorText(e));
  const lower = raw.toLowerCase();
  if (lower.includes('exceeds pixel limit')) {
    return new MediaError('too-large', `${formatLabel} image is over the pixel limit (${raw})`, {
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
    return new MediaError('unsupported', `${formatLabel} variant not supported by the decoder`, {
      cause: e,
    });
  } else {
    summary = `corrupt ${formatLabel} data`;
  }
  return new MediaError('corrupt', `${summary} (${raw})`, { cause: e });
}
