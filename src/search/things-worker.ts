// Counts the things page in a worker thread, on its own read-only connection (WAL lets it read
// while the main thread writes): reading every object at 100k photos takes most of a second.

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/index.js';
import { CategoriesRepo } from '../db/repos/categories.js';
import { ObjectsRepo } from '../db/repos/objects.js';
import { countThings } from './things.js';

const db = openDatabase(workerData as string, { readonly: true });
try {
  parentPort!.postMessage(
    countThings(new ObjectsRepo(db).liveObjects(), new CategoriesRepo(db).liveCategories()),
  );
} finally {
  db.close();
}
