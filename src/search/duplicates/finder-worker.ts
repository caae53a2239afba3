// Runs the duplicate finder in a worker thread: at 100k photos a scan takes seconds, which the
// server's event loop must not spend. Plain data in (signatures, dismissed pairs), groups out.
import { parentPort } from 'node:worker_threads';
import { DEFAULT_FINDER, findDuplicates, type DupItem } from './finder.js';

parentPort?.on('message', (msg: { items: DupItem[]; dismissed: string[] }) => {
  const dismissed = new Set(msg.dismissed);
  const groups = findDuplicates(msg.items, {
    ...DEFAULT_FINDER,
    dismissed: (a, b) => dismissed.has(a < b ? `${a}|${b}` : `${b}|${a}`),
  });
  parentPort?.postMessage(groups);
});
