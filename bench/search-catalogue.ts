// A generated catalogue for the search benchmark: rows straight into a real Picto database
// (migrations, triggers, indexes), shaped like a family library: photos come in events (a day
// out, a trip) with one camera, one place, a few people and the same things in view.

import path from 'node:path';
import type { Db } from '../src/db/index.js';
import { PLACES_VERSION } from '../src/search/places/service.js';
import { mulberry32 } from '../src/shared/random.js';

export const BENCH_PEOPLE = [
  'Alice Martin',
  'Bob Stone',
  'Carol Diaz',
  'David Chen',
  'Emma Weber',
  'Frank Moreau',
  'Grace Kim',
  'Hugo Rossi',
  'Iris Novak',
  'Jack Brown',
  'Kate Silva',
  'Leo Fischer',
  'Mia Costa',
  'Noah Berg',
  'Olivia Lund',
  'Paul Dubois',
  'Quinn Reyes',
  'Rosa Jansen',
  'Sam Okafor',
  'Tara Singh',
];

// Real cities so places look like the offline geocoder's output.
const CITIES: [string, string, string, string | null, string, number, number][] = [
  ['Paris', 'FR', 'France', null, 'Europe', 48.8566, 2.3522],
  ['Nice', 'FR', 'France', null, 'Europe', 43.7102, 7.262],
  ['London', 'GB', 'United Kingdom', 'England', 'Europe', 51.5074, -0.1278],
  ['Edinburgh', 'GB', 'United Kingdom', 'Scotland', 'Europe', 55.9533, -3.1883],
  ['Berlin', 'DE', 'Germany', null, 'Europe', 52.52, 13.405],
  ['Munich', 'DE', 'Germany', null, 'Europe', 48.1351, 11.582],
  ['Rome', 'IT', 'Italy', null, 'Europe', 41.9028, 12.4964],
  ['Barcelona', 'ES', 'Spain', null, 'Europe', 41.3851, 2.1734],
  ['Lisbon', 'PT', 'Portugal', null, 'Europe', 38.7223, -9.1393],
  ['Amsterdam', 'NL', 'Netherlands', null, 'Europe', 52.3676, 4.9041],
  ['New York', 'US', 'United States', 'New York', 'Americas', 40.7128, -74.006],
  ['San Francisco', 'US', 'United States', 'California', 'Americas', 37.7749, -122.4194],
  ['Tokyo', 'JP', 'Japan', null, 'Asia', 35.6762, 139.6503],
  ['Sydney', 'AU', 'Australia', null, 'Oceania', -33.8688, 151.2093],
  ['Cape Town', 'ZA', 'South Africa', null, 'Africa', -33.9249, 18.4241],
  ['Reykjavik', 'IS', 'Iceland', null, 'Europe', 64.1466, -21.9426],
];
const HOME = 0; // most events happen at home (Paris)

const CAMERAS: [string, string][] = [
  ['Apple', 'iPhone 8'],
  ['Apple', 'iPhone 12 Pro'],
  ['Apple', 'iPhone 14'],
  ['samsung', 'SM-G991B'],
  ['Google', 'Pixel 7'],
  ['Canon', 'Canon EOS 80D'],
  ['NIKON CORPORATION', 'NIKON D750'],
  ['SONY', 'ILCE-7M3'],
  ['FUJIFILM', 'X-T30'],
  ['OLYMPUS IMAGING CORP.', 'E-M10'],
];

