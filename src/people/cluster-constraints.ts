// [Note: constraints] Who may never be merged with whom, tracked per cluster as clustering runs.
// A face may carry a label (the user confirmed it is person P) and rejections (the user said it
// is not P). Two clusters may not merge when:
//   - they carry different labels (two people the user knows apart stay apart);
//   - one carries label P and the other holds a face rejected for P, or a face from a photo in
//     which P already has a face (two faces of one photo are two people);
//   - neither is labelled and they share a photo.
// Faces confirmed for the same person may share a photo (the user said so: a mirror, a photo of
// a photo), which is why photo checks for a labelled cluster go through the whole label group
// (every cluster carrying P, since P may still be in several pieces) and two clusters with the
// same label are never compared. Every one of these facts only grows as clusters merge, so a pair
// found forbidden stays forbidden: clustering relies on that.
//
// Photos are tracked only for photos with several faces (the caller passes -1 otherwise), and a
// single face's photo is read from the input instead of a one-element Set, so the common case
// allocates nothing.

export interface ConstraintInput {
  /** Photo index per face; -1 = no constraint. */
  photo: Int32Array;
  /** Person id the user confirmed per face, or -1. */
  label: Int32Array;
  /** Person ids each face must never join. */
  rejected: ReadonlyMap<number, readonly number[]>;
}

export class ClusterConstraints {
  readonly label: Int32Array;
  /** Photos of unlabelled clusters that grew (a single face's is in photo[]). */
  private readonly photos: (Set<number> | undefined)[];
  /** Photos of every face in any cluster carrying the label. */
  private readonly groupPhotos = new Map<number, Set<number>>();
  private readonly rejections = new Map<number, Set<number>>();

  /** `count` is the clustering's live size array (read, never written). */
  constructor(
    private readonly input: ConstraintInput,
    private readonly count: Int32Array,
  ) {
    const n = input.photo.length;
    this.label = input.label.slice();
    this.photos = new Array(n);
    for (let i = 0; i < n; i++) {
      if (input.label[i] >= 0 && input.photo[i] >= 0)
        this.group(input.label[i]).add(input.photo[i]);
      const rej = input.rejected.get(i);
      if (rej?.length) this.rejections.set(i, new Set(rej));
    }
  }

  /** Whether clusters a and b (roots) may never merge. */
  conflict(a: number, b: number): boolean {
    const la = this.label[a];
    const lb = this.label[b];
    if (la >= 0 && lb >= 0) return la !== lb;
    if (la < 0 && lb < 0) {
      const pa = this.photos[a];
      const pb = this.photos[b];
      if (!pa && !pb) {
        const ph = this.singlePhoto(a);
        return ph >= 0 && ph === this.singlePhoto(b);
      }
      if (!pa) return this.sharesPhoto(a, pb!);
      if (!pb) return this.sharesPhoto(b, pa);
      return pa.size <= pb.size ? this.sharesPhoto(a, pb) : this.sharesPhoto(b, pa);
    }
    const [l, free] = la >= 0 ? [la, b] : [lb, a];
    if (this.rejections.get(free)?.has(l)) return true;
    const group = this.groupPhotos.get(l);
    return group ? this.sharesPhoto(free, group) : false;
  }

  /** Records that o merges into r. Call before the sizes change. */
  merge(r: number, o: number): void {
    const [lr, lo] = [this.label[r], this.label[o]];
    if (lr < 0 && lo < 0) {
      const po = this.photos[o];
      const single = this.singlePhoto(o);
      if (po || single >= 0 || this.photos[r] || this.singlePhoto(r) >= 0) {
        const own = this.ownPhotos(r);
        if (po) for (const ph of po) own.add(ph);
        else if (single >= 0) own.add(single);
      }
    } else if (lr < 0 || lo < 0) {
      const l = lr >= 0 ? lr : lo;
      const free = lr >= 0 ? o : r;
      const group = this.group(l);
      const own = this.photos[free];
      if (own) for (const ph of own) group.add(ph);
      else if (this.singlePhoto(free) >= 0) group.add(this.singlePhoto(free));
      this.label[r] = l;
      this.photos[r] = undefined;
    }
    this.photos[o] = undefined;
    const ro = this.rejections.get(o);
    if (ro) {
      const rr = this.rejections.get(r);
      if (rr) for (const x of ro) rr.add(x);
      else this.rejections.set(r, ro);
      this.rejections.delete(o);
    }
  }

  /** Whether face i (not in any cluster) may join cluster root. */
  mayJoin(i: number, root: number): boolean {
    const l = this.label[root];
    if (l >= 0 && this.rejections.get(i)?.has(l)) return false;
    const ph = this.input.photo[i];
    if (ph < 0) return true;
    if (l >= 0) return !(this.groupPhotos.get(l)?.has(ph) ?? false);
    const s = this.photos[root];
    return s ? !s.has(ph) : this.singlePhoto(root) !== ph;
  }

  /** Records that face i joined cluster root. */
  join(i: number, root: number): void {
    const ph = this.input.photo[i];
    if (ph < 0) return;
    const l = this.label[root];
    if (l >= 0) this.group(l).add(ph);
    else this.ownPhotos(root).add(ph);
  }

  private group(label: number): Set<number> {
    let g = this.groupPhotos.get(label);
    if (!g) this.groupPhotos.set(label, (g = new Set()));
    return g;
  }

  /** The photo of a cluster that is a single face, or -1. */
  private singlePhoto(root: number): number {
    return this.count[root] === 1 && !this.photos[root] ? this.input.photo[root] : -1;
  }

  /** The photo set of an unlabelled cluster, created on demand. */
  private ownPhotos(root: number): Set<number> {
    let s = this.photos[root];
    if (!s) {
      s = new Set();
      const ph = this.singlePhoto(root);
      if (ph >= 0) s.add(ph);
      this.photos[root] = s;
    }
    return s;
  }

  /** Whether any photo of unlabelled cluster `free` is in `set` (allocation-free). */
  private sharesPhoto(free: number, set: Set<number>): boolean {
    const own = this.photos[free];
    if (!own) {
      const ph = this.singlePhoto(free);
      return ph >= 0 && set.has(ph);
    }
    for (const ph of own) if (set.has(ph)) return true;
    return false;
  }
}
