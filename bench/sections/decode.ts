import { decodeOnlyRate } from '../ingest.js';
import { benchPhotos, log, median, round, workers } from './common.js';

/**
 * Issue 12: decode-only rate of the benchmark's grainy 12 MP JPEGs, as many in flight as there are
 * workers, at the sizes that pick each JPEG shrink-on-load scale of a 4000×3000 photo (sharp
 * chooses it: 1/8 up to 444 px, 1/4 up to 800, 1/2 up to 1333, none above; see bench/FINDINGS.md),
 * and at today's 1440 px working size. 256 px is the ceiling for a visible grid. Sizes are
 * interleaved per round and medians reported, since the machine is shared.
 */
export async function run() {
  const count = Number(process.env.PICTO_BENCH_PEER_PHOTOS ?? 100);
  const rounds = Number(process.env.PICTO_BENCH_DECODE_ROUNDS ?? 3);
  const files = await benchPhotos(count);
  const sizes = { 256: '1/8', 800: '1/4', 1333: '1/2', 1440: '1/1' } as const;
  const rates: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const size of Object.keys(sizes)) {
      log(`decode round ${r + 1}/${rounds}: ${size} px, ${workers} in flight…`);
      const rate = await decodeOnlyRate(files, workers, Number(size));
      (rates[size] ??= []).push(rate.photosPerSecond);
      (cpu[size] ??= []).push(rate.cpuMsPerPhoto ?? NaN);
    }
  }
  const medians = (by: Record<string, number[]>, digits = 2) =>
    Object.fromEntries(Object.entries(by).map(([size, xs]) => [size, round(median(xs), digits)]));
  const photosPerSecond = medians(rates);
  return {
    photos: count,
    workers,
    rounds,
    decode256PhotosPerSecond: photosPerSecond['256'],
    photosPerSecondBySize: photosPerSecond,
    cpuMsPerPhotoBySize: medians(cpu, 1),
    shrinkOnLoadBySize: sizes,
  };
}