// Tag frequencies roughly like a family library run through a COCO detector.
const TAGS: [string, number][] = [
  ['person', 0.55],
  ['car', 0.1],
  ['dog', 0.08],
  ['cat', 0.06],
  ['chair', 0.08],
  ['cup', 0.05],
  ['dining table', 0.06],
  ['bottle', 0.05],
  ['cell phone', 0.04],
  ['tv', 0.03],
  ['bicycle', 0.03],
  ['boat', 0.03],
  ['bird', 0.03],
  ['umbrella', 0.02],
  ['handbag', 0.03],
  ['book', 0.03],
  ['cake', 0.02],
  ['pizza', 0.01],
  ['horse', 0.01],
  ['potted plant', 0.04],
  ['couch', 0.03],
  ['laptop', 0.02],
  ['truck', 0.03],
  ['bench', 0.02],
  ['kite', 0.005],
  ['surfboard', 0.005],
  ['teddy bear', 0.01],
  ['sheep', 0.005],
  ['airplane', 0.01],
  ['train', 0.01],
  ['clock', 0.01],
  ['backpack', 0.02],
];

const WORDS = (
  'beach sunset mountain birthday party wedding receipt menu ticket museum station sale ' +
  'open closed welcome exit street coffee bakery hotel airport gate platform school holiday concert ' +
  'market garden library park river bridge castle church harbour'
).split(' ');

const EVENT_NAMES = [
  'beach',
  'birthday',
  'weekend',
  'hike',
  'wedding',
  'trip',
  'party',
  'garden',
  'zoo',
  'school',
];

export interface GeneratedCatalogue {
  photos: number;
  people: { id: number; name: string }[];
  seconds: number;
}

/**
 * Fills an empty catalogue with `count` photos. `root` is the library folder the fake paths live
 * in. The people table is created if the people feature has not made one.
 */
