import { decodeOnlyRate, indexRate } from '../ingest.js';
import { benchPhotos, log, round, workers } from './common.js';

/** Issue 2: ingest without AI (scan, fingerprint, metadata, thumbnail, preview, pHash). */
export async function run() {
  const files = await benchPhotos(Number(process.env.PICTO_BENCH_PHOTOS ?? 120));
  log('decode-only rate…');
  const decode = await decodeOnlyRate(files, workers);
  log(`ingest without AI, ${workers} workers…`);
  const ingest = await indexRate(files, workers, false);
  return {
    photos: files.length,
    workers,
    photosPerSecond: round(ingest.photosPerSecond),
    decodeOnlyPhotosPerSecond: round(decode.photosPerSecond),
    ratioToDecode: round(ingest.photosPerSecond / decode.photosPerSecond),
    msPerPhotoPerStep: ingest.msPerPhotoPerStep,
    targets: { photosPerSecond: 25, ratioToDecode: 0.6, peakRssMb: 500 },
  };
}
