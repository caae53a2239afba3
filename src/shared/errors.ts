// The one error model. Every failure Picto means to report is a PictoError with a code; the shells
// translate codes, each in one table: the API to an HTTP status and an error kind
// (src/server/errors.ts), the CLI to an exit status (src/cli/errors.ts), the indexer to "retry
// or not" (src/jobs/failures.ts). Anything thrown that is not a PictoError is a bug or the
// environment failing, and is reported as such (HTTP 500, a stack trace, a retried job).
//
// No Node imports here: the web build may import the code types.

/**
 * Per-file media problems. The strings are stored in catalogues (a photo's error code) and cross
 * the worker boundary as plain data: never rename one.
 *
 * empty: 0 bytes · unreadable: missing, permission, I/O (worth retrying) · unsupported: not an image
 * we know, or no decoder for it here · corrupt: truncated or broken data · too-large: over the pixel
 * or file-size limit · no-preview: RAW without a usable embedded JPEG · decode-failed: anything else.
 * Videos add: no-video-tools: no ffmpeg/ffprobe that runs (the file is fine; photos are unaffected)
 * · no-video-stream: a container with no picture (audio only) · timeout: ffmpeg/ffprobe overran its
 * time limit and was killed.
 */
export const MEDIA_ERROR_CODES = [
  'empty',
  'unreadable',
  'unsupported',
  'corrupt',
  'too-large',
  'no-preview',
  'decode-failed',
  'no-video-tools',
  'no-video-stream',
  'timeout',
] as const;
export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number];

export type ErrorCode =
  // A request the domain refuses.
  /** A value that is not acceptable: an empty name, a cursor not from us, nothing to merge. */
  | 'invalid'
  /** A request that does not have the shape it must have (also every schema rejection). */
  | 'validation'
  /** No photo, album, person, face or folder with that id; a file that is not on disk. */
  | 'not-found'
  /** Something the photo does not have yet (its thumbnail before the indexer made it). */
  | 'not-ready'
  /** The request contradicts the catalogue: a name taken, a photo that is not in the trash. */
  | 'conflict'
  /** The file at a photo's path is not (or no longer) a photo Picto recognises. */
  | 'not-a-photo'
  // Library folders.
  /** The path typed for a new library folder does not exist. */
  | 'folder-not-found'
  | 'not-a-folder'
  /** Picto's own data folder cannot be a library folder. */
  | 'data-dir'
  /** Inside a folder already in the library. */
  | 'nested'
  /** Not a library folder (remove, AI switch). */
  | 'unknown-folder'
  // Files.
  | MediaErrorCode
  /** A byte range outside the file. */
  | 'bad-range'
  // The environment.
  /** A model file is missing or does not verify. */
  | 'model-unavailable'
  // Access (HTTP only).
  | 'unauthorised'
  /** Only for clients on this machine (the folder picker), whatever token another one sends. */
  | 'local-only'
  | 'cross-site'
  | 'rate-limited'
  // The command line.
  /** Wrong arguments or options. */
  | 'usage';

export class PictoError extends Error {
  override readonly name = 'PictoError';
  /**
   * Plain data for whoever catches it, read through the thrower's helper: the metadata a failed
   * decode still read (media: the file is catalogued with its date), the model and the reason
   * (model-unavailable).
   */
  detail?: unknown;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; detail?: unknown },
  ) {
    super(message, options);
    if (options?.detail !== undefined) this.detail = options.detail;
  }
}

export function isPictoError(e: unknown, ...codes: ErrorCode[]): e is PictoError {
  return e instanceof PictoError && (codes.length === 0 || codes.includes(e.code));
}

const MEDIA = new Set<string>(MEDIA_ERROR_CODES);

export function isMediaErrorCode(code: unknown): code is MediaErrorCode {
  return typeof code === 'string' && MEDIA.has(code);
}

/** A per-file media problem (see MEDIA_ERROR_CODES). */
export function isMediaError(e: unknown): e is PictoError & { code: MediaErrorCode } {
  return e instanceof PictoError && MEDIA.has(e.code);
}
