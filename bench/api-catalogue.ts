import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { Picto } from '../src/app/picto.js';
import type { MediaColumns } from '../src/db/repos/photos.js';
import { scanStages } from '../src/jobs/pipeline.js';
import { thumbnailPaths } from '../src/media/index.js';
import { mulberry32 } from '../src/shared/random.js';

const SHAPES: [number, number][] = [
  [4000, 3000],
  [3000, 4000],
  [4032, 3024],
  [6000, 4000],
  [1920, 1080],
  [3024, 3024],
];

/**
 * Writes `count` synthetic photos straight into a fresh catalogue through the repositories (no
 * files, no decoding): ten years of photos, bursty like a real library, with metadata and
 * thumbnail sizes filled in as if indexed. The newest `withThumbs` get a real WebP thumbnail and
 * preview so the browser benchmark loads actual images.
 */
export async function generateCatalogue(
  dataDir: string,
  count: number,
  withThumbs = 400,
): Promise<{ photos: number; seconds: number }> {
  const t0 = performance.now();
  const picto = new Picto({ dataDir });
  try {
    const { repos } = picto;
    const random = mulberry32(42);
    const now = new Date().toISOString();
    const lib = path.join(dataDir, '..', 'synthetic-library');
    const hashes: string[] = [];
    // As if fully indexed: every non-AI stage done at its current version, AI off for the folder,
    // so nothing re-queues work for files that do not exist.
    const stages = scanStages(false);
    repos.db.transaction(() => {
      const folder = repos.folders.insert(lib, now);
      repos.folders.setAi(folder.id, false);
      // Walk back in time from today in bursts: days with many photos, quiet weeks in between.
      let t = Date.UTC(2025, 5, 30, 18, 0, 0);
      for (let i = 0; i < count; i++) {
        t -= random() < 0.04 ? random() * 6 * 86_400_000 : random() * 20 * 60_000;
        const d = new Date(t);
        const sortAt = d.toISOString().slice(0, 19);
        const hash = (i.toString(16).padStart(8, '0') + 'ab'.repeat(28)).slice(0, 64);
        const id = hash.slice(0, 16);
        hashes.push(hash);
        const [w, h] = SHAPES[Math.floor(random() * SHAPES.length)];
        repos.photos.insertPending({ id, hash, size: 3_000_000, sortAt, now });
        const cols: MediaColumns = {
          format: 'jpeg',
          mime: 'image/jpeg',
          width: w,
          height: h,
          orientation: 1,
          taken_at: sortAt,
          taken_offset: null,
          taken_source: 'exif',
          make: 'PictoBench',
          model: 'Synthetic',
          lens: null,
          exposure_time: 1 / 250,
          f_number: 2.8,
          iso: 100,
          focal_length: 35,
          lat: null,
          lon: null,
          alt: null,
          phash: null,
          thumb_width: Math.round((300 * w) / Math.min(w, h)),
          thumb_height: Math.round((300 * h) / Math.min(w, h)),
          preview_width: Math.round((1440 * w) / Math.max(w, h)),
          preview_height: Math.round((1440 * h) / Math.max(w, h)),
          warnings: null,
        };
        repos.photos.applyMedia(id, cols, sortAt, now);
        if (random() < 0.03) repos.photos.setFavourite([id], true, now);
        for (const st of stages) {
          repos.jobs.enqueue(id, st.name, now, st.priority);
          repos.jobs.complete(id, st.name, st.version, now);
        }
        repos.locations.insert({
          photo_id: id,
          folder_id: folder.id,
          path: path.join(lib, sortAt.slice(0, 7), `IMG_${i}.jpg`),
          size: 3_000_000,
          mtime_ms: t,
          first_seen_at: now,
        });
      }
    })();
    if (withThumbs > 0) await writeThumbs(picto.layout.thumbs, hashes.slice(0, withThumbs));
  } finally {
    await picto.close();
  }
  return { photos: count, seconds: (performance.now() - t0) / 1000 };
}

/** One small gradient image per colour, reused: the browser still fetches each URL on its own. */
async function writeThumbs(thumbDir: string, hashes: string[]): Promise<void> {
  const colours = ['#5b7db1', '#b1795b', '#6fa36a', '#a35f8f', '#c9b458', '#5ba3a3'];
  const thumbs = await Promise.all(
    colours.map((c) =>
      sharp({ create: { width: 400, height: 300, channels: 3, background: c } })
        .webp({ quality: 70 })
        .toBuffer(),
    ),
  );
  const previews = await Promise.all(
    colours.map((c) =>
      sharp({ create: { width: 1440, height: 1080, channels: 3, background: c } })
        .webp({ quality: 70 })
        .toBuffer(),
    ),
  );
  hashes.forEach((h, i) => {
    const p = thumbnailPaths(thumbDir, h);
    mkdirSync(path.dirname(p.thumb), { recursive: true });
    writeFileSync(p.thumb, thumbs[i % thumbs.length]);
    writeFileSync(p.preview, previews[i % previews.length]);
  });
}
