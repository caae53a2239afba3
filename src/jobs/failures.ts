import type { StageFailure } from './task.js';

const TRANSIENT = new Set([
  'ENOENT',
  'EBUSY',
  'EMFILE',
  'ENFILE',
  'EAGAIN',
  'unreadable',
  'missing-file',
]);

export function failureOf(err: unknown, ms: number): StageFailure {
  const e = err as { code?: string; message?: string; partial?: unknown; name?: string };
  const code = typeof e?.code === 'string' ? e.code : 'error';
  return {
    ok: false,
    code: code === 'ENOENT' ? 'missing-file' : code,
    error: code === 'ENOENT' ? 'file no longer exists at this path' : (e?.message ?? String(err)),
    // A file the decoder rejects will be rejected again; anything unexpected gets retried.
    permanent: e?.name === 'MediaError' && !TRANSIENT.has(code),
    partial: e?.partial,
    ms,
  };
}
