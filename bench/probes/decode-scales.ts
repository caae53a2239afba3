// Where sharp's JPEG shrink-on-load kicks in, and what each decode size costs one core.
//   node dist/bench/probes/decode-scales.js [photos] [rounds]
// Per photo (median), libvips on one thread, the file already in memory: decode to a long side of
// N px (fit inside, EXIF-rotated, raw RGB out), for N around the 1/8, 1/4, 1/2 thresholds of a
// 4000×3000 JPEG (500, 1000, 2000 px). A jump in time between two sizes marks the threshold.

import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { interleaved, log, poolPhotos } from './common.js';

const SIZES = [256, 400, 500, 501, 512, 750, 1000, 1001, 1024, 1280, 1440, 2000, 2001, 4000];

export async function decodeScales(photos: number, rounds: number) {
  sharp.concurrency(1);
  sharp.cache(false);
  const buffers = poolPhotos(photos).map((f) => readFileSync(f));
  const variants: Record<string, (b: Buffer) => Promise<unknown>> = {};
  for (const n of SIZES) {
    variants[`${n}`] = (b) =>
      sharp(b)
        .rotate()
        .resize({ width: n, height: n, fit: 'inside', withoutEnlargement: true })
        .removeAlpha()
        .raw()
        .toBuffer();
  }
  // The explicit shrink-on-load routes: libvips' jpegload "shrink" through thumbnail-style sizing
  // is not exposed by sharp, so fastShrinkOnLoad on/off shows the gain at each size.
  for (const n of [256, 1000, 1440]) {
    variants[`${n}-noShrinkOnLoad`] = (b) =>
      sharp(b)
        .rotate()
        .resize({ width: n, height: n, fit: 'inside', fastShrinkOnLoad: false })
        .removeAlpha()
        .raw()
        .toBuffer();
  }
  variants['header-only'] = (b) => sharp(b).metadata();
  log(`${buffers.length} photos × ${Object.keys(variants).length} decodes × ${rounds} rounds…`);
  const ms = await interleaved(buffers, variants, rounds);
  return { photos: buffers.length, rounds, vipsThreads: 1, medianPerPhoto: ms };
}

const photos = Number(process.argv[2] ?? 12);
const rounds = Number(process.argv[3] ?? 3);
process.stdout.write(JSON.stringify(await decodeScales(photos, rounds), null, 2) + '\n');
