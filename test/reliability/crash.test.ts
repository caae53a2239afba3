import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../src/interchange/export-types.js';
import '../../src/app/picto.js';
import { SCAN_STAGES } from '../../src/jobs/pipeline.js';
import { repoRoot } from '../helpers/corpus.js';
import { rng } from '../helpers/random.js';

const PHOTOS = Number(process.env.CRASH_PHOTOS ?? 1000);
const KILLS = 20;
const cli = path.join(repoRoot, 'bin', 'picto.js');

function picto(data: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, '--data', data, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`picto ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Starts an indexing run and SIGKILLs it after `ms`; resolves when the process is gone. */
function killAfter(data: string, args: string[], ms: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, '--data', data, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : `exited ${code}: ${stderr.slice(-300)}`);
    });
  });
}

describe('kill -9 while indexing loses nothing', () => {
  let tmp: string;
  let lib: string;
  let data: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-crash-'));
    lib = path.join(tmp, 'library');
    data = path.join(tmp, 'data');
    // One grainy base image, made distinct per photo by a tint and a stamped pixel row: realistic
    // enough to decode and analyse, cheap to generate.
    const W = 480;
    const H = 360;
    const base = await sharp({
      create: {
        width: W,
        height: H,
        channels: 3,
        background: '#777',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .raw()
      .toBuffer();
    for (let i = 0; i < PHOTOS; i++) {
      const dir = path.join(lib, `roll-${Math.floor(i / 100)}`);
      if (i % 100 === 0) mkdirSync(dir, { recursive: true });
      const px = Buffer.from(base);
      for (let x = 0; x < W * 3; x++) px[x] = (i >> (x % 10)) & 1 ? 255 : 0;
      const jpeg = await sharp(px, { raw: { width: W, height: H, channels: 3 } })
        .tint({ r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 13) % 256 })
        .jpeg({ quality: 85 })
        .toBuffer();
      writeFileSync(path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`), jpeg);
    }
  }, 300_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(`survives ${KILLS} kills at random points, then completes with 0 lost or duplicated photos`, async () => {
    const rand = rng(42);
    const outcomes: string[] = [];
    const confirmed: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      // Every run (re-)adds the folder, so a kill before the first add committed is covered too;
      // kill points range from the middle of the first scan to deep into indexing.
      const args = ['add', lib, '--wait'];
      const at = 300 + Math.floor(rand() * 1700);
      const run = killAfter(data, args, at);
      if (k > 0 && k % 4 === 0) {
        // A user action confirmed while the indexer runs (and is then killed) must survive.
        const file = path.join(lib, 'roll-0', `IMG_${String(k).padStart(4, '0')}.jpg`);
        try {
          picto(data, 'favourite', file);
          confirmed.push(file);
        } catch {
          /* not catalogued yet on this run: nothing was confirmed */
        }
      }
      outcomes.push(await run);
    }
    expect(outcomes.filter((o) => o !== 'killed')).toEqual([]);

    picto(data, 'add', lib, '--wait');
    const doc = JSON.parse(picto(data, 'export', '--json')) as ExportDocument;
    const paths = doc.photos.flatMap((p) => p.paths);
    expect(doc.photos).toHaveLength(PHOTOS);
    expect(new Set(paths).size).toBe(PHOTOS);
    expect(paths).toHaveLength(PHOTOS);
    expect(doc.photos.filter((p) => p.status !== 'ready').map((p) => p.paths[0])).toEqual([]);
    for (const f of confirmed) {
      expect(doc.photos.find((p) => p.paths.includes(f))?.favourite, f).toBe(true);
    }

    const db = new Database(path.join(data, 'picto.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Indexing (every registered stage) is complete; text reading may still be queued: it runs
      // in the background while Picto serves, after --wait has returned.
      const core = SCAN_STAGES.map((s) => s.name);
      const open = db
        .prepare(
          `SELECT stage, status, COUNT(*) AS n FROM jobs WHERE status != 'done'
           AND stage IN (${core.map(() => '?').join(',')}) GROUP BY stage, status`,
        )
        .all(...core);
      expect(open).toEqual([]);
      // 20 kills in the middle of job writes and the progress counters still agree with the jobs.
      expect(
        db.prepare('SELECT stage, status, n FROM job_counts WHERE n != 0 ORDER BY 1, 2').all(),
      ).toEqual(
        db
          .prepare('SELECT stage, status, COUNT(*) AS n FROM jobs GROUP BY 1, 2 ORDER BY 1, 2')
          .all(),
      );
      const orphans = db
        .prepare(
          'SELECT COUNT(*) AS n FROM photos p WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.photo_id = p.id)',
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      db.close();
    }
  }, 1_200_000);
});
