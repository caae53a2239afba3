// A small hand-made catalogue for search tests: rows are written straight into a real Picto
// database (migrations, triggers and indexes included), no photo files needed.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Picto } from '../../src/app/picto.js';
import type { Db } from '../../src/db/index.js';
import { PLACES_VERSION } from '../../src/search/places/service.js';

export interface FakePhoto {
  id: string;
  path: string;
  sortAt: string;
  make?: string;
  model?: string;
  format?: string;
  lat?: number;
  lon?: number;
  favourite?: boolean;
  trashed?: boolean;
  tags?: [string, number][];
  persons?: number[];
  text?: string;
  place?: {
    city?: string;
    cityKey?: string;
    country?: string;
    countryCode?: string;
    region?: string;
    continent?: string;
  };
  width?: number;
  height?: number;
  size?: number;
}

export const ROOT = '/library/Pictures';

export function hexId(n: number): string {
  return n.toString(16).padStart(16, '0');
}

export class FakeLibrary {
  readonly dir: string;
  readonly picto: Picto;
  readonly db: Db;
  private readonly folderId: number;

  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'picto-search-'));
    this.picto = new Picto({ dataDir: this.dir });
    this.db = this.picto.repos.db;
    this.folderId = this.picto.repos.folders.insert(ROOT, new Date().toISOString()).id;
  }

  add(photos: FakePhoto[]): void {
    const db = this.db;
    const now = new Date().toISOString();
    db.transaction(() => {
      for (const p of photos) {
        db.prepare(
          `INSERT INTO photos (id, content_hash, size, format, mime, width, height, sort_at, taken_at, make, model,
             lat, lon, favourite, trashed_at, status, thumb_width, thumb_height, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'image/jpeg', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ready', 256, 192, ?, ?)`,
        ).run(
          p.id,
          `h${p.id}`,
          p.size ?? 1000,
          p.format ?? 'jpeg',
          p.width ?? 4000,
          p.height ?? 3000,
          p.sortAt,
          p.sortAt,
          p.make ?? null,
          p.model ?? null,
          p.lat ?? null,
          p.lon ?? null,
          p.favourite ? 1 : 0,
          p.trashed ? now : null,
          now,
          now,
        );
        db.prepare(
          'INSERT INTO locations (photo_id, folder_id, path, size, mtime_ms, first_seen_at) VALUES (?, ?, ?, 1, 1, ?)',
        ).run(p.id, this.folderId, path.join(ROOT, p.path), now);
        for (const [label, score] of p.tags ?? []) {
          db.prepare(
            'INSERT INTO photo_objects (photo_id, label, score, x, y, w, h) VALUES (?, ?, ?, 0, 0, 1, 1)',
          ).run(p.id, label, score);
        }
        (p.persons ?? []).forEach((person, i) => {
          db.prepare(
            `INSERT INTO faces (id, photo_id, x, y, w, h, score, quality, size_px, blur, embedding, model_version, person_id, created_at)
             VALUES (?, ?, 0, 0, 1, 1, 1, 1, 100, 0, x'00', 'test', ?, ?)`,
          ).run(`${p.id}-${i}`, p.id, person, now);
        });
        if (p.text !== undefined) {
          db.prepare(
            'INSERT INTO photo_text (photo_id, text, lines, version, created_at) VALUES (?, ?, ?, ?, ?)',
          ).run(p.id, p.text, '[]', 'test', now);
        }
        if (p.place) {
          db.prepare(
            `INSERT INTO photo_places (photo_id, lat, lon, city, city_key, region, region_key, country_code, country, continent, continent_key, version)
             VALUES (?, ?, ?, ?, ?, ?, lower(?), ?, ?, ?, lower(?), ?)`,
          ).run(
            p.id,
            p.lat ?? 0,
            p.lon ?? 0,
            p.place.city ?? null,
            p.place.cityKey ?? p.place.city?.toLowerCase() ?? null,
            p.place.region ?? null,
            p.place.region ?? null,
            p.place.countryCode ?? null,
            p.place.country ?? null,
            p.place.continent ?? null,
            p.place.continent ?? null,
            PLACES_VERSION,
          );
        }
      }
    })();
  }

  async close(): Promise<void> {
    await this.picto.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
