// A 10,000-photo folder for "first thumbnails on screen" and "all thumbnails", and the watch on the
// catalogue that sees thumbnails appear as a user would.
//
// [Note: the big folder] 10,000 distinct 4–5 MB photos would be ~47 GB on a shared disk. The folder
// is made of the benchmark's distinct grainy 12 MP photos (the shared pool, 120 of them), each
// copied many times as a *reflink* (the copy shares the base's disk blocks) with its EXIF DateTime
// rewritten in place and its mtime set to that date. Every file is therefore a complete, valid 12
// MP grainy JPEG of the base's size, whose content differs from every other file in its first
// block, so it has its own fingerprint, photo id, thumbnail and place in the timeline; nothing in
// Picto caches work by pixel content, so each file costs the same work as a distinct photo. The
// unique storage is one 4 KiB block per copy. Dates grow with the file name (IMG_00000 is the
// oldest), as a camera names them, so the newest photos are the last ones the walk finds.
// Reflinks need XFS or btrfs: when the bench cache is on neither, a sparse XFS image in the cache is
// loop-mounted for the run (root and mkfs.xfs needed: apt-get install -y xfsprogs) and unmounted
// afterwards; without either the section says why and is skipped. Reads then come from the page
// cache of the shared blocks, like the other sections' warm-cache runs.

import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { benchCache } from './generate.js';

export interface ReflinkDir {
  dir: string;
  how: string;
  release: () => void;
}

function canReflink(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  const a = path.join(dir, '.reflink-probe-a');
  const b = path.join(dir, '.reflink-probe-b');
  try {
    writeFileSync(a, 'probe');
    copyFileSync(a, b, constants.COPYFILE_FICLONE_FORCE);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(a, { force: true });
    rmSync(b, { force: true });
  }
}

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** A directory where reflink copies work, or the reason there is none. */
export function reflinkDir(): ReflinkDir | { unavailable: string } {
  const plain = path.join(benchCache, 'bigfolder');
  if (canReflink(plain))
    return { dir: plain, how: 'reflinks in the bench cache', release: () => {} };
  if (process.getuid?.() !== 0 || !has('mkfs.xfs') || !has('mount')) {
    return {
      unavailable:
        `the bench cache (${benchCache}) cannot make reflink copies, and a loop-mounted XFS needs ` +
        'root and mkfs.xfs (apt-get install -y xfsprogs)',
    };
  }
  const image = path.join(benchCache, 'reflink-xfs.img');
  const mnt = path.join(benchCache, 'reflink-mnt');
  mkdirSync(mnt, { recursive: true });
  if (!existsSync(image)) {
    // Sparse: it takes only the blocks written (the bases, then one block per copy).
    execFileSync('truncate', ['-s', '16G', image]);
    execFileSync('mkfs.xfs', ['-q', '-m', 'reflink=1', image]);
  }
  const mounted = readFileSync('/proc/mounts', 'utf8').includes(` ${mnt} `);
  if (!mounted) execFileSync('mount', ['-o', 'loop', image, mnt]);
  return {
    dir: path.join(mnt, 'bigfolder'),
    how: `reflinks on a loop-mounted XFS image (${image})`,
    release: () => {
      if (!mounted) execFileSync('umount', [mnt]);
    },
  };
}

const BASE_DATE = '2024:06:01 12:00:00';
const T0 = Date.UTC(2015, 0, 1, 9, 0, 0);
/** One photo every 7 hours: 10,000 photos span eight years. */
const STEP_MS = 7 * 3600 * 1000;

const exifDate = (ms: number) =>
  new Date(ms).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');

/** Where the base's EXIF DateTime string sits (generate.ts writes BASE_DATE in IFD0). */
function dateOffset(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    const at = head.subarray(0, n).indexOf(BASE_DATE, 0, 'latin1');
    if (at < 0) throw new Error(`${file} has no EXIF DateTime "${BASE_DATE}"`);
    return at;
  } finally {
    closeSync(fd);
  }
}

/** The folder of `count` variants of `bases` (made once, then reused). */
export function bigFolder(root: string, bases: string[], count: number): string {
  const dir = path.join(root, `jpeg12mp-v1-x${bases.length}-${count}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  const stored = path.join(root, 'bases');
  mkdirSync(stored, { recursive: true });
  // The bases themselves must live on the reflink filesystem.
  const local = bases.map((b) => {
    const to = path.join(stored, path.basename(b));
    if (!existsSync(to)) copyFileSync(b, to);
    return { file: to, at: dateOffset(to) };
  });
  const digits = String(count - 1).length;
  for (let i = 0; i < count; i++) {
    const base = local[i % local.length];
    const file = path.join(dir, `IMG_${String(i).padStart(Math.max(5, digits), '0')}.jpg`);
    copyFileSync(base.file, file, constants.COPYFILE_FICLONE_FORCE);
    const when = T0 + i * STEP_MS;
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.from(exifDate(when), 'latin1'), 0, 19, base.at);
    } finally {
      closeSync(fd);
    }
    utimesSync(file, new Date(when), new Date(when));
  }
  writeFileSync(marker, '');
  return dir;
}

export interface ThumbWatch {
  /** seconds from the watch's start at which the n-th thumbnail was first seen */
  at: (n: number) => number | null;
  /** sort_at of the photos with thumbnails when ≥ n were first seen */
  firstSortKeys: string[];
  stop: () => void;
  count: () => number;
}

/**
 * Polls the catalogue (read-only, a second SQLite connection, as the server's would be) every
 * `everyMs` for photos that have a thumbnail: what the grid can show. The bench may read SQL
 * directly: it observes the catalogue from outside, like a user's second window.
 */
export function watchThumbnails(dbFile: string, firstN: number, everyMs = 50): ThumbWatch {
  const t0 = performance.now();
  const seen: { n: number; s: number }[] = [];
  let db: Database.Database | null = null;
  let firstSortKeys: string[] = [];
  let last = 0;
  const tick = () => {
    try {
      if (!db) {
        if (!existsSync(dbFile)) return;
        db = new Database(dbFile, { readonly: true, fileMustExist: true });
      }
      const n = (
        db.prepare('SELECT count(*) AS n FROM photos WHERE thumb_width IS NOT NULL').get() as {
          n: number;
        }
      ).n;
      if (n > last) {
        seen.push({ n, s: (performance.now() - t0) / 1000 });
        if (last < firstN && n >= firstN) {
          firstSortKeys = (
            db.prepare('SELECT sort_at FROM photos WHERE thumb_width IS NOT NULL').all() as {
              sort_at: string;
            }[]
          ).map((r) => r.sort_at);
        }
        last = n;
      }
    } catch {
      // The catalogue is being created (no table yet) or is busy: look again at the next tick.
    }
  };
  const timer = setInterval(tick, everyMs);
  return {
    at: (n) => seen.find((x) => x.n >= n)?.s ?? null,
    get firstSortKeys() {
      return firstSortKeys;
    },
    count: () => last,
    stop: () => {
      tick();
      clearInterval(timer);
      db?.close();
    },
  };
}

/** The `n`-th largest sort key of the catalogue's photos (the newest-first cut). */
export function nthNewestSortKey(dbFile: string, n: number): string | null {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT sort_at FROM photos ORDER BY sort_at DESC LIMIT 1 OFFSET ?')
      .get(n - 1) as { sort_at: string } | undefined;
    return row?.sort_at ?? null;
  } finally {
    db.close();
  }
}
