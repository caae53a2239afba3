// Names other programs gave (digiKam, Lightroom, Picasa regions, Takeout's people; stored by the
// interchange stage in imported_regions) onto the faces Picto detected, as constraints.
//
// [Note: imported names are constraints] A matched name (see [Note: naming faces from outside]
// in interchange/faces-match.ts) confirms the face as the person of that name — an existing one
// (the same name, case folded), else a new person — with source 'import' in face_feedback, so
// every clustering pass, incremental or from scratch, keeps it. The face's current person is not
// renamed: clustering may have put strangers in it, and a name the user never saw must not
// spread to them; that person shows up among the named person's suggestions instead. Nothing is
// merged and no decision of the user is overridden: a face the user confirmed as someone else,
// rejected for that name, or that clustering put in a person with another name keeps what it
// has, and the name becomes a suggestion (a conflict). A confirmation an import made follows the
// sidecar when it changes; one the user made never does.

import type { Repos } from '../db/index.js';
import type { ImportedRegionRow } from '../db/repos/imported-regions.js';
import { matchFaceNames, type FaceToName, type NamedRect } from '../interchange/faces-match.js';
import { storedToDisplayed, type NormRect } from '../interchange/geometry.js';
import { iou } from '../ml/index.js';
import type { PeopleIndex } from './incremental.js';
import type { Suggestion } from './suggestions.js';

export interface NamingStats {
  photos: number;
  named: number;
  conflicts: number;
  /** People created for names that had none yet. */
  newPeople: number;
  /** People whose faces changed. */
  touched: number[];
}

const same = (a: string | null, b: string) =>
  a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

type Outcome = { status: 'named'; personId: number } | { status: 'conflict' };

/** Gives one face the name, unless someone decided otherwise. */
function nameFace(
  repos: Repos,
  faceId: string,
  name: string,
  now: string,
  stats: NamingStats,
): Outcome {
  const face = repos.people.face(faceId);
  if (!face) return { status: 'conflict' };
  const decision = repos.faceFeedback.decisionFor(faceId);
  const current = face.person_id !== null ? repos.people.resolve(face.person_id) : undefined;
  if (decision?.kind === 'confirmed' && decision.personId !== null) {
    const confirmed = repos.people.resolve(decision.personId);
    if (confirmed && same(confirmed.name, name)) return { status: 'named', personId: confirmed.id };
    // The user's word stands; an import's own earlier word follows the sidecar.
    if (decision.source === 'user') return { status: 'conflict' };
  } else if (current && current.name !== null && !same(current.name, name)) {
    return { status: 'conflict' };
  }
  let target = current && same(current.name, name) ? current : repos.people.byName(name);
  if (target && repos.faceFeedback.rejectionsOf(faceId).has(target.id))
    return { status: 'conflict' };
  if (!target) {
    const id = repos.people.insert(name.replace(/\s+/g, ' ').trim(), now);
    target = repos.people.get(id)!;
    stats.newPeople++;
  }
  if (face.person_id !== target.id) {
    repos.people.assign([[faceId, target.id]]);
    if (face.person_id !== null) stats.touched.push(face.person_id);
  }
  repos.faceFeedback.confirm([faceId], target.id, now, 'import');
  stats.touched.push(target.id);
  return { status: 'named', personId: target.id };
}

function rectOf(r: ImportedRegionRow): NormRect | null {
  return r.x === null || r.y === null || r.w === null || r.h === null ? null : [r.x, r.y, r.w, r.h];
}

