import { mkdtempSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Picto } from '../src/app/picto.js';

export interface RateResult {
  photos: number;
  seconds: number;
  photosPerSecond: number;
  /**
   * Process CPU (user + system) per photo, when measured in this process. On a shared machine the
   * rate falls with other jobs' load; the CPU a photo costs much less so.
   */
  cpuMsPerPhoto?: number;
}

/**
 * Decode-only reference: the same files decoded to oriented RGB of at most `maxSide` px (default
 * the ≤1440 px working image the pipeline uses; 256 px is the grid's limit), with as many decodes
 * in flight as the pipeline has workers. sharp picks JPEG shrink-on-load by itself (1/8 for 256
 * px from 12 MP). Nothing is written.
 */
export async function decodeOnlyRate(
  files: string[],
  lanes: number,
  maxSide = 1440,
): Promise<RateResult> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const f = files[next++];
      await sharp(f)
        .rotate()
        .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
        .removeAlpha()
        .raw()
        .toBuffer();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  return {
    photos: files.length,
    seconds,
    photosPerSecond: files.length / seconds,
    cpuMsPerPhoto: (cpu.user + cpu.system) / 1000 / files.length,
  };
}

/**
 * Indexes the files into a fresh catalogue (scan + every stage) and reports photos per second and
 * the milliseconds each stage and step cost per photo, as the workers measured them.
 */
export async function indexRate(
  files: string[],
  workers: number,
  ai: boolean,
): Promise<RateResult & { msPerPhotoPerStep: Record<string, number> }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-bench-index-'));
  const lib = path.join(tmp, 'library');
  mkdirSync(lib);
  // Symlinks keep the 4 MB originals in one place; the scanner follows them like real files.
  for (const f of files) symlinkSync(f, path.join(lib, path.basename(f)));
  const picto = new Picto({ dataDir: path.join(tmp, 'data'), workers });
  try {
    const folder = (await picto.folders.add(lib)).folder;
    picto.folders.setAi(folder.id, ai);
    picto.runner.start();
    const t0 = performance.now();
    await picto.scan();
    await picto.runner.drain();
    const seconds = (performance.now() - t0) / 1000;
    const stats = picto.repos.photos.countByStatus();
    if (stats.ready !== files.length) {
      throw new Error(
        `indexing ended with ${stats.ready}/${files.length} photos ready (${JSON.stringify(stats)})`,
      );
    }
    const msPerPhotoPerStep: Record<string, number> = {};
    for (const [stage, st] of Object.entries(picto.runner.stageStats())) {
      msPerPhotoPerStep[stage] = Math.round(st.totalMs / st.count);
      for (const [step, ms] of Object.entries(st.steps)) {
        msPerPhotoPerStep[`${stage}.${step}`] = Math.round((ms / st.count) * 10) / 10;
      }
    }
    return {
      photos: files.length,
      seconds,
      photosPerSecond: files.length / seconds,
      msPerPhotoPerStep,
    };
  } finally {
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
