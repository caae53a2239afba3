// Names from other tools onto the faces Picto detected.
//
// [Note: naming faces from outside] A named region names the detected face it overlaps best (IoU
// of the two boxes, one face per region and one region per face, best pairs first). Detectors and
// people draw face boxes differently (a hand-drawn digiKam box may take in hair and chin), so the
// bar is an IoU of 0.3, or a region and a face that each hold the other's centre. A name with no
// box (Takeout's `people`, a "People/Ana" keyword) can only name a face when there is no doubt:
// one face in the photo, one name in all. Everything else is reported, never guessed: a region
// that matched no face, two names claiming one face (the better overlap wins, the other is a
// conflict), the same name on two faces. The caller stores the results as user corrections
// (constraints), so clustering keeps them; a conflicting name becomes a suggestion.

import { iou } from '../ml/index.js';
import type { NormRect } from './geometry.js';

export interface FaceToName {
  id: string;
  /** Normalised [left, top, width, height] on the displayed photo (box / photo size). */
  rect: NormRect;
}

export interface NamedRect {
  name: string;
  rect: NormRect;
}

export interface FaceName {
  faceId: string;
  name: string;
  rule: 'region' | 'only-face';
  /** The overlap that decided it (1 for the only-face rule). */
  iou: number;
}

export interface MatchResult {
  names: FaceName[];
  /** Named regions no detected face matched (a face the detector missed, or a stale region). */
  unmatched: NamedRect[];
  /** Names that lost a face to a better-overlapping name, or repeat a name already placed. */
  conflicts: { faceId: string | null; name: string; reason: 'face-taken' | 'name-repeated' }[];
}

export const MATCH_MIN_IOU = 0.3;

function centreInside(a: NormRect, b: NormRect): boolean {
  const cx = a[0] + a[2] / 2;
  const cy = a[1] + a[3] / 2;
  return cx >= b[0] && cx <= b[0] + b[2] && cy >= b[1] && cy <= b[1] + b[3];
}

/** How well a region fits a face: IoU, or the bar itself when the centres nest (box styles differ). */
export function fit(region: NormRect, face: NormRect): number {
  const v = iou(region, face);
  if (v >= MATCH_MIN_IOU) return v;
  return centreInside(region, face) && centreInside(face, region) ? MATCH_MIN_IOU : 0;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function matchFaceNames(
  faces: readonly FaceToName[],
  regions: readonly NamedRect[],
  boxlessNames: readonly string[] = [],
): MatchResult {
  const result: MatchResult = { names: [], unmatched: [], conflicts: [] };
  const pairs: { f: number; r: number; v: number }[] = [];
  regions.forEach((reg, r) =>
    faces.forEach((face, f) => {
      const v = fit(reg.rect, face.rect);
      if (v > 0) pairs.push({ f, r, v });
    }),
  );
  pairs.sort((a, b) => b.v - a.v || a.r - b.r || a.f - b.f);
  const faceTaken = new Map<number, number>();
  const regionDone = new Set<number>();
  for (const { f, r, v } of pairs) {
    if (regionDone.has(r)) continue;
    const holder = faceTaken.get(f);
    if (holder !== undefined) {
      // This face went to a better-fitting region. Try the region's next face, if it has one.
      if (pairs.some((p) => p.r === r && !faceTaken.has(p.f))) continue;
      regionDone.add(r);
      // The same name drawn twice over one face is one label; another name is a disagreement.
      if (!same(regions[holder].name, regions[r].name)) {
        result.conflicts.push({ faceId: faces[f].id, name: regions[r].name, reason: 'face-taken' });
      }
      continue;
    }
    const repeated = result.names.find((n) => same(n.name, regions[r].name));
    if (repeated) {
      result.conflicts.push({
        faceId: faces[f].id,
        name: regions[r].name,
        reason: 'name-repeated',
      });
      regionDone.add(r);
      continue;
    }
    faceTaken.set(f, r);
    regionDone.add(r);
    result.names.push({
      faceId: faces[f].id,
      name: regions[r].name.trim(),
      rule: 'region',
      iou: v,
    });
  }
  regions.forEach((reg, r) => {
    if (!regionDone.has(r)) result.unmatched.push(reg);
  });

  // One face, one name: no doubt which face the name is.
  if (result.names.length === 0 && faces.length === 1) {
    const all = [...regions.map((r) => r.name), ...boxlessNames]
      .map((n) => n.trim())
      .filter(Boolean);
    const distinct = all.filter((n, i) => all.findIndex((m) => same(m, n)) === i);
    if (distinct.length === 1) {
      result.names.push({ faceId: faces[0].id, name: distinct[0], rule: 'only-face', iou: 1 });
      result.unmatched = result.unmatched.filter((u) => !same(u.name, distinct[0]));
    }
  }
  return result;
}
