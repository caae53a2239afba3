// Between consolidation passes, new faces join existing people through per-person summaries.
//
// [Note: per-person summaries] A person is summarised by the sum of its faces' descriptors and
// their number. The average-linkage distance of a new face to the person, i.e. the mean cosine
// distance to every one of its faces across the whole library, is then 1 − face·sum/count
// (vectors.ts): one 128-d dot product per person, however many photos they are in. It is the same
// quantity consolidation merges on, with the same threshold, so a face the incremental path puts
// in a person is one consolidation would (almost always) put there too. Nothing is windowed: a
// person seen once in 2009 is as findable as one seen yesterday (Ente's batch window splits
// people across windows).
//
// [Note: set-based batches] A batch of new faces is decided against the summaries as they were
// before the batch, and conflicts are settled nearest-first: every allowed (face, person)
// candidate within the threshold is sorted by distance and taken greedily, one face per person
// per photo. So the outcome does not depend on the order of faces within a batch. New faces that
// match nobody are left for the next consolidation pass: the incremental path never creates a
// person, because a person must be seeded by good faces seen together (cluster.ts).

import { dotF32Rows } from './vectors.js';

export interface NewFace {
  id: string;
  photoId: string;
  embedding: ArrayLike<number>;
}

export interface AssignContext {
  /** People who already have a face in this photo (they cannot take another one). */
  peopleInPhoto(photoId: string): ReadonlySet<number> | undefined;
  /** People this face must never join. */
  rejected(faceId: string): ReadonlySet<number> | undefined;
}

export interface Match {
  personId: number;
  distance: number;
}

export class PeopleIndex {
  private ids: number[] = [];
  private slot = new Map<number, number>();
  private sums = new Float64Array(0);
  private counts: number[] = [];
  /** Per-person means in float32, rebuilt lazily after summaries change (the scan's hot data). */
  private means: Float32Array | null = null;

  constructor(readonly dim = 128) {}

  get size(): number {
    return this.ids.length;
  }

  /** Adds a face to a person's summary (creating the person's entry if new). */
  add(personId: number, embedding: ArrayLike<number>): void {
    const s = this.slotOf(personId);
    const base = s * this.dim;
    for (let k = 0; k < this.dim; k++) this.sums[base + k] += embedding[k];
    this.counts[s]++;
    this.means = null;
  }

  /** Removes a face from a person's summary (a move, a removal). */
  remove(personId: number, embedding: ArrayLike<number>): void {
    const s = this.slot.get(personId);
    if (s === undefined) return;
    const base = s * this.dim;
    for (let k = 0; k < this.dim; k++) this.sums[base + k] -= embedding[k];
    this.counts[s]--;
    this.means = null;
  }

  /** Forgets a person (merged away, deleted). */
  drop(personId: number): void {
    const s = this.slot.get(personId);
    if (s === undefined) return;
    this.counts[s] = 0;
    this.sums.fill(0, s * this.dim, (s + 1) * this.dim);
    this.means = null;
  }

  /** The person's face count in the summary (0 if unknown). */
  countOf(personId: number): number {
    const s = this.slot.get(personId);
    return s === undefined ? 0 : this.counts[s];
  }

  /** The person's mean descriptor (not normalised), or null. */
  meanOf(personId: number): Float64Array | null {
    const s = this.slot.get(personId);
    if (s === undefined || this.counts[s] === 0) return null;
    const mean = this.sums.slice(s * this.dim, (s + 1) * this.dim);
    for (let k = 0; k < this.dim; k++) mean[k] /= this.counts[s];
    return mean;
  }

  /** Average-linkage distance between two people (mean over every pair of their faces). */
  distanceBetween(a: number, b: number): number {
    const [sa, sb] = [this.slot.get(a), this.slot.get(b)];
    if (sa === undefined || sb === undefined || !this.counts[sa] || !this.counts[sb])
      return Infinity;
    let dot = 0;
    for (let k = 0; k < this.dim; k++)
      dot += this.sums[sa * this.dim + k] * this.sums[sb * this.dim + k];
    return 1 - dot / (this.counts[sa] * this.counts[sb]);
  }

  /** Average-linkage distance from one face to every person, nearest first, up to maxDistance. */
  nearest(embedding: ArrayLike<number>, maxDistance: number): Match[] {
    const q = embedding instanceof Float32Array ? embedding : Float32Array.from(embedding);
    const means = this.meanMatrix();
    const out: Match[] = [];
    for (let s = 0; s < this.ids.length; s++) {
      if (this.counts[s] <= 0) continue;
      const d = 1 - dotF32Rows(means, s, q, 0, this.dim);
      if (d <= maxDistance) out.push({ personId: this.ids[s], distance: d });
    }
    return out.sort((a, b) => a.distance - b.distance || a.personId - b.personId);
  }

  /** Decides a batch of new faces (see the note on set-based batches); returns face → person. */
  assign(faces: readonly NewFace[], ctx: AssignContext, threshold: number): Map<string, Match> {
    const candidates: { d: number; face: number; person: number }[] = [];
    faces.forEach((f, i) => {
      const rejected = ctx.rejected(f.id);
      for (const m of this.nearest(f.embedding, threshold)) {
        if (!rejected?.has(m.personId))
          candidates.push({ d: m.distance, face: i, person: m.personId });
      }
    });
    const byId = (i: number) => faces[i].id;
    candidates.sort(
      (a, b) =>
        a.d - b.d ||
        (byId(a.face) < byId(b.face) ? -1 : byId(a.face) > byId(b.face) ? 1 : 0) ||
        a.person - b.person,
    );
    const taken = new Map<string, Set<number>>();
    const result = new Map<string, Match>();
    for (const c of candidates) {
      const f = faces[c.face];
      if (result.has(f.id)) continue;
      if (ctx.peopleInPhoto(f.photoId)?.has(c.person)) continue;
      let inBatch = taken.get(f.photoId);
      if (inBatch?.has(c.person)) continue;
      if (!inBatch) taken.set(f.photoId, (inBatch = new Set()));
      inBatch.add(c.person);
      result.set(f.id, { personId: c.person, distance: c.d });
    }
    for (const f of faces) {
      const m = result.get(f.id);
      if (m) this.add(m.personId, f.embedding);
    }
    return result;
  }

  private meanMatrix(): Float32Array {
    if (!this.means) {
      const means = new Float32Array(this.ids.length * this.dim);
      for (let s = 0; s < this.ids.length; s++) {
        const c = this.counts[s];
        if (c > 0)
          for (let k = 0, p = s * this.dim; k < this.dim; k++, p++) means[p] = this.sums[p] / c;
      }
      this.means = means;
    }
    return this.means;
  }

  private slotOf(personId: number): number {
    let s = this.slot.get(personId);
    if (s !== undefined) return s;
    s = this.ids.length;
    this.ids.push(personId);
    this.counts.push(0);
    this.slot.set(personId, s);
    if (this.sums.length < (s + 1) * this.dim) {
      const grown = new Float64Array(Math.max(16, 2 * (s + 1)) * this.dim);
      grown.set(this.sums);
      this.sums = grown;
    }
    return s;
  }
}
