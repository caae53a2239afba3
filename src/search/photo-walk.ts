// [Note: passes over every photo in slices] Some passes look at every photo when indexing ends
// (places for positions another path wrote, the next batch of text reading). On a catalogue of
// 100,000 photos one such query holds the main thread 100–400 ms, and every API request waits
// behind it: scrolling froze at each end of indexing. They walk the photos table by rowid, 10,000
// rows a step (~5–15 ms), with a turn of the event loop between steps.

import type { PhotoWindow } from '../db/photo-windows.js';

export const WALK_STEP = 10_000;

/**
 * Calls `step` on each window of rowids up to `end`, yielding to the event loop between them;
 * `step` returns true to stop early, `closed()` true stops the walk (the app is shutting down).
 */
export async function walkPhotos(
  end: number,
  step: (w: PhotoWindow) => boolean | void,
  closed: () => boolean,
  size = WALK_STEP,
): Promise<void> {
  for (let after = 0; after < end; after += size) {
    if (closed()) return;
    if (step({ after, upTo: Math.min(end, after + size) })) return;
    if (after + size < end) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * One walk at a time: `run` starts `once`, or, while one runs, asks it to run once more after it
 * (indexing ended again meanwhile); `closed()` true ends the repeats.
 */
export class RepeatedWalk {
  private running: { again: boolean } | null = null;

  constructor(private readonly closed: () => boolean) {}

  async run(once: () => Promise<void>): Promise<void> {
    if (this.running) {
      this.running.again = true;
      return;
    }
    const walk = { again: false };
    this.running = walk;
    try {
      do {
        walk.again = false;
        await once();
      } while (walk.again && !this.closed());
    } finally {
      this.running = null;
    }
  }
}
