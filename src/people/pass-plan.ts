// What a consolidation pass reads and what it then has to write, as plain data that crosses a
// thread boundary: the read and the clustering may run in a worker (cluster-worker.ts), the
// writing always happens on the main thread, the single writer (pass-apply.ts).

import type { FaceFeedbackRepo } from '../db/repos/face-feedback.js';
import type { PeopleRepo } from '../db/repos/people.js';
import type { ClusterOptions, ClusterResult } from './types.js';

/** A clustering job as plain data (descriptors in one buffer, transferable to a worker). */
export interface ClusterJob {
  ids: string[];
  photoIds: string[];
  quality: Float32Array;
  /** ids.length × dim descriptors, row-major. */
  embeddings: Float32Array;
  dim: number;
  confirmed: [string, number][];
  rejected: [string, number[]][];
  /** Faces that were in a person when read. */
  previous: [string, number][];
  options?: Partial<ClusterOptions>;
}

/** Every face not removed by the user and every user decision, as one clustering job. */
export function readJob(
  people: PeopleRepo,
  feedback: FaceFeedbackRepo,
  options?: Partial<ClusterOptions>,
): ClusterJob {
  const fb = feedback.snapshot();
  const ids: string[] = [];
  const photoIds: string[] = [];
  const quality: number[] = [];
  const rows: Float32Array[] = [];
  const previous: [string, number][] = [];
  for (const f of people.clusteringFaces()) {
    ids.push(f.id);
    photoIds.push(f.photo_id);
    quality.push(f.quality);
    rows.push(f.embedding);
    if (f.person_id !== null) previous.push([f.id, f.person_id]);
  }
  const dim = rows[0]?.length ?? 128;
  const embeddings = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => embeddings.set(r, i * dim));
  return {
    ids,
    photoIds,
    quality: Float32Array.from(quality),
    embeddings,
    dim,
    confirmed: [...fb.confirmed],
    rejected: [...fb.rejected].map(([f, ps]) => [f, [...ps]]),
    previous,
    options,
  };
}

/**
 * A pass's answer, face by face in the result's order (each person's faces, then the faces in
 * nobody), next to the person each face had when the pass read it. Flat arrays: posting this
 * from a worker costs the main thread little to receive.
 */
export interface PassPlan {
  faceIds: string[];
  /** Per face: the index of its person in `personIds`, or -1 for nobody. */
  target: Int32Array;
  /** Per face: its person when read (null: none). */
  previous: (number | null)[];
  /** Per person of the result: the existing person id it keeps, or null for a new person. */
  personIds: (number | null)[];
  faces: number;
  unassigned: number;
}

export function planPass(result: ClusterResult, job: Pick<ClusterJob, 'previous'>): PassPlan {
  const before = new Map(job.previous);
  const faceIds: string[] = [];
  const targets: number[] = [];
  result.people.forEach((p, k) => {
    for (const f of p.faceIds) {
      faceIds.push(f);
      targets.push(k);
    }
  });
  for (const f of result.unassigned) {
    faceIds.push(f);
    targets.push(-1);
  }
  return {
    faceIds,
    target: Int32Array.from(targets),
    previous: faceIds.map((f) => before.get(f) ?? null),
    personIds: result.people.map((p) => p.personId),
    faces: result.stats.faces,
    unassigned: result.unassigned.length,
  };
}
