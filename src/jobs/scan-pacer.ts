// [Note: scan pacing] in library/scanner.ts, the runner's half: how many visible steps have
// finished, and scans waiting for room.

/**
 * Photos a scan may queue beyond the visible steps the runner has finished since the scan began
 * (a few seconds of work for the workers, so they never wait for the scan), and the longest it
 * waits for one to finish before it goes on anyway.
 */
export const SCAN_LEAD = 250;
export const SCAN_WAIT_MS = 1000;

export class ScanPacing {
  /** Tasks of the visible step finished (or failed) since start: what scans are paced by. */
  private visibleDone = 0;
  private waiters: (() => void)[] = [];

  /**
   * A scan's pacer: `room(queued)` resolves once the scan may have queued `queued` photos, i.e.
   * when at most `lead` of them would still wait for their visible step, and at the latest
   * `waitMs` after it was called, so a scan never hangs on the indexer. It resolves at once while
   * `indexing()` is false (the runner stopped, paused, or without workers).
   */
  pacer(
    indexing: () => boolean,
    lead = SCAN_LEAD,
    waitMs = SCAN_WAIT_MS,
  ): (queued: number) => Promise<void> {
    const base = this.visibleDone;
    return async (queued) => {
      const deadline = Date.now() + waitMs;
      while (indexing() && queued - (this.visibleDone - base) > lead) {
        const left = deadline - Date.now();
        if (left <= 0) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          this.waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    };
  }

  /** A visible step finished: waiting scans look again. */
  visibleFinished(): void {
    this.visibleDone++;
    this.wake();
  }

  /** Waiting scans look again (the runner paused or stopped: they go on). */
  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
