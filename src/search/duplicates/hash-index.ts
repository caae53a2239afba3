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
  // The hashes again, in each band's bucket order: a lookup reads its bucket front to back
  // instead of jumping around the whole table (at 100k photos that is most of the time saved).
  private readonly bucketHi: Uint32Array[] = [];
  private readonly bucketLo: Uint32Array[] = [];

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
      const bh = new Uint32Array(n);
      const bl = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const at = fill[band(hi[i], lo[i], b)]++;
        items[at] = i;
        bh[at] = hi[i];
        bl[at] = lo[i];
      }
      this.starts.push(start);
      this.items.push(items);
      this.bucketHi.push(bh);
      this.bucketLo.push(bl);
    }
  }

  /** Calls `hit(entry, distance)` once for every entry within `radius` (≤ MAX_RADIUS) of the query. */
  near(
    qHi: number,
    qLo: number,
    radius: number,
    hit: (entry: number, distance: number) => void,
  ): void {
    if (radius > MAX_RADIUS) throw new Error(`radius ${radius} is more than ${MAX_RADIUS}`);
    // An entry close enough can sit in several of the buckets looked at: report it once.
    let reported: number[] | null = null;
    for (let b = 0; b < 4; b++) {
      const key = band(qHi, qLo, b);
      const starts = this.starts[b];
      const items = this.items[b];
      const bh = this.bucketHi[b];
      const bl = this.bucketLo[b];
      const flips = radius > 3 ? 16 : 0;
      for (let f = -1; f < flips; f++) {
        const k = f < 0 ? key : key ^ (1 << f);
        const end = starts[k + 1];
        for (let at = starts[k]; at < end; at++) {
          const d = popcount32((qHi ^ bh[at]) >>> 0) + popcount32((qLo ^ bl[at]) >>> 0);
          if (d > radius) continue;
          const i = items[at];
          if (reported?.includes(i)) continue;
          (reported ??= []).push(i);
          hit(i, d);
        }
      }
    }
  }
}
