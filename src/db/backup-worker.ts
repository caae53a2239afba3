// Finishes a backup copy off the main thread: folding its WAL back in and the integrity check read
// the whole file (a second or more for a large library), and the server's main thread must keep
// answering requests meanwhile.

import { parentPort, workerData } from 'node:worker_threads';
import { finishCopy } from './backup.js';

parentPort!.postMessage(finishCopy(workerData as string));
