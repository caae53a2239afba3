import path from 'node:path';
import { indexRate } from '../ingest.js';
import { remoteRate } from '../remote.js';
import { benchPhotos, log, repoRoot, round } from './common.js';

/**
 * Issue 17: photos/s with 0 local + 2 remote workers (`picto worker` processes on this machine,
 * through redis-server and the HTTP fetch) against 2 local worker threads; the overhead is what
 * the queue and the fetch cost. Bytes per photo: the original fetched, the result and the
 * derived files (thumbnail, preview) sent back.
 */
export async function run() {
  const files = await benchPhotos(Number(process.env.PICTO_BENCH_REMOTE_PHOTOS ?? 40));
  log('2 local workers…');
  const local = await indexRate(files, 2, true);
  log('0 local + 2 remote workers through redis-server…');
  const remote = await remoteRate(files, 2, path.join(repoRoot, 'bin', 'picto.js'));
  const t = remote.traffic;
  const per = (n: number) => Math.round(n / Math.max(1, t.results));
  return {
    photos: files.length,
    localPhotosPerSecond: round(local.photosPerSecond),
    remotePhotosPerSecond: round(remote.photosPerSecond),
    overhead: round(1 - remote.photosPerSecond / local.photosPerSecond, 3),
    bytesPerPhoto: {
      original: per(t.originalBytes),
      result: per(t.resultBytes),
      files: per(t.fileBytes),
      total: per(t.originalBytes + t.resultBytes + t.fileBytes),
    },
    results: t.results,
    targets: { overhead: 0.15 },
  };
}
