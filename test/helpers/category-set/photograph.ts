// Turns a rendered page into something that looks photographed: laid on a textured table at an
// angle (a perspective warp), lit unevenly, a little soft and grainy, saved as a camera JPEG.

import sharp from 'sharp';
import { mulberry32 } from '../../../src/shared/random.js';

type Pt = [number, number];

/** The 3×3 homography (row-major, h33 = 1) that maps each src point onto its dst point. */
export function homography(src: Pt[], dst: Pt[]): number[] {
  // Eight equations in the eight unknowns, solved by Gaussian elimination with pivoting.
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i];
    const [u, v] = dst[i];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k < 9; k++) a[r][k] -= f * a[c][k];
    }
  }
  return [...a.map((row, i) => row[8] / row[i]), 1];
}

export interface TableOptions {
  seed: number;
  width: number;
  height: number;
  /** Scale of the page against the largest that fits the frame upright (0.5–1). */
  fill: number;
  /** Rotation in degrees. */
  angle: number;
}

const TABLES: [number, number, number][] = [
  [120, 84, 52], // oak
  [84, 56, 38], // walnut
  [96, 98, 104], // grey desk
  [40, 44, 52], // dark cloth
  [52, 82, 60], // green blotter
  [170, 150, 120], // light wood
];

/** A table surface: a base colour with streaky grain (noise stretched along one axis) and blotches. */
async function table(seed: number, width: number, height: number): Promise<Buffer> {
  const r = mulberry32(seed);
  const [cr, cg, cb] = TABLES[Math.floor(r() * TABLES.length)];
  const streaks = await sharp({
    create: {
      width: 64,
      height: 512,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
  const grain = await sharp(streaks)
    .resize(width, height, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer();
  const out = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const g = (grain[i] - 128) / 128;
    out[i * 3] = clamp(cr * (1 + 0.25 * g));
    out[i * 3 + 1] = clamp(cg * (1 + 0.25 * g));
    out[i * 3 + 2] = clamp(cb * (1 + 0.25 * g));
  }
  return out;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * The page (any image sharp reads) on a table, photographed: perspective, uneven light, a soft
 * shadow of the page, blur and sensor grain. Returns a JPEG.
 */
export async function photographPage(pageImage: Buffer, o: TableOptions): Promise<Buffer> {
  const r = mulberry32(o.seed * 7919 + 11);
  const { data: pg, info } = await sharp(pageImage)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pw = info.width;
  const ph = info.height;
  const W = o.width;
  const H = o.height;
  const bg = await table(o.seed, W, H);

  // Where the page's corners land: centred, scaled, rotated, each corner nudged (perspective).
  const scale = o.fill * Math.min(W / pw, H / ph);
  const rad = (o.angle * Math.PI) / 180;
  const cx = W / 2 + (r() - 0.5) * 0.08 * W;
  const cy = H / 2 + (r() - 0.5) * 0.08 * H;
  const tilt = 0.06 + r() * 0.08; // far edge narrower, as seen from above at an angle
  const corners: Pt[] = [
    [-pw / 2, -ph / 2],
    [pw / 2, -ph / 2],
    [pw / 2, ph / 2],
    [-pw / 2, ph / 2],
  ];
  const dst = corners.map(([x, y]): Pt => {
    const squeeze = y < 0 ? 1 - tilt : 1;
    const jx = (r() - 0.5) * 0.03 * pw;
    const jy = (r() - 0.5) * 0.03 * ph;
    const px = (x * squeeze + jx) * scale;
    const py = (y + jy) * scale;
    return [
      cx + px * Math.cos(rad) - py * Math.sin(rad),
      cy + px * Math.sin(rad) + py * Math.cos(rad),
    ];
  });
  const src: Pt[] = [
    [0, 0],
    [pw, 0],
    [pw, ph],
    [0, ph],
  ];
  const m = homography(dst, src); // output pixel → page pixel

  // Light: a linear gradient in a random direction plus a vignette.
  const lightAngle = r() * Math.PI * 2;
  const lx = Math.cos(lightAngle);
  const ly = Math.sin(lightAngle);
  const lightSpan = 0.25 + r() * 0.25;
  const out = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o3 = (y * W + x) * 3;
      const d = m[6] * x + m[7] * y + m[8];
      const u = (m[0] * x + m[1] * y + m[2]) / d;
      const v = (m[3] * x + m[4] * y + m[5]) / d;
      let cr: number;
      let cg: number;
      let cb: number;
      if (u >= 0 && v >= 0 && u < pw - 1 && v < ph - 1) {
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fx = u - x0;
        const fy = v - y0;
        const i00 = (y0 * pw + x0) * 3;
        const i01 = i00 + 3;
        const i10 = i00 + pw * 3;
        const i11 = i10 + 3;
        const w00 = (1 - fx) * (1 - fy);
        const w01 = fx * (1 - fy);
        const w10 = (1 - fx) * fy;
        const w11 = fx * fy;
        // Paper is never quite white under room light: a warm cast.
        cr = (pg[i00] * w00 + pg[i01] * w01 + pg[i10] * w10 + pg[i11] * w11) * 0.96;
        cg = (pg[i00 + 1] * w00 + pg[i01 + 1] * w01 + pg[i10 + 1] * w10 + pg[i11 + 1] * w11) * 0.94;
        cb = (pg[i00 + 2] * w00 + pg[i01 + 2] * w01 + pg[i10 + 2] * w10 + pg[i11 + 2] * w11) * 0.88;
      } else {
        // A soft shadow just outside the page edge.
        const near = u > -12 && v > -12 && u < pw + 12 && v < ph + 12 ? 0.75 : 1;
        cr = bg[o3] * near;
        cg = bg[o3 + 1] * near;
        cb = bg[o3 + 2] * near;
      }
      const nx = x / W - 0.5;
      const ny = y / H - 0.5;
      const light =
        (1 - lightSpan / 2 + lightSpan * (0.5 + nx * lx + ny * ly)) *
        (1 - 0.35 * (nx * nx + ny * ny));
      out[o3] = clamp(cr * light);
      out[o3 + 1] = clamp(cg * light);
      out[o3 + 2] = clamp(cb * light);
    }
  }
  return grainyJpeg(out, W, H, o.seed);
}

/** Sensor grain (seeded, so a rebuilt set is the same), a slight blur, a q88 JPEG: what a phone writes. */
export async function grainyJpeg(
  rgb: Buffer,
  width: number,
  height: number,
  seed: number,
  sigma = 6,
): Promise<Buffer> {
  // Grain mostly in brightness, a little per channel: gaussian-like values (the sum of three
  // seeded uniforms) drawn once into a table and read in a scrambled order (a PRNG call per
  // sample would cost seconds per photo).
  const r = mulberry32(seed * 31 + 7);
  const table = new Float32Array(1 << 16);
  for (let i = 0; i < table.length; i++) table[i] = (r() + r() + r() - 1.5) * 2 * sigma;
  const noisy = Buffer.alloc(rgb.length);
  let k = (seed * 2654435761) >>> 0;
  for (let i = 0; i < rgb.length; i += 3) {
    k = (Math.imul(k, 1664525) + 1013904223) >>> 0;
    const n = table[k >>> 16];
    const c = table[k & 0xffff] * 0.25;
    noisy[i] = clamp(rgb[i] + n + c);
    noisy[i + 1] = clamp(rgb[i + 1] + n);
    noisy[i + 2] = clamp(rgb[i + 2] + n - c);
  }
  return sharp(noisy, { raw: { width, height, channels: 3 } })
    .blur(0.6)
    .jpeg({ quality: 88 })
    .toBuffer();
}
