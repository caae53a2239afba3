// What the media stage's pixel work costs per photo for each way of splitting it.
//   node dist/bench/probes/media-paths.js [photos] [rounds]
//
// Each variant starts from the file in memory (one read) and ends with what it names written to a
// scratch folder (thumbnail WebP, preview JPEG) or computed (pHash), with the media module's own
// writers. libvips on one thread, so the numbers are what one worker's core pays.
//   today       decode ≤1440 px (a 12 MP JPEG gets no shrink-on-load: 4000/1440 < 3) → thumb,
//               preview, pHash (what processMedia does)
//   half        the same from a ≤1333 px decode (shrink-on-load 1/2)
//   visible/8   decode ≤444 px (1/8) → thumb + pHash: the grid's work alone
//   visible/4   decode ≤800 px (1/4) → thumb + pHash, the 800 px image also serves CenterNet and
//               BlazeFace without a second decode
//   thumbOnly   one sharp pipeline file → thumbnail WebP (1/8 load inside), no raw image kept
//   later/2     the deferred half: decode ≤1333 px → preview (+ what the models need)

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { decodeWithSharp, toRgb } from '../../src/media/decode.js';
import { phash } from '../../src/media/phash.js';
import { thumbnailSize, writePreview, writeThumbnail } from '../../src/media/thumbnails.js';
import type { RawImage } from '../../src/media/types.js';
import { interleaved, log, poolPhotos } from './common.js';

async function decodeTo(buf: Buffer, maxSide: number): Promise<RawImage> {
  const { data, info } = await sharp(buf, { sequentialRead: true })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return toRgb(data, info.width, info.height, info.channels);
}

export async function mediaPaths(photos: number, rounds: number) {
  sharp.concurrency(1);
  sharp.cache(false);
  const out = mkdtempSync(path.join(os.tmpdir(), 'picto-probe-media-'));
  let n = 0;
  const hash = () => `probe${String(n++).padStart(8, '0')}`;
  const buffers = poolPhotos(photos).map((f) => readFileSync(f));
  try {
    const meta = await sharp(buffers[0]).metadata();
    const steps: Record<string, (b: Buffer) => Promise<unknown>> = {
      'today: decode1440 (decodeWithSharp)': (b) =>
        decodeWithSharp(b, meta, { autoOrient: true, label: 'JPEG' }),
      'today: decode1440 + thumb + preview + phash': async (b) => {
        const img = (await decodeWithSharp(b, meta, { autoOrient: true, label: 'JPEG' })).image;
        const h = hash();
        await writeThumbnail(img, out, h);
        await writePreview(img, out, h);
        phash(img);
      },
      'half: decode1333 + thumb + preview + phash': async (b) => {
        const img = await decodeTo(b, 1333);
        const h = hash();
        await writeThumbnail(img, out, h);
        await writePreview(img, out, h);
        phash(img);
      },
      'visible/8: decode444 + thumb + phash': async (b) => {
        const img = await decodeTo(b, 444);
        await writeThumbnail(img, out, hash());
        phash(img);
      },
      'visible/4: decode800 + thumb + phash': async (b) => {
        const img = await decodeTo(b, 800);
        await writeThumbnail(img, out, hash());
        phash(img);
      },
      'thumbOnly: one pipeline to WebP': async (b) => {
        const size = thumbnailSize(4000, 3000);
        await sharp(b)
          .rotate()
          .resize({ width: size.width, height: size.height, fit: 'fill', kernel: 'mitchell' })
          .webp({ quality: 75, effort: 0 })
          .toBuffer();
      },
      'later/2: decode1333 + preview': async (b) => {
        const img = await decodeTo(b, 1333);
        await writePreview(img, out, hash());
      },
      'decode444 alone': (b) => decodeTo(b, 444),
      'decode800 alone': (b) => decodeTo(b, 800),
      'decode1333 alone': (b) => decodeTo(b, 1333),
    };
    log(`${buffers.length} photos × ${Object.keys(steps).length} variants × ${rounds} rounds…`);
    const ms = await interleaved(buffers, steps, rounds);
    return { photos: buffers.length, rounds, vipsThreads: 1, medianPerPhoto: ms };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const photos = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
process.stdout.write(JSON.stringify(await mediaPaths(photos, rounds), null, 2) + '\n');
