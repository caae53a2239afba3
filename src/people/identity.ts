import { createHash } from 'node:crypto';
import { iou, type Box } from '../ml/index.js';

// [Note: stable person ids] A re-clustering must not rename the world: the "Alice" page, a
// bookmarked /people/12 and every face the user never touched should keep their person ids.
// People the user acted on carry their id as a label through clustering (linkage.ts), so they keep
// it by construction. Every other new cluster inherits the id of the previous person it shares the
// most faces with; each previous id goes to at most one cluster, largest overlaps first. Clusters
// left over are new people; previous people left over have dissolved (their faces went elsewhere).
// Ties break on the smaller person id and then the smaller first face id, so the answer does not
// depend on the order anything was listed in.

export interface ClusterToName {
  /** Person id the cluster carries as a user label, or -1. */
  label: number;
  /** Sorted face ids. */
  faceIds: readonly string[];
}

/**
 * Person id for each cluster (same order as given), or null for a new person.
 * `previous` maps face id → person id before this pass; ids in `labelled` are never inherited by
 * overlap (they belong to the clusters carrying them as labels).
 */
export function inheritPersonIds(
  clusters: readonly ClusterToName[],
  previous: ReadonlyMap<string, number>,
  labelled: ReadonlySet<number>,
): (number | null)[] {
  const result: (number | null)[] = clusters.map((c) => (c.label >= 0 ? c.label : null));
  const overlaps: { cluster: number; person: number; shared: number }[] = [];
  clusters.forEach((c, k) => {
    if (c.label >= 0) return;
    const counts = new Map<number, number>();
    for (const f of c.faceIds) {
      const p = previous.get(f);
      if (p !== undefined && !labelled.has(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    for (const [person, shared] of counts) overlaps.push({ cluster: k, person, shared });
  });
  const firstFace = (k: number) => clusters[k].faceIds[0] ?? '';
  overlaps.sort(
    (a, b) =>
      b.shared - a.shared ||
      a.person - b.person ||
      (firstFace(a.cluster) < firstFace(b.cluster)
        ? -1
        : firstFace(a.cluster) > firstFace(b.cluster)
          ? 1
          : 0),
  );
  const taken = new Set<number>();
  for (const o of overlaps) {
    if (result[o.cluster] !== null || taken.has(o.person)) continue;
    result[o.cluster] = o.person;
    taken.add(o.person);
  }
  return result;
}

// [Note: stable face ids] Detection runs again when a model or its post-processing changes, and
// the faces it finds are new objects: a face that overlaps one the photo had (IoU ≥ 0.5) is taken
// to be the same face and keeps its id, its person and its creation time, so re-indexing keeps
// who is who (and every correction made on it). Other faces get an id from the photo and the box.

/** A face the photo had before this detection. */
export interface PreviousFace {
  id: string;
  box: Box;
  personId: number | null;
  createdAt: string;
}

export interface MatchedFace<F> {
  id: string;
  personId: number | null;
  createdAt: string;
  face: F;
}

/** Face ids come from the photo id and the box, so the same face found again keeps its id. */
export function faceId(photoId: string, box: Box): string {
  const key = `${photoId}:${box.map((v) => Math.round(v)).join(',')}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}

/** Identity of each detected face (same order as given): inherited by overlap, else new. */
export function matchDetectedFaces<F extends { box: Box }>(
  photoId: string,
  detected: readonly F[],
  previous: readonly PreviousFace[],
  now: string,
): MatchedFace<F>[] {
  const taken = new Set<string>();
  return detected.map((face) => {
    let best: PreviousFace | undefined;
    let bestIou = 0.5;
    for (const o of previous) {
      if (taken.has(o.id)) continue;
      const v = iou(face.box, o.box);
      if (v >= bestIou) {
        best = o;
        bestIou = v;
      }
    }
    if (best) {
      taken.add(best.id);
      return { id: best.id, personId: best.personId, createdAt: best.createdAt, face };
    }
    // Two faces with the same rounded box: shift the key until it is free (the first shift is
    // what earlier builds used, so ids they gave stay the same).
    let id = faceId(photoId, face.box);
    for (let dx = 1; taken.has(id); dx++) {
      id = faceId(photoId, [face.box[0] + dx, face.box[1], face.box[2], face.box[3]]);
    }
    taken.add(id);
    return { id, personId: null, createdAt: now, face };
  });
}
