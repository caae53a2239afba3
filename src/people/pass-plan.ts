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
 * nobody), next to the person each face had when the pass read it. Typed arrays only, which a
 * worker transfers instead of copying: rebuilding 100k id strings from a posted array held the
 * main thread ~40 ms, and most ids are never needed there (only those of faces that change).
 */
export interface PassPlan {
  /** Every face id, UTF-8, one after the other. */
  faceIdBytes: Uint8Array;
  /** Where each face's id ends in faceIdBytes. */
  faceIdEnds: Uint32Array;
  /** Per face: the index of its person in `personIds`, or -1 for nobody. */
  target: Int32Array;
  /** Per face: its person when read (NaN: none). */
  previous: Float64Array;
  /** Per person of the result: the existing person id it keeps, or null for a new person. */
  personIds: (number | null)[];
  faces: number;
  unassigned: number;
}

export function planPass(result: ClusterResult, job: Pick<ClusterJob, 'previous'>): PassPlan {
  const before = new Map(job.previous);
  const ids: string[] = [];
  const targets: number[] = [];
  result.people.forEach((p, k) => {
    for (const f of p.faceIds) {
      ids.push(f);
      targets.push(k);
    }
  });
  for (const f of result.unassigned) {
    ids.push(f);
    targets.push(-1);
  }
  const bytes = Buffer.from(ids.join(''), 'utf8');
  const ends = new Uint32Array(ids.length);
  let at = 0;
  ids.forEach((id, i) => (ends[i] = at += Buffer.byteLength(id, 'utf8')));
  return {
    faceIdBytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice(),
    faceIdEnds: ends,
    target: Int32Array.from(targets),
    previous: Float64Array.from(ids, (f) => before.get(f) ?? NaN),
    personIds: result.people.map((p) => p.personId),
    faces: result.stats.faces,
    unassigned: result.unassigned.length,
  };
}

/** The buffers a worker hands over with the plan. */
export const planBuffers = (plan: PassPlan): ArrayBuffer[] =>
  [plan.faceIdBytes, plan.faceIdEnds, plan.target, plan.previous].map(
    (a) => a.buffer as ArrayBuffer,
  );

/** Reads a plan face by face (ids decoded only when asked for). */
export class PlanReader {
  private readonly text: Buffer;
  constructor(private readonly plan: PassPlan) {
    const b = plan.faceIdBytes;
    this.text = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }

  get length(): number {
    return this.plan.target.length;
  }

  faceId(i: number): string {
    return this.text.toString('utf8', i ? this.plan.faceIdEnds[i - 1] : 0, this.plan.faceIdEnds[i]);
  }

  /** The face's person when read, or null. */
  previous(i: number): number | null {
    const p = this.plan.previous[i];
    return Number.isNaN(p) ? null : p;
  }

  /** Index of the face's person in plan.personIds, or -1. */
  target(i: number): number {
    return this.plan.target[i];
  }
}
