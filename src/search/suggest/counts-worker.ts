// Counts what search suggestions offer in a worker thread, on its own read-only connection (WAL
// lets it read while the main thread writes): the GROUP BYs read most of the catalogue.

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/index.js';
import { SuggestRepo } from '../../db/repos/suggest.js';

const db = openDatabase(workerData as string, { readonly: true });
try {
  parentPort!.postMessage(new SuggestRepo(db).counts());
} finally {
  db.close();
}
