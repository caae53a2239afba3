// A file another process is still appending to (ffmpeg writing a fragmented MP4), read while it
// grows: readers follow it to its end, which comes when the writer says it finished.
//
// [Note: live transcode] A transcode writes a fragmented MP4 (its index, written with the first
// fragment, then a `moof` + `mdat` fragment per half second of video) to a temporary file, and
// ffmpeg only ever appends to it (checked with FFmpeg 4.1 and 5.1: its output to a file and to a
// pipe are the same bytes). So a browser can be sent that file while it is being written, from its
// first bytes, and play it as it arrives: the first fragment exists a second or two after ffmpeg
// starts. When ffmpeg exits the fragments are copied (not re-encoded) into the normal faststart
// MP4 that is kept, and the temporary file is deleted once its last reader is done (an open
// descriptor would keep reading it anyway, but a reader that has not opened it yet must still find
// it). Seeking in the growing answer is not offered (`Accept-Ranges: none`): the viewer says so,
// and swaps to the finished file, which seeks, when `video.ready` comes.

import { promises as fs } from 'node:fs';
import { Readable } from 'node:stream';

/** How often a reader at the end of the file looks again when the writer has said nothing. */
const RECHECK_MS = 200;
const CHUNK = 256 * 1024;

export type GrowingState = 'writing' | 'complete' | 'failed';

export class GrowingFile {
  private state: GrowingState = 'writing';
  private readers = 0;
  private discardWanted = false;
  private wakers = new Set<() => void>();

  constructor(readonly path: string) {}

  get status(): GrowingState {
    return this.state;
  }

  /** How many responses are reading it now. */
  get readerCount(): number {
    return this.readers;
  }

  /** Bytes written so far. */
  async size(): Promise<number> {
    return fs.stat(this.path).then(
      (s) => s.size,
      () => 0,
    );
  }

  /** The writer wrote more: readers waiting at the end read on now. */
  grew(): void {
    const wakers = this.wakers;
    this.wakers = new Set();
    for (const w of wakers) w();
  }

  /** The writer is done: readers read to the end and stop ('complete') or fail ('failed'). */
  finish(ok: boolean): void {
    if (this.state !== 'writing') return;
    this.state = ok ? 'complete' : 'failed';
    this.grew();
  }

  /** Deletes the file as soon as no reader needs it any more. */
  discard(): Promise<void> {
    this.discardWanted = true;
    return this.readers === 0 ? this.remove() : Promise.resolve();
  }

  /** Waits until more than `bytes` are written, or the writer finished; resolves the size then. */
  async waitFor(bytes: number, timeoutMs: number): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const size = await this.size();
      if (size > bytes || this.state !== 'writing' || Date.now() >= until) return size;
      await this.nap(Math.min(RECHECK_MS, until - Date.now()));
    }
  }

  /**
   * The bytes from `start` on, following the file as it grows until the writer finished. A failed
   * write ends the stream with an error (a response cut short, not a video that seems complete).
   */
  follow(start = 0): Readable {
    return this.reader(start, Infinity);
  }

  /** Bytes start..end (inclusive) of what is written: a range that already exists. */
  slice(start: number, end: number): Readable {
    return this.reader(start, end + 1);
  }

  private reader(start: number, stop: number): Readable {
    // Counted before anything is awaited: a discard() from now on waits for this reader. Released
    // when the stream closes, read to its end or not read at all.
    this.readers++;
    const stream = Readable.from(this.chunks(start, stop), { objectMode: false });
    stream.once('close', () => {
      this.readers--;
      if (this.readers === 0 && this.discardWanted) void this.remove();
    });
    return stream;
  }

  private async *chunks(start: number, stop: number): AsyncGenerator<Buffer> {
    const handle = await fs.open(this.path, 'r');
    try {
      let pos = start;
      while (pos < stop) {
        const buf = Buffer.allocUnsafe(Math.min(CHUNK, stop - pos));
        // What the writer had said before this read is all in the file by then.
        const finished = this.state;
        const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
        if (bytesRead > 0) {
          pos += bytesRead;
          yield buf.subarray(0, bytesRead);
          continue;
        }
        if (finished === 'complete' || stop !== Infinity) return;
        if (finished === 'failed') throw new Error('the transcode of this video failed');
        await this.nap(RECHECK_MS);
      }
    } finally {
      await handle.close();
    }
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.wakers.add(done);
    });
  }

  private remove(): Promise<void> {
    return fs.rm(this.path, { force: true });
  }
}
