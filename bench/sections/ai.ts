import type { RawImage } from '../../src/media/types.js';
import { decodeOnlyRate, indexRate } from '../ingest.js';
import { benchMl, decodeForMl } from '../ml.js';
import { benchPhotos, log, round, workers } from './common.js';

/** Issue 4: full indexing (thumbnails, metadata, objects, faces, embeddings) and ML per stage. */
export async function run() {
  const files = await benchPhotos(Number(process.env.PICTO_BENCH_AI_PHOTOS ?? 60));
  log('decode-only rate…');
  const decode = await decodeOnlyRate(files, workers);
  log(`full indexing with AI, ${workers} workers × 1 thread…`);
  const full = await indexRate(files, workers, true);
  log('ML per stage on one thread…');
  const images: RawImage[] = [];
  for (const f of files.slice(0, 20)) images.push(await decodeForMl(f));
  const ml = await benchMl(images);
  return {
    photos: files.length,
    workers,
    photosPerSecond: round(full.photosPerSecond),
    decodeOnlyPhotosPerSecond: round(decode.photosPerSecond),
    ratioToDecode: round(full.photosPerSecond / decode.photosPerSecond),
    msPerPhotoPerStep: full.msPerPhotoPerStep,
    ml: {
      photos: ml.photos,
      stagesMs: ml.stages,
      cpuMsPerPhoto: ml.cpuMsPerPhoto,
      runtimes: ml.runtimes,
      modelVersions: ml.modelVersions,
    },
    targets: { photosPerSecond: 12, ratioToDecode: 0.3, peakRssMb: 1500 },
  };
}
