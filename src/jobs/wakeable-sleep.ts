/**
 * A poll loop's pause that new work cuts short: `sleep(ms)` resolves after `ms`, or at once when
 * `wake()` is called meanwhile. The job runner and the transcode lane poll the queue this way, so
 * a job queued between polls starts now, not at the next one. `wake()` with nobody asleep does
 * nothing.
 */
export class WakeableSleep {
  private wakeNow: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeNow = () => {
        this.wakeNow = null;
        done();
      };
    });
  }

  wake(): void {
    this.wakeNow?.();
  }
}
