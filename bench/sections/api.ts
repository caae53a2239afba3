import { apiBenchmarks } from '../api.js';
import { benchPhotos, log } from './common.js';
import path from 'node:path';

/** Issue 3: gallery API and UI latency on a 100k-photo catalogue. */
export async function run() {
  const files = await benchPhotos(Number(process.env.PICTO_BENCH_AI_PHOTOS ?? 60));
  log('gallery API on a generated 100k-photo catalogue…');
  return apiBenchmarks({ indexFolder: path.dirname(files[0]) });
}
