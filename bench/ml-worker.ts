// Worker thread for bench/ml-workers.ts: one Analyzer, analyse every image posted, reply.
import { parentPort } from 'node:worker_threads';
import type { RawImage } from '../src/media/types.js';
import { createAnalyzer } from '../src/ml/index.js';

const analyzer = await createAnalyzer({ threads: 1 });
parentPort!.on('message', async (msg: RawImage | 'close') => {
  if (msg === 'close') {
    await analyzer.close();
    parentPort!.close();
    return;
  }
  const r = await analyzer.analyze(msg);
  parentPort!.postMessage({ faces: r.faces.length, objects: r.objects.length, timings: r.timings });
});
parentPort!.postMessage('ready');
