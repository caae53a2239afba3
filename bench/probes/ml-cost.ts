// What analyze() costs per photo on one thread, by working-image size, on the benchmark's grainy
// 12 MP photos (portraits and scenes from the corpus, see bench/sections/common.ts).
//   node dist/bench/probes/ml-cost.js [photos] [rounds] [sizes]
// CPU is the process's (user + system) around each call; the stage split is the analyzer's own
// wall-clock timings. Sizes are interleaved photo by photo.

import { createAnalyzer, emptyStageTimings, type StageTimings } from '../../src/ml/index.js';
import { decodeForMl } from '../ml.js';
import type { RawImage } from '../../src/media/types.js';
import { log, median, poolPhotos, r1 } from './common.js';

export async function mlCost(photos: number, rounds: number, sizes: number[]) {
  const files = poolPhotos(photos);
  const images: Record<number, RawImage[]> = {};
  for (const s of sizes) {
    images[s] = [];
    for (const f of files) images[s].push(await decodeForMl(f, s));
  }
  const analyzer = await createAnalyzer({ threads: 1 });
  try {
    for (const img of images[sizes[0]].slice(0, 2)) await analyzer.analyze(img);
    const cpu: Record<number, number[]> = {};
    const stages: Record<number, StageTimings[]> = {};
    const counts: Record<number, { faces: number; objects: number }> = {};
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < files.length; i++) {
        for (let k = 0; k < sizes.length; k++) {
          const s = sizes[(k + i + r) % sizes.length];
          const c0 = process.cpuUsage();
          const res = await analyzer.analyze(images[s][i]);
          const c = process.cpuUsage(c0);
          (cpu[s] ??= []).push((c.user + c.system) / 1000);
          (stages[s] ??= []).push(res.timings);
          counts[s] ??= { faces: 0, objects: 0 };
          if (r === 0) {
            counts[s].faces += res.faces.length;
            counts[s].objects += res.objects.length;
          }
        }
      }
      log(`round ${r + 1}/${rounds}`);
    }
    const keys = Object.keys(emptyStageTimings()) as (keyof StageTimings)[];
    return {
      photos: files.length,
      rounds,
      bySize: Object.fromEntries(
        sizes.map((s) => [
          s,
          {
            cpuMsMedian: r1(median(cpu[s])),
            stageWallMsMedian: Object.fromEntries(
              keys.map((k) => [k, r1(median(stages[s].map((t) => t[k])))]),
            ),
            ...counts[s],
          },
        ]),
      ),
    };
  } finally {
    await analyzer.close();
  }
}

const photos = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 2);
const sizes = (process.argv[4] ?? '1440,1333,1024,800').split(',').map(Number);
process.stdout.write(JSON.stringify(await mlCost(photos, rounds, sizes), null, 2) + '\n');
