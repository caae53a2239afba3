// Reading an original for decoding into memory this thread reuses.
//
// [Note: one buffer per thread for originals] A worker reads a 5 MB JPEG for every photo. A fresh
// Buffer each time is 5 MB of external memory per photo, and V8 answers that growth with a full
// mark-compact every photo or two (~3 ms each, measured with --trace-gc on a worker's loop). The
// bytes are only needed until the decode returns, so one growing buffer per thread holds them; a
// second read while it is lent out (two decodes awaited at once in one thread, as tests do) gets
// a buffer of its own, and so does a file too big to keep around. Nothing that outlives the
// decode may hold a view into the lent buffer: metadata is plain values, decoded images are
// sharp's own buffers.

import { open } from 'node:fs/promises';

import { fromFsError } from './errors.js';

/** Files up to this size share the thread's buffer; bigger ones get one of their own. */
const KEEP_AT_MOST = 64 * 1024 * 1024;

let kept: Buffer | null = null;
let lent = false;

export interface LentBytes {
  /** the bytes read (a view: valid until release) */
  bytes: Buffer;
  release(): void;
}

function borrow(size: number): { buf: Buffer; release: () => void } {
  if (lent || size > KEEP_AT_MOST) return { buf: Buffer.allocUnsafe(size), release: () => {} };
  if (!kept || kept.length < size) {
    kept = null;
    // Grow in 4 MiB steps so that photos of similar size do not re-allocate.
    kept = Buffer.allocUnsafeSlow(Math.ceil(size / (4 << 20)) * (4 << 20));
  }
  lent = true;
  let back = false;
  return {
    buf: kept,
    release: () => {
      if (back) return;
      back = true;
      lent = false;
    },
  };
}

/**
 * The first `headBytes` of a file and, when `wantWhole(head)` says so, all of it, with one open.
 * `size` is the file's size from its stat; a file that shrank since is read as it is now.
 */
export async function readOriginal(
  filePath: string,
  size: number,
  headBytes: number,
  wantWhole: (head: Buffer) => boolean,
): Promise<LentBytes> {
  let fh;
  try {
    fh = await open(filePath, 'r');
  } catch (e) {
    throw fromFsError(e, filePath);
  }
  // A file too big to keep (a 60 MB RAW) borrows only for its head: most such reads stop there.
  let { buf, release } = borrow(size <= KEEP_AT_MOST ? size : Math.min(size, headBytes));
  try {
    const readUpTo = async (from: number, to: number): Promise<number> => {
      let at = from;
      while (at < to) {
        const { bytesRead } = await fh.read(buf, at, to - at, at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      return at;
    };
    const headEnd = await readUpTo(0, Math.min(size, headBytes));
    const head = buf.subarray(0, headEnd);
    if (headEnd < Math.min(size, headBytes) || headEnd === size || !wantWhole(head)) {
      return { bytes: head, release };
    }
    if (buf.length < size) {
      const whole = Buffer.allocUnsafe(size);
      buf.copy(whole, 0, 0, headEnd);
      release();
      [buf, release] = [whole, () => {}];
    }
    return { bytes: buf.subarray(0, await readUpTo(headEnd, size)), release };
  } catch (e) {
    release();
    throw fromFsError(e, filePath);
  } finally {
    await fh.close();
  }
}