/** Matches one photo's imported names to its faces and records what became of each. */
function namePhoto(repos: Repos, photoId: string, now: string, stats: NamingStats): void {
  const photo = repos.photos.get(photoId);
  const rows = repos.importedRegions.forPhoto(photoId);
  if (!photo || !rows.length) return;
  const W = photo.width || 1;
  const H = photo.height || 1;
  // facesInPhoto leaves out faces the user removed ("not a face").
  const faces: FaceToName[] = repos.people
    .facesInPhoto(photoId)
    .map((f) => ({ id: f.id, rect: [f.x / W, f.y / H, f.w / W, f.h / H] }));
  const regions: (NamedRect & { row: ImportedRegionRow })[] = [];
  const boxless: ImportedRegionRow[] = [];
  for (const r of rows) {
    const rect = rectOf(r);
    if (rect)
      regions.push({ name: r.name, rect: storedToDisplayed(rect, photo.orientation), row: r });
    else boxless.push(r);
  }
  const result = matchFaceNames(
    faces,
    regions,
    boxless.map((r) => r.name),
  );
  const done = new Set<number>();
  const faceRect = new Map(faces.map((f) => [f.id, f.rect]));
  const displayed = new Map(regions.map((r) => [r.row.id, r.rect]));
  /** The rows an outcome on `faceId` for `name` is about: its region, and boxless twins. */
  const rowsFor = (name: string, faceId: string | null): ImportedRegionRow[] => {
    const open = rows.filter((r) => !done.has(r.id) && same(r.name, name));
    const boxed = open.filter((r) => displayed.has(r.id));
    const at = faceId ? faceRect.get(faceId) : undefined;
    const best = at
      ? boxed.map((r) => ({ r, v: iou(displayed.get(r.id)!, at) })).sort((a, b) => b.v - a.v)[0]?.r
      : undefined;
    const picked = best ?? boxed[0];
    return [...(picked ? [picked] : []), ...open.filter((r) => !displayed.has(r.id))];
  };
  for (const n of result.names) {
    const outcome = nameFace(repos, n.faceId, n.name, now, stats);
    for (const r of rowsFor(n.name, n.faceId)) {
      done.add(r.id);
      if (outcome.status === 'named') {
        repos.importedRegions.setOutcome(r.id, 'named', n.faceId, outcome.personId);
        stats.named++;
      } else {
        repos.importedRegions.setOutcome(r.id, 'conflict', n.faceId, null);
        stats.conflicts++;
      }
    }
  }
  for (const c of result.conflicts) {
    for (const r of rowsFor(c.name, c.faceId)) {
      done.add(r.id);
      repos.importedRegions.setOutcome(r.id, 'conflict', c.faceId, null);
      stats.conflicts++;
    }
  }
  for (const r of rows) {
    if (done.has(r.id)) continue;
    // A name without a box on a photo of several faces: any of them may be it.
    const status = rectOf(r) === null && faces.length > 1 ? 'unplaced' : 'unmatched';
    repos.importedRegions.setOutcome(r.id, status, null, null);
  }
  stats.photos++;
}

/**
 * Names the faces of every photo whose imported names wait for them (up to `limit` photos per
 * call; run again while it returns photos). One transaction per batch.
 */
export function nameFacesFromImports(repos: Repos, limit = 500): NamingStats {
  const stats: NamingStats = { photos: 0, named: 0, conflicts: 0, newPeople: 0, touched: [] };
  const now = new Date().toISOString();
  const photos = repos.importedRegions.pendingPhotos(limit);
  if (!photos.length) return stats;
  repos.db.transaction(() => {
    for (const id of photos) namePhoto(repos, id, now, stats);
  })();
  stats.touched = [...new Set(stats.touched)];
  return stats;
}

/**
 * Names faces from imports until none wait (batches of nameFacesFromImports); `touched` hears of
 * the people each batch changed. Returns how many faces were named.
 */
export function nameAllFromImports(repos: Repos, touched: (ids: number[]) => void): number {
  let named = 0;
  for (;;) {
    const stats = nameFacesFromImports(repos);
    if (!stats.photos) return named;
    named += stats.named;
    if (stats.touched.length) touched(stats.touched);
  }
}

/**
 * Faces another program named like `target` that did not get the name (a conflict, or a name
 * without a box on a photo of several faces), nearest first: the person's suggestions start with
 * them, whatever their distance, since a person said so. Faces already the target's or rejected
 * for it are left out. `photoOf` learns each suggested face's photo.
 */
export function importedSuggestions(
  repos: Repos,
  index: PeopleIndex,
  target: { id: number; name: string | null },
  rejected: ReadonlySet<string>,
  photoOf: Map<string, string>,
): Extract<Suggestion, { kind: 'face' }>[] {
  if (!target.name) return [];
  const mean = index.meanOf(target.id);
  const out: Extract<Suggestion, { kind: 'face' }>[] = [];
  const seen = new Set<string>();
  for (const s of repos.importedRegions.suggestedFaces(target.name)) {
    if (seen.has(s.faceId) || rejected.has(s.faceId)) continue;
    seen.add(s.faceId);
    const face = repos.people.face(s.faceId);
    if (!face || face.person_id === target.id || repos.faceFeedback.isRemoved(s.faceId)) continue;
    photoOf.set(s.faceId, face.photo_id);
    let distance = 1;
    if (mean) {
      let dot = 0;
      for (let k = 0; k < mean.length; k++) dot += face.embedding[k] * mean[k];
      distance = 1 - dot;
    }
    out.push({ kind: 'face', faceId: s.faceId, distance, imported: true });
  }
  return out.sort((a, b) => a.distance - b.distance || (a.faceId < b.faceId ? -1 : 1));
}
