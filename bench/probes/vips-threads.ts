// libvips threads per decode when two decodes are in flight (two workers on two cores).
//   node dist/bench/probes/vips-threads.js [photos] [rounds]
//
// libvips' thread count (sharp.concurrency) is one setting for the whole process, shared by every
// worker thread; each sharp call runs on a libuv pool thread and may use that many libvips threads.
// The pipeline runs two workers, so two decodes are in flight. For each setting, blocks of photos
// are decoded two at a time and the rate (wall) and CPU per photo are recorded; settings are
// interleaved block by block and medians reported, since the machine is shared.

import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { log, median, poolPhotos, r1 } from './common.js';

async function block(buffers: Buffer[], lanes: number, maxSide: number) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < buffers.length) {
        const b = buffers[next++];
        await sharp(b)
          .rotate()
          .resize({ width: maxSide, height: maxSide, fit: 'inside' })
          .removeAlpha()
          .raw()
          .toBuffer();
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { rate: buffers.length / s, cpuMs: (c.user + c.system) / 1000 / buffers.length };
}

export async function vipsThreads(photos: number, rounds: number) {
  sharp.cache(false);
  const buffers = poolPhotos(photos).map((f) => readFileSync(f));
  const configs: { threads: number; lanes: number; size: number }[] = [];
  for (const size of [256, 1333])
    for (const threads of [1, 2, 4]) configs.push({ threads, lanes: 2, size });
  const res: Record<string, { rate: number[]; cpu: number[] }> = {};
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < configs.length; k++) {
      const c = configs[(k + r) % configs.length];
      sharp.concurrency(c.threads);
      const key = `${c.size}px, ${c.lanes} in flight, ${c.threads} vips thread(s)`;
      const b = await block(buffers, c.lanes, c.size);
      res[key] ??= { rate: [], cpu: [] };
      res[key].rate.push(b.rate);
      res[key].cpu.push(b.cpuMs);
    }
    log(`round ${r + 1}/${rounds}`);
  }
  return {
    photos: buffers.length,
    rounds,
    uvThreadpool: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
    results: Object.fromEntries(
      Object.entries(res).map(([k, v]) => [
        k,
        { photosPerSecond: r1(median(v.rate)), cpuMsPerPhoto: r1(median(v.cpu)) },
      ]),
    ),
  };
}

const photos = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 5);
process.stdout.write(JSON.stringify(await vipsThreads(photos, rounds), null, 2) + '\n');
