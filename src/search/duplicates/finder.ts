// Groups photos that show the same picture: identical pixels, the same picture recompressed or
// resized, mirrored or turned, or cropped from another (see [Note: near-duplicates that a pHash
// misses] in signature.ts). Pure: signatures in, groups out; never compares every pair.

import { HashIndex } from './hash-index.js';
import {
  acCorrelation,
  featureless,
  hashBits,
  mirrored,
  quarterTurn,
  WINDOW_COUNT,
  windowBox,
} from './signature.js';

export interface DupItem {
  id: string;
  pixels: string;
  dct: Int8Array;
  windows: Uint8Array;
  /** Displayed size. */
  width: number;
  height: number;
}

export type PairKind = 'identical' | 'near' | 'mirror' | 'rotated' | 'crop';

export interface DupPair {
  /** Indexes into the items; for a crop, `b` is the crop of `a`. */
  a: number;
  b: number;
  kind: PairKind;
  /** Bits that differ between the hashes compared (0 for identical pixels). */
  distance: number;
}

export interface DupGroup {
  members: number[];
  pairs: DupPair[];
}

export interface FinderOptions {
  /** Hamming radius for whole pictures (and their mirror / turns), ≤ 7. */
  nearRadius: number;
  /** Hamming radius for a picture against another's sub-windows, ≤ 3. */
  cropRadius: number;
  /** Structure correlation (AC coefficients) a near pair must also have. */
  minCorrelation: number;
  /** Window and photo shapes may differ this much (ratio) for a crop. */
  cropAspect: number;
  /** Pairs a person said are not duplicates. */
  dismissed?: (a: string, b: string) => boolean;
}

/**
 * Calibrated on the corpus (faces, objects, exif: 513 photos): the three known near-duplicate
 * pairs of corpus/faces are at distance 0 (re-encode), 2 (mirror) and 0 (crop window); the
 * closest unrelated pairs are at 9 (whole picture, correlation 0.78) and 6 (crop window). Photos
 * of one scene re-encoded in other formats or turned by EXIF are at 0–4 with correlation 1.00.
 */
export const DEFAULT_FINDER: FinderOptions = {
  nearRadius: 6,
  cropRadius: 3,
  minCorrelation: 0.9,
  cropAspect: 1.12,
};

const VARIANTS: { kind: 'near' | 'rotated'; turn: (d: ArrayLike<number>) => ArrayLike<number> }[] =
  [
    { kind: 'near', turn: (d) => d },
    { kind: 'rotated', turn: (d) => quarterTurn(d) },
    { kind: 'rotated', turn: (d) => quarterTurn(quarterTurn(d)) },
    { kind: 'rotated', turn: (d) => quarterTurn(quarterTurn(quarterTurn(d))) },
  ];

export function findDuplicates(items: DupItem[], opts: FinderOptions = DEFAULT_FINDER): DupGroup[] {
  const n = items.length;
  const pairs = new Map<string, DupPair>();
  const keep = (p: DupPair) => {
    const [x, y] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
    if (opts.dismissed?.(items[x].id, items[y].id)) return;
    const key = `${x}:${y}`;
    const old = pairs.get(key);
    // Identical beats near beats the rest; within a kind, the closer match.
    const rank = (k: PairKind) => ['identical', 'near', 'mirror', 'rotated', 'crop'].indexOf(k);
    if (!old || rank(p.kind) < rank(old.kind) || (p.kind === old.kind && p.distance < old.distance))
      pairs.set(key, p);
  };

  // Identical pixels: same digest of the decoded picture.
  const byPixels = new Map<string, number>();
  items.forEach((it, i) => {
    const first = byPixels.get(it.pixels);
    if (first === undefined) byPixels.set(it.pixels, i);
    else keep({ a: first, b: i, kind: 'identical', distance: 0 });
  });

  // Index every picture and its mirror image: entry 2i is photo i, 2i+1 its mirror.
  const hi = new Uint32Array(2 * n);
  const lo = new Uint32Array(2 * n);
  const usable = items.map((it) => !featureless(it.dct));
  items.forEach((it, i) => {
    // A featureless picture gets a hash no query reaches (all bits of both halves can't be both).
    if (!usable[i]) {
      hi[2 * i] = hi[2 * i + 1] = 0x5a5a5a5a;
      lo[2 * i] = lo[2 * i + 1] = 0xa5a5a5a5;
      return;
    }
    [hi[2 * i], lo[2 * i]] = hashBits(it.dct);
    [hi[2 * i + 1], lo[2 * i + 1]] = hashBits(mirrored(it.dct));
  });
  const index = new HashIndex(hi, lo);
  const logAspect = Float64Array.from(items, (it) => Math.log(it.width / it.height));
  // log(window width / window height) in a unit square, per window: the shape of window k of
  // photo i is logAspect[i] + windowShape[k].
  const windowShape = Float64Array.from({ length: WINDOW_COUNT }, (_, k) => {
    const [, , ww, wh] = windowBox(k);
    return Math.log(ww / wh);
  });
  const maxAspect = Math.log(opts.cropAspect);

  for (let i = 0; i < n; i++) {
    if (!usable[i]) continue;
    const it = items[i];
    // Whole pictures: the same, mirrored, turned (and turned + mirrored).
    for (const v of VARIANTS) {
      const q = v.turn(it.dct);
      const [qh, ql] = hashBits(q);
      index.near(qh, ql, opts.nearRadius, (e, d) => {
        const j = e >> 1;
        if (j === i || !usable[j]) return;
        const mirror = (e & 1) === 1;
        const other = mirror ? mirrored(items[j].dct) : items[j].dct;
        if (acCorrelation(q, other) < opts.minCorrelation) return;
        const kind = v.kind === 'near' ? (mirror ? 'mirror' : 'near') : 'rotated';
        keep({ a: i, b: j, kind, distance: d });
      });
    }
    // Crops: another picture (or its mirror) matching one of this one's windows, same shape.
    const view = new DataView(it.windows.buffer, it.windows.byteOffset, it.windows.byteLength);
    // One callback for all 70 windows (a closure per window was 7 million allocations at 100k).
    let windowAspect = 0;
    const onCrop = (e: number, d: number) => {
      const j = e >> 1;
      if (j === i || !usable[j] || Math.abs(logAspect[j] - windowAspect) > maxAspect) return;
      keep({ a: i, b: j, kind: 'crop', distance: d });
    };
    for (let k = 0; k < WINDOW_COUNT && (k + 1) * 8 <= it.windows.byteLength; k++) {
      windowAspect = logAspect[i] + windowShape[k];
      index.near(view.getUint32(k * 8), view.getUint32(k * 8 + 4), opts.cropRadius, onCrop);
    }
  }

  // Connected photos form a group (union-find).
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const p of pairs.values()) parent[root(p.a)] = root(p.b);
  const groups = new Map<number, DupGroup>();
  for (const p of pairs.values()) {
    const r = root(p.a);
    let g = groups.get(r);
    if (!g) {
      g = { members: [], pairs: [] };
      groups.set(r, g);
    }
    g.pairs.push(p);
  }
  for (const g of groups.values()) {
    g.members = [...new Set(g.pairs.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y);
  }
  return [...groups.values()];
}
