// The full clustering pass ("consolidation"): every face of the library, every user decision,
// in; people out. It is the reference answer the incremental path (incremental.ts) approximates
// between passes.
//
// [Note: order independence] Faces are first sorted by their id, which is derived from the
// photo's content and the face box, never from when or where a photo arrived. Every later step is
// a deterministic function of that sorted array (seeded PRNG, ties broken by index), so the same
// set of faces and decisions gives the same people whatever order the photos were indexed in.
//
// Steps:
//   1. candidate graph of faces within the threshold (neighbours.ts, O(n) memory);
//   2. constrained average linkage over the good faces and every confirmed face (linkage.ts);
//   3. low-quality faces attach to the nearest person they are allowed into, decided on frozen
//      sums and resolved nearest-first, so no face's fate depends on another's position;
//   4. groups with a user label become that person (all its components together); unlabelled
//      groups of ≥ minFaces good faces become people, inheriting ids by overlap (identity.ts).

import { inheritPersonIds } from './identity.js';
import { ConstrainedLinkage } from './linkage.js';
import { buildNeighbourGraph, DEFAULT_NEIGHBOURS, type NeighbourOptions } from './neighbours.js';
import { MIN_PERSON_FACES, PERSON_THRESHOLD, SEED_QUALITY } from './threshold.js';
import type {
  ClusterOptions,
  ClusterResult,
  FaceInput,
  PersonCluster,
  UserConstraints,
} from './types.js';
import { packRows } from './vectors.js';

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: PERSON_THRESHOLD,
  seedQuality: SEED_QUALITY,
  minFaces: MIN_PERSON_FACES,
};

export interface ClusterInput {
  faces: readonly FaceInput[];
  constraints: UserConstraints;
  /** Face id → person id before this pass (for stable ids); empty on a first run. */
  previous?: ReadonlyMap<string, number>;
  options?: Partial<ClusterOptions>;
  /** Neighbour-search tuning (tests and the benchmark). */
  neighbours?: Partial<Omit<NeighbourOptions, 'radius'>>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function clusterFaces(input: ClusterInput): ClusterResult {
  const t0 = performance.now();
  const opts = { ...DEFAULT_CLUSTER_OPTIONS, ...input.options };
  const { confirmed, rejected } = input.constraints;
  const faces = [...input.faces].sort(byId);
  const n = faces.length;
  for (let i = 1; i < n; i++)
    if (faces[i].id === faces[i - 1].id) throw new Error(`duplicate face id ${faces[i].id}`);
  const dim = n ? faces[0].embedding.length : 128;
  const m = packRows(
    faces.map((f) => f.embedding),
    dim,
  );

  // Only photos with several faces can violate "one face per person per photo".
  const facesPerPhoto = new Map<string, number>();
  for (const f of faces) facesPerPhoto.set(f.photoId, (facesPerPhoto.get(f.photoId) ?? 0) + 1);
  const photoIndex = new Map<string, number>();
  const photo = new Int32Array(n).fill(-1);
  const label = new Int32Array(n).fill(-1);
  const active = new Uint8Array(n);
  const rejectedByIndex = new Map<number, number[]>();
  faces.forEach((f, i) => {
    if ((facesPerPhoto.get(f.photoId) ?? 0) > 1) {
      if (!photoIndex.has(f.photoId)) photoIndex.set(f.photoId, photoIndex.size);
      photo[i] = photoIndex.get(f.photoId)!;
    }
    const l = confirmed.get(f.id);
    if (l !== undefined) label[i] = l;
    const r = rejected.get(f.id);
    if (r?.size)
      rejectedByIndex.set(
        i,
        [...r].filter((p) => p !== l),
      );
    active[i] = l !== undefined || f.quality >= opts.seedQuality ? 1 : 0;
  });

  const tGraph = performance.now();
  const graph = buildNeighbourGraph(m, n, dim, {
    ...DEFAULT_NEIGHBOURS,
    ...input.neighbours,
    radius: opts.threshold,
  });
  const tLink = performance.now();
  const linkage = new ConstrainedLinkage({
    m,
    n,
    dim,
    graph,
    active,
    photo,
    label,
    rejected: rejectedByIndex,
  });
  linkage.run(opts.threshold);

  // A group is a person when the user labelled it or it has enough good faces.
  const isPerson = (root: number) =>
    linkage.labelOf(root) >= 0 || linkage.sizeOf(root) >= opts.minFaces;

  // Low-quality faces: every allowed (distance, face, group) candidate within the threshold,
  // nearest first; a face takes its best candidate still allowed once earlier ones settled.
  const candidates: { d: number; i: number; root: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (active[i]) continue;
    const seen = new Set<number>();
    for (let k = graph.offsets[i]; k < graph.offsets[i + 1]; k++) {
      const root = linkage.find(graph.targets[k]);
      if (seen.has(root) || !active[root] || !isPerson(root)) continue;
      seen.add(root);
      const d = linkage.distanceToCluster(i, root);
      if (d <= opts.threshold && linkage.constraints.mayJoin(i, root))
        candidates.push({ d, i, root });
    }
  }
  candidates.sort((a, b) => a.d - b.d || a.i - b.i || a.root - b.root);
  const attached = new Uint8Array(n);
  for (const c of candidates) {
    if (attached[c.i] || !linkage.constraints.mayJoin(c.i, c.root)) continue;
    linkage.attach(c.i, c.root);
    attached[c.i] = 1;
  }

  // Gather people: all groups of one label form one person; other groups stand alone.
  const groups = new Map<string, { label: number; faceIds: string[] }>();
  const unassigned: string[] = [];
  for (let i = 0; i < n; i++) {
    const root = linkage.find(i);
    if ((!active[i] && !attached[i]) || !isPerson(root)) {
      unassigned.push(faces[i].id);
      continue;
    }
    const l = linkage.labelOf(root);
    const key = l >= 0 ? `L${l}` : `R${root}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label: l, faceIds: [] }));
    g.faceIds.push(faces[i].id);
  }
  const clusters = [...groups.values()].sort((a, b) => (a.faceIds[0] < b.faceIds[0] ? -1 : 1));
  const labelled = new Set(confirmed.values());
  const ids = inheritPersonIds(clusters, input.previous ?? new Map(), labelled);
  const people: PersonCluster[] = clusters.map((c, k) => ({
    personId: ids[k],
    faceIds: c.faceIds,
  }));

  const tEnd = performance.now();
  return {
    people,
    unassigned,
    stats: {
      faces: n,
      seeds: active.reduce((s, a) => s + a, 0),
      people: people.length,
      unassigned: unassigned.length,
      neighbourEdges: graph.targets.length / 2,
      neighbourMs: Math.round(tLink - tGraph),
      linkageMs: Math.round(tEnd - tLink),
      totalMs: Math.round(tEnd - t0),
    },
  };
}
