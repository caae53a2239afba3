import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { Picto } from '../src/app/picto.js';
import type { MediaColumns } from '../src/db/repos/photos.js';
import { scanStages } from '../src/jobs/pipeline.js';
import { thumbnailPaths } from '../src/media/index.js';
import { PLACES_VERSION } from '../src/search/places/service.js';
import { mulberry32 } from '../src/shared/random.js';
import { BENCH_PEOPLE, createPeople } from './search-catalogue.js';

const SHAPES: [number, number][] = [
  [4000, 3000],
  [3000, 4000],
  [4032, 3024],
  [6000, 4000],
  [1920, 1080],
  [3024, 3024],
];

// What names grid tiles (TimelineItem place, people, tags): as common as in a family library, so
// the timeline benchmark pays for looking them up.
const TILE_TAGS = ['person', 'car', 'dog', 'chair', 'cup', 'dining table', 'bottle', 'cat'];
const TILE_CITIES: [string, string, number, number][] = [
  ['Paris', 'France', 48.8566, 2.3522],
  ['Lisbon', 'Portugal', 38.7223, -9.1393],
  ['Tokyo', 'Japan', 35.6762, 139.6503],
];

/**
 * Writes `count` synthetic photos straight into a fresh catalogue through the repositories (no
 * files, no decoding): ten years of photos, bursty like a real library, with metadata and
 * thumbnail sizes filled in as if indexed, object tags, places and faces of named people. The newest `withThumbs` get a real WebP thumbnail and
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
    createPeople(
      repos.db,
      BENCH_PEOPLE.map((name, i) => ({ id: i + 1, name })),
    );
    const insObject = repos.db.prepare(
      'INSERT INTO photo_objects (photo_id, label, score, x, y, w, h) VALUES (?, ?, ?, 0, 0, 10, 10)',
    );
    const insFace = repos.db.prepare(
      `INSERT INTO faces (id, photo_id, x, y, w, h, score, quality, size_px, blur, embedding, model_version, person_id, created_at)
       VALUES (?, ?, ?, 0, 10, 10, 0.9, 0.8, 120, 0, zeroblob(512), 'bench', ?, ?)`,
    );
    const insPlace = repos.db.prepare(
      `INSERT INTO photo_places (photo_id, lat, lon, city, city_key, country_code, country, version)
       VALUES (?, ?, ?, ?, lower(?), 'XX', ?, ?)`,
    );
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
        const place =
          random() < 0.6 ? TILE_CITIES[Math.floor(random() * TILE_CITIES.length)] : null;
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
          lat: place?.[2] ?? null,
          lon: place?.[3] ?? null,
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
        for (const label of TILE_TAGS) if (random() < 0.2) insObject.run(id, label, random());
        if (place)
          insPlace.run(id, place[2], place[3], place[0], place[0], place[1], PLACES_VERSION);
        for (let f = 0; random() < 0.4 && f < 3; f++)
          insFace.run(
            `${id}f${f}`,
            id,
            f * 20,
            1 + Math.floor(random() * BENCH_PEOPLE.length),
            now,
          );
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
        .jpeg({ quality: 70 })
        .toBuffer(),
    ),
  );
  const previews = await Promise.all(
    colours.map((c) =>
      sharp({ create: { width: 1440, height: 1080, channels: 3, background: c } })
        .jpeg({ quality: 70 })
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
