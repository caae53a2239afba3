// Finds 64-bit hashes within a small Hamming distance of a query without comparing against all
// of them (multi-index hashing). Each hash is cut into four 16-bit bands, and each band indexes
// the hashes by its value in a flat table of 65 536 buckets.
//
// If two hashes differ in at most 3 bits, one band is identical (four bands, three differences);
// if they differ in at most 7 bits, one band differs in at most one bit. So a query looks up its
// four band values (radius ≤ 3) or those and their 16 one-bit neighbours each (radius ≤ 7), and
// compares only the hashes found there: at 100k photos a bucket holds ~2 entries, not 100 000.

export const MAX_RADIUS = 7;

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hamming(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return popcount32((aHi ^ bHi) >>> 0) + popcount32((aLo ^ bLo) >>> 0);
}

function band(hi: number, lo: number, b: number): number {
  switch (b) {
    case 0:
      return hi >>> 16;
    case 1:
      return hi & 0xffff;
    case 2:
      return lo >>> 16;
    default:
      return lo & 0xffff;
  }
}

export class HashIndex {
  private readonly starts: Int32Array[] = [];
  private readonly items: Int32Array[] = [];

  /** `hi[i]`, `lo[i]`: the hash of entry i. */
  constructor(
    readonly hi: Uint32Array,
    readonly lo: Uint32Array,
  ) {
    const n = hi.length;
    for (let b = 0; b < 4; b++) {
      const start = new Int32Array(65_537);
      for (let i = 0; i < n; i++) start[band(hi[i], lo[i], b) + 1]++;
      for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
      const fill = start.slice(0, 65_536);
      const items = new Int32Array(n);
      for (let i = 0; i < n; i++) items[fill[band(hi[i], lo[i], b)]++] = i;
      this.starts.push(start);
      this.items.push(items);
    }
  }

  /**
   * Calls `hit(entry, distance)` once for every entry within `radius` (≤ MAX_RADIUS) of the query.
   * `seen` is scratch space of the index's size, zero on entry; it is left zeroed.
   */
  near(
    qHi: number,
    qLo: number,
    radius: number,
    seen: Uint8Array,
    hit: (entry: number, distance: number) => void,
  ): void {
    if (radius > MAX_RADIUS) throw new Error(`radius ${radius} is more than ${MAX_RADIUS}`);
    const found: number[] = [];
    const visit = (b: number, key: number) => {
      const items = this.items[b];
      const end = this.starts[b][key + 1];
      for (let k = this.starts[b][key]; k < end; k++) {
        const i = items[k];
        if (seen[i]) continue;
        seen[i] = 1;
        found.push(i);
        const d = hamming(qHi, qLo, this.hi[i], this.lo[i]);
        if (d <= radius) hit(i, d);
      }
    };
    for (let b = 0; b < 4; b++) {
      const key = band(qHi, qLo, b);
      visit(b, key);
      if (radius > 3) for (let bit = 0; bit < 16; bit++) visit(b, key ^ (1 << bit));
    }
    for (const i of found) seen[i] = 0;
  }
}
