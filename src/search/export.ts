// Search results in the export shape of `picto export --json` (src/catalog/export-types.ts), so
// scripts read search output and exports with the same code.

import { exportPhoto } from '../interchange/export.js';
import type { ExportedPhoto } from '../interchange/export-types.js';
import type { Repos } from '../db/index.js';

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export function exportedPhotos(repos: Repos, ids: string[]): ExportedPhoto[] {
  const out: ExportedPhoto[] = [];
  for (const id of ids) {
    const p = repos.photos.get(id);
    if (!p) continue;
    const e = exportPhoto(
      p,
      repos.locations.forPhoto(id).map((l) => l.path),
      repos.albums.namesForPhoto(id).map((a) => a.name),
    );
    e.tags = repos.objects.objectsForPhoto(id).map((o) => ({
      label: o.label,
      score: round(o.score, 3),
      box: [round(o.x), round(o.y), round(o.w), round(o.h)],
    }));
    e.faces = repos.faces.facesForPhoto(id).map((f) => ({
      id: f.id,
      box: [round(f.x), round(f.y), round(f.w), round(f.h)],
      score: round(f.score, 3),
      quality: round(f.quality, 3),
      personId: f.person_id,
    }));
    e.keywords = repos.keywords.forPhoto(id).map((k) => k.path);
    out.push(e);
  }
  return out;
}
