import type { Repos } from '../db/index.js';
import type { CategoryRow } from '../db/repos/categories.js';
import type { FaceRow } from '../db/repos/faces.js';
import type { ObjectRow } from '../db/repos/objects.js';
import type { PhotoRow } from '../db/repos/photos.js';
import { awaitsPairing } from '../db/repos/videos.js';
import type { ExportDocument, ExportedPhoto } from './export-types.js';
import { editsView, withOffset } from './format.js';

/** The whole catalogue as one public JSON document (`picto export --json`): extended, never broken. */
export class ExportService {
  constructor(private readonly repos: Repos) {}

  exportAll(): ExportDocument {
    const paths = this.repos.locations.allPaths();
    const albumsByPhoto = this.repos.albums.namesByPhoto();
    const objects = this.repos.objects.allObjects();
    const faces = this.repos.faces.allFaces();
    const keywords = this.repos.keywords.all();
    const categories = this.repos.categories.allByPhoto();
    const edits = this.repos.photoEdits.all();
    const photos: ExportedPhoto[] = [];
    for (const p of this.repos.photos.iterateAll()) {
      const out = exportPhoto(p, paths.get(p.id) ?? [], albumsByPhoto.get(p.id) ?? [], (id) =>
        this.repos.photos.get(id),
      );
      out.keywords = keywords.get(p.id) ?? [];
      withEdits(out, edits.get(p.id));
      withFindings(out, objects.get(p.id) ?? [], faces.get(p.id) ?? []);
      photos.push(withCategories(out, categories.get(p.id) ?? []));
    }
    const albums = this.repos.albums.list().map((a) => ({
      id: a.id,
      name: a.name,
      description: a.description,
      photoCount: a.photo_count,
      photos: this.repos.albums.photoIds(a.id),
    }));
    const people = this.repos.people
      .summaries()
      .filter((p) => p.face_count > 0 || p.name !== null)
      .map((p) => ({ id: p.id, name: p.name, faceCount: p.face_count, hidden: p.hidden === 1 }));
    const issues = this.repos.fileIssues.all().map((i) => ({ path: i.path, error: i.error }));
    return { version: 1, exportedAt: new Date().toISOString(), photos, albums, people, issues };
  }

  /** Some photos in the export shape, in the order given (`picto search --json`); unknown ids are left out. */
  photos(ids: string[]): ExportedPhoto[] {
    const out: ExportedPhoto[] = [];
    for (const id of ids) {
      const p = this.repos.photos.get(id);
      if (!p) continue;
      const e = exportPhoto(
        p,
        this.repos.locations.forPhoto(id).map((l) => l.path),
        this.repos.albums.namesForPhoto(id).map((a) => a.name),
        (other) => this.repos.photos.get(other),
      );
      e.keywords = this.repos.keywords.forPhoto(id).map((k) => k.path);
      withEdits(e, this.repos.photoEdits.get(id));
      withFindings(e, this.repos.objects.objectsForPhoto(id), this.repos.faces.facesForPhoto(id));
      out.push(withCategories(e, this.repos.categories.forPhoto(id)));
    }
    return out;
  }
}

/** A date or place set in Picto: `edits` says so and keeps what the file says (absent otherwise). */
function withEdits(out: ExportedPhoto, row: Parameters<typeof editsView>[0]): void {
  const e = editsView(row);
  if (e) out.edits = e;
}

/** Object tags and faces, rounded the way the document has always carried them. */
function withFindings(out: ExportedPhoto, objects: ObjectRow[], faces: FaceRow[]): ExportedPhoto {
  out.tags = objects.map((o) => ({
    label: o.label,
    score: round(o.score, 3),
    box: [round(o.x), round(o.y), round(o.w), round(o.h)],
  }));
  out.faces = faces.map((f) => ({
    id: f.id,
    box: [round(f.x), round(f.y), round(f.w), round(f.h)],
    score: round(f.score, 3),
    quality: round(f.quality, 3),
    personId: f.person_id,
    ...(f.time_ms !== null && { timeMs: f.time_ms }),
  }));
  return out;
}

/** The photo's categories: name, score, reason (and the subtype of a receipt). */
function withCategories(out: ExportedPhoto, rows: CategoryRow[]): ExportedPhoto {
  out.categories = rows.map((c) => ({
    name: c.name,
    score: round(c.score, 3),
    reason: c.reason,
    ...(c.subtype ? { subtype: c.subtype } : {}),
  }));
  return out;
}

export function exportPhoto(
  p: PhotoRow,
  paths: string[],
  albums: string[],
  photoById?: (id: string) => PhotoRow | undefined,
): ExportedPhoto {
  const out: ExportedPhoto = {
    id: p.id,
    paths,
    contentHash: p.content_hash,
    size: p.size,
    width: p.width,
    height: p.height,
    format: p.format,
    mime: p.mime,
    takenAt: withOffset(p.taken_at, p.taken_offset),
    takenAtSource: p.taken_source,
    camera: { make: p.make, model: p.model, lens: p.lens },
    gps: p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon, alt: p.alt } : null,
    orientation: p.orientation,
    favourite: p.favourite === 1,
    trashed: p.trashed_at !== null,
    albums,
    status: p.status,
    tags: [],
    faces: [],
    description: p.description,
    rating: p.rating,
    keywords: [],
    kind: p.kind,
    categories: [],
  };
  if (p.error) out.error = p.error;
  if (p.kind !== 'photo' && p.duration_ms !== null) out.durationMs = p.duration_ms;
  const movie = p.kind === 'live' && p.motion_id ? photoById?.(p.motion_id) : p;
  if (movie?.video_codec)
    out.video = { codec: movie.video_codec, fps: movie.fps ?? 0, playable: movie.playable === 1 };
  if (p.motion_id) out.motionId = p.motion_id;
  // A MOV still waiting for its pairing decision is no Live Photo's motion (yet).
  if (p.live_of && !awaitsPairing(p)) out.liveOf = p.live_of;
  return out;
}

function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
