// A binary min-heap of (key, a, b, tagA, tagB) entries on growable typed arrays: no object per
// entry, so millions of pushes stay cheap. Ties on key pop the smaller (a, b) first, a total
// order, so what comes out never depends on push order. Clustering keys clusters by their
// nearest-neighbour distance (b unused, tagA = the entry's version).

export class PairHeap {
  private keys = new Float64Array(1024);
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private ga = new Int32Array(1024);
  private gb = new Int32Array(1024);
  size = 0;

  push(key: number, a: number, b: number, ga: number, gb: number): void {
    if (this.size === this.keys.length) this.grow();
    this.place(this.size++, key, a, b, ga, gb);
  }

  /** Removes the smallest entry into `out` ([key, a, b, genA, genB]). */
  pop(out: Float64Array): void {
    if (!this.size) throw new Error('pop from an empty heap');
    out[0] = this.keys[0];
    out[1] = this.a[0];
    out[2] = this.b[0];
    out[3] = this.ga[0];
    out[4] = this.gb[0];
    const last = --this.size;
    if (last > 0)
      this.sink(0, last, this.keys[last], this.a[last], this.b[last], this.ga[last], this.gb[last]);
  }

  /** Entry i orders before (key, a, b). */
  private less(i: number, key: number, a: number, b: number): boolean {
    const k = this.keys[i];
    return k < key || (k === key && (this.a[i] < a || (this.a[i] === a && this.b[i] < b)));
  }

  private greater(i: number, key: number, a: number, b: number): boolean {
    const k = this.keys[i];
    return k > key || (k === key && (this.a[i] > a || (this.a[i] === a && this.b[i] > b)));
  }

  /** Sifts an entry up from position i. */
  private place(i: number, key: number, a: number, b: number, ga: number, gb: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.greater(parent, key, a, b)) break;
      this.copy(parent, i);
      i = parent;
    }
    this.set(i, key, a, b, ga, gb);
  }

  /** Sifts an entry down from position i within [0, end). */
  private sink(
    i: number,
    end: number,
    key: number,
    a: number,
    b: number,
    ga: number,
    gb: number,
  ): void {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= end) break;
      const r = l + 1;
      const c = r < end && this.less(r, this.keys[l], this.a[l], this.b[l]) ? r : l;
      if (!this.less(c, key, a, b)) break;
      this.copy(c, i);
      i = c;
    }
    this.set(i, key, a, b, ga, gb);
  }

  private set(i: number, key: number, a: number, b: number, ga: number, gb: number): void {
    this.keys[i] = key;
    this.a[i] = a;
    this.b[i] = b;
    this.ga[i] = ga;
    this.gb[i] = gb;
  }

  private copy(from: number, to: number): void {
    this.set(to, this.keys[from], this.a[from], this.b[from], this.ga[from], this.gb[from]);
  }

  private grow(): void {
    const wider = <T extends Float64Array | Int32Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(x.length * 2);
      y.set(x);
      return y;
    };
    this.keys = wider(this.keys);
    this.a = wider(this.a);
    this.b = wider(this.b);
    this.ga = wider(this.ga);
    this.gb = wider(this.gb);
  }
}
