import path from 'node:path';
import { bigFolder, nthNewestSortKey, reflinkDir, watchThumbnails } from '../bigfolder.js';
import { scratchDir, spawnPicto } from '../cli.js';
import { benchPhotos, log, round } from './common.js';

const FIRST = 100;

interface AddRun {
  /** `picto add` spawned → first thumbnail in the catalogue */
  firstThumbnailSeconds: number | null;
  first100ThumbnailsSeconds: number | null;
  allThumbnailsSeconds?: number | null;
  /**
   * when the CLI reported the scan done (walk + fingerprints + catalogue rows); the scan is paced
   * by the indexing ([Note: scan pacing] in src/library/scanner.ts), at ≥ 100 files/s
   */
  scanDoneSeconds: number | null;
  /** of the first 100 thumbnails, how many belong to the 100 newest photos */
  first100AmongNewest100: number | null;
  exitSeconds?: number;
}

/**
 * One `picto add` of the folder into a fresh data directory, watched from the catalogue. With
 * `stopAfterFirst` the command is stopped once the first 100 thumbnails are there.
 */
async function addAndWatch(
  folder: string,
  count: number,
  opts: { ai: boolean; stopAfterFirst: boolean },
): Promise<AddRun> {
  const scratch = scratchDir('bigfolder');
  try {
    const data = path.join(scratch.dir, 'data');
    const watch = watchThumbnails(path.join(data, 'picto.db'), FIRST);
    let scanDone: number | null = null;
    const t0 = performance.now();
    const { child, done } = spawnPicto(
      ['--data', data, 'add', '--wait', ...(opts.ai ? [] : ['--no-ai']), folder],
      {
        onStderrLine: (line) => {
          if (scanDone === null && line.startsWith('scan:'))
            scanDone = (performance.now() - t0) / 1000;
        },
      },
    );
    let stopped = false;
    if (opts.stopAfterFirst) {
      const poll = setInterval(() => {
        if (watch.count() >= FIRST && !stopped) {
          stopped = true;
          child.kill('SIGTERM');
        }
      }, 50);
      child.once('exit', () => clearInterval(poll));
    }
    let lastLog = 0;
    const progress = setInterval(() => {
      const n = watch.count();
      if (n - lastLog >= 1000) {
        log(`bigfolder: ${n}/${count} thumbnails`);
        lastLog = n;
      }
    }, 1000);
    const run = await done;
    clearInterval(progress);
    watch.stop();
    if (!stopped && run.code !== 0)
      throw new Error(`picto add exited ${run.code}: ${run.stderr.slice(-2000)}`);
    // The scan enters photos newest first (sorted by file time until their metadata is read; the
    // folder's file times equal its EXIF dates), so the cut is known even when stopped early:
    // paced by the indexer ([Note: scan pacing]), it has entered only the newest few hundred.
    const newestCut = nthNewestSortKey(path.join(data, 'picto.db'), FIRST);
    const keys = watch.firstSortKeys;
    const result: AddRun = {
      firstThumbnailSeconds: round(watch.at(1) ?? NaN) || null,
      first100ThumbnailsSeconds: round(watch.at(FIRST) ?? NaN) || null,
      scanDoneSeconds: scanDone === null ? null : round(scanDone),
      first100AmongNewest100:
        newestCut === null || keys.length === 0 ? null : keys.filter((k) => k >= newestCut).length,
    };
    if (!opts.stopAfterFirst) {
      result.allThumbnailsSeconds = round(watch.at(count) ?? NaN) || null;
      result.exitSeconds = round(run.seconds);
    }
    return result;
  } finally {
    scratch.remove();
  }
}

/**
 * Issue 12: `picto add` of a 10,000-photo folder (see [Note: the big folder] for how it is made):
 * seconds from the command's spawn to the first thumbnail, to the first 100 and to all of them,
 * read from the catalogue as the grid would see them. Start-up is included here on purpose: it is
 * what the user waits for. Without AI the whole folder is indexed (unless PICTO_BENCH_BIGFOLDER_ALL=0);
 * with AI (the default of `add`) only the first 100 thumbnails are waited for, then it is stopped.
 */
export async function run() {
  const count = Number(process.env.PICTO_BENCH_BIGFOLDER_PHOTOS ?? 10_000);
  const withAi = process.env.PICTO_BENCH_BIGFOLDER_AI !== '0';
  const store = reflinkDir();
  if ('unavailable' in store) {
    log(`bigfolder: skipped: ${store.unavailable}`);
    return { skipped: store.unavailable };
  }
  try {
    const bases = await benchPhotos(Number(process.env.PICTO_BENCH_BIGFOLDER_BASES ?? 120));
    log(`bigfolder: ${count} photos from ${bases.length} bases (${store.how})…`);
    const folder = bigFolder(store.dir, bases, count);
    // PICTO_BENCH_BIGFOLDER_ALL=0 stops the no-AI run at the first 100 too (the whole folder takes
    // 10–25 min on a loaded 2-core machine).
    const all = process.env.PICTO_BENCH_BIGFOLDER_ALL !== '0';
    log(`bigfolder: picto add --no-ai --wait, until ${all ? 'all' : 'the first 100'} thumbnails…`);
    const noAi = await addAndWatch(folder, count, { ai: false, stopAfterFirst: !all });
    const ai = withAi
      ? (log('bigfolder: picto add --wait (AI on), until the first 100 thumbnails…'),
        await addAndWatch(folder, count, { ai: true, stopAfterFirst: true }))
      : null;
    return {
      photos: count,
      distinctBases: bases.length,
      storage: store.how,
      noAi,
      ai,
      targets: { first100ThumbnailsSeconds: 3 },
    };
  } finally {
    store.release();
  }
}
