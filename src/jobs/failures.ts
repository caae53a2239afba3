import { isMediaError, isPictoError, type ErrorCode } from '../shared/errors.js';
import type { StageFailure } from './task.js';

// [Note: Transient and permanent indexing failures]
//
// A failed stage is either the file's own fault or the moment's. Only the first kind is marked
// permanent: the job is recorded as failed at once and not tried again, because the same bytes
// decode the same way every time. These are the media codes PERMANENT lists: an empty file, a
// corrupt or truncated one, a format we cannot decode, an image over the pixel limit, a RAW
// without an embedded preview, a video file with no picture in it. A permanent failure still ends when the file changes (the scanner
// queues its stages afresh) or when the user asks (`POST /api/jobs/retry`, the Folders page).
//
// Everything else is transient and retried, up to the runner's attempt limit (3), then recorded
// on the photo: a file that vanished for a moment (a move the watcher has not seen yet), one we
// may not read now (permissions get fixed, network disks come back), too many open files, a
// model that is not provisioned yet, ffmpeg that cannot run or overran its time limit on a busy
// machine, a worker that crashed, a bug. The classification is by code
// only, never by the error's class or message, so it holds for errors that crossed the worker
// boundary as plain data.
//
// When in doubt a failure is transient. Taking a passing problem for the file's fault would hide
// a good photo until someone retries by hand; taking a lasting one for a passing problem costs
// only the bounded retries.

/** Media codes that describe the file itself (see the note above). */
const PERMANENT = new Set<ErrorCode>([
  'empty',
  'corrupt',
  'unsupported',
  'too-large',
  'no-preview',
  'decode-failed',
  'no-video-stream',
]);

/** A stage failure as the worker reports it: plain data, with the retry rule applied. */
export function failureOf(err: unknown, ms: number): StageFailure {
  if (isPictoError(err)) {
    return {
      ok: false,
      code: err.code,
      error: err.message,
      permanent: isMediaError(err) && PERMANENT.has(err.code),
      partial: isMediaError(err) ? err.detail : undefined,
      ms,
    };
  }
  // Not ours: a Node fs error keeps its errno code (ENOENT, EBUSY, EMFILE…), anything else is 'error'.
  const errno = (err as NodeJS.ErrnoException | null)?.code;
  if (errno === 'ENOENT') {
    return {
      ok: false,
      code: 'missing-file',
      error: 'file no longer exists at this path',
      permanent: false,
      ms,
    };
  }
  return {
    ok: false,
    code: typeof errno === 'string' ? errno : 'error',
    error: err instanceof Error ? err.message : String(err),
    permanent: false,
    ms,
  };
}
