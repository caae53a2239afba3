// Runs the duplicate finder in a worker thread: at 100k photos a scan takes seconds, which the
// server's event loop must not spend. Plain data in (signatures, dismissed pairs), groups out.
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_FINDER, findDuplicates, type DupItem } from './finder.js';

export interface FinderInput {
  items: DupItem[];
  dismissed: string[];
}

if (parentPort && workerData) {
  const input = workerData as FinderInput;
  const dismissed = new Set(input.dismissed);
  const groups = findDuplicates(input.items, {
    ...DEFAULT_FINDER,
    dismissed: (a, b) => dismissed.has(a < b ? `${a}|${b}` : `${b}|${a}`),
  });
  parentPort.postMessage(groups);
}