export function generateCatalogue(
  db: Db,
  count: number,
  root = '/bench/Pictures',
  seed = 42,
): GeneratedCatalogue {
  const t0 = performance.now();
  const rnd = mulberry32(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const now = new Date().toISOString();
  const people = BENCH_PEOPLE.map((name, i) => ({ id: i + 1, name }));
  createPeople(db, people);
  const folderId = (
    db
      .prepare('INSERT INTO folders (path, added_at) VALUES (?, ?) RETURNING id')
      .get(root, now) as { id: number }
  ).id;

  const insPhoto = db.prepare(
    `INSERT INTO photos (id, content_hash, size, format, mime, width, height, sort_at, taken_at, make, model, lat, lon,
       phash, favourite, trashed_at, status, thumb_width, thumb_height, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ready', 256, 192, ?, ?)`,
  );
  const insLoc = db.prepare(
    'INSERT INTO locations (photo_id, folder_id, path, size, mtime_ms, first_seen_at) VALUES (?, ?, ?, ?, 0, ?)',
  );
  const insObj = db.prepare(
    'INSERT INTO photo_objects (photo_id, label, score, x, y, w, h) VALUES (?, ?, ?, 0, 0, 10, 10)',
  );
  const insFace = db.prepare(
    `INSERT INTO faces (id, photo_id, x, y, w, h, score, quality, size_px, blur, embedding, model_version, person_id, created_at)
     VALUES (?, ?, 0, 0, 10, 10, 0.9, 0.8, 120, 0, x'00', 'bench', ?, ?)`,
  );
  const insText = db.prepare(
    'INSERT INTO photo_text (photo_id, text, lines, version, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insPlace = db.prepare(
    `INSERT INTO photo_places (photo_id, lat, lon, city, city_key, city_id, city_km, region, region_key, country_code,
       country, continent, continent_key, version) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  );

  let n = 0;
  let day = Date.UTC(2010, 0, 1);
  const end = Date.UTC(2025, 11, 31);
  const span = end - day;
  const albums: string[][] = [];
  db.transaction(() => {
    while (n < count) {
      // One event: a place, a camera, some people, some things in view, a few days.
      day = Date.UTC(2010, 0, 1) + Math.floor(rnd() * span);
      const size = Math.min(count - n, 5 + Math.floor(rnd() ** 2 * 150));
      const away = rnd() < 0.3;
      const city = CITIES[away ? 1 + Math.floor(rnd() * (CITIES.length - 1)) : HOME];
      const gps = rnd() < 0.6;
      const camera = pick(CAMERAS);
      const crew = people.filter(() => rnd() < 0.15).map((p) => p.id);
      const theme = TAGS.filter(([, f]) => rnd() < f * 3).map(([t]) => t);
      const date = new Date(day);
      const name = `${pick(EVENT_NAMES)}-${date.toISOString().slice(5, 10)}`;
      const dir = path.join(root, String(date.getUTCFullYear()), name);
      const eventIds: string[] = [];
      for (let k = 0; k < size; k++, n++) {
        const id = n.toString(16).padStart(16, '0');
        const t = new Date(day + k * Math.floor(rnd() * 600_000));
        const sortAt = t.toISOString().slice(0, 19);
        const r = rnd();
        const format = r < 0.85 ? 'jpeg' : r < 0.95 ? 'heic' : r < 0.98 ? 'png' : 'dng';
        const lat = gps ? city[5] + (rnd() - 0.5) * 0.05 : null;
        const lon = gps ? city[6] + (rnd() - 0.5) * 0.05 : null;
        const phash =
          Math.floor(rnd() * 2 ** 32)
            .toString(16)
            .padStart(8, '0') +
          Math.floor(rnd() * 2 ** 32)
            .toString(16)
            .padStart(8, '0');
        insPhoto.run(
          id,
          `c${id}`,
          2_000_000 + Math.floor(rnd() * 3_000_000),
          format,
          `image/${format}`,
          4032,
          3024,
          sortAt,
          sortAt,
          camera[0],
          camera[1],
          lat,
          lon,
          phash,
          rnd() < 0.04 ? 1 : 0,
          rnd() < 0.01 ? now : null,
          now,
          now,
        );
        insLoc.run(
          id,
          folderId,
          path.join(dir, `IMG_${String(n).padStart(6, '0')}.${format === 'jpeg' ? 'jpg' : format}`),
          1,
          now,
        );
        const tags = new Set(theme.filter(() => rnd() < 0.6));
        for (const [label, f] of TAGS) if (rnd() < f / 3) tags.add(label);
        for (const label of tags) insObj.run(id, label, 0.3 + rnd() * 0.7);
        let f = 0;
        for (const p of crew) if (rnd() < 0.5) insFace.run(`${id}-${f++}`, id, p, now);
        if (f > 0 && !tags.has('person')) insObj.run(id, 'person', 0.5 + rnd() * 0.5);
        if (rnd() < 0.08) {
          const text = Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => pick(WORDS)).join(
            ' ',
          );
          insText.run(id, text, '[]', 'bench', now);
        }
        if (gps) {
          insPlace.run(
            id,
            lat,
            lon,
            city[0],
            city[0].toLowerCase(),
            CITIES.indexOf(city) + 1,
            city[3],
            city[3]?.toLowerCase() ?? null,
            city[1],
            city[2],
            city[4],
            city[4].toLowerCase(),
            PLACES_VERSION,
          );
        }
        eventIds.push(id);
      }
      if (rnd() < 0.05) albums.push(eventIds);
    }
    const insAlbum = db.prepare(
      'INSERT INTO albums (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id',
    );
    const insMember = db.prepare(
      'INSERT OR IGNORE INTO album_photos (album_id, photo_id, added_at) VALUES (?, ?, ?)',
    );
    albums.forEach((list, i) => {
      const { id } = insAlbum.get(`Album ${i + 1}`, now, now) as { id: number };
      for (const p of list) insMember.run(id, p, now);
    });
  })();
  db.exec('ANALYZE');
  return { photos: n, people, seconds: (performance.now() - t0) / 1000 };
}

/** People rows with fixed ids (the search catalogues refer to them in faces and queries). */
export function createPeople(db: Db, people: { id: number; name: string }[]): void {
  const now = new Date().toISOString();
  const ins = db.prepare(
    'INSERT OR REPLACE INTO people (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  for (const p of people) ins.run(p.id, p.name, now, now);
}
