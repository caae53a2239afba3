import { readdirSync } from 'node:fs';
import os from 'node:os';

const BACKGROUND_NICE = 10;

/**
 * Keeps the gallery responsive while indexing runs: every thread of this process except the main
 * thread (the one answering HTTP requests) gets nice 10. Indexing threads — the worker pool, the
 * libuv pool where sharp decodes, libvips and ONNX Runtime threads — then take whatever CPU the
 * requests leave instead of competing with them as equals on a 2-core machine. When nothing else
 * runs, a niced thread runs at full speed, so indexing loses nothing on an idle machine.
 *
 * Linux lets one thread be reniced by its id (setpriority is per thread there). Threads appear
 * lazily (pools grow on first use), so the sweep repeats every few seconds. Elsewhere: no-op.
 * Opt out with PICTO_THREAD_PRIORITY=0.
 */
export function deprioritiseBackgroundThreads(): () => void {
  if (process.platform !== 'linux' || process.env.PICTO_THREAD_PRIORITY === '0')
    return () => undefined;
  const done = new Set<number>();
  const sweep = () => {
    let tids: string[];
    try {
      tids = readdirSync('/proc/self/task');
    } catch {
      return;
    }
    for (const t of tids) {
      const tid = Number(t);
      if (tid === process.pid || done.has(tid)) continue;
      try {
        os.setPriority(tid, BACKGROUND_NICE);
      } catch {
        // The thread ended between listing and renicing, or we may not change it: leave it.
      }
      done.add(tid);
    }
  };
  sweep();
  const timer = setInterval(sweep, 3000);
  timer.unref();
  return () => clearInterval(timer);
}
