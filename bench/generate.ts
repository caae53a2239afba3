import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/** Bench inputs live outside the checkout and are reused between runs. */
export const benchCache =
  process.env.PICTO_BENCH_CACHE ?? path.join(os.tmpdir(), 'picto-bench-cache');

/** Where the grainy photos are generated once; sets of any size hard-link to them. */
const POOL = 'jpeg12mp-v1';

/**
 * Makes realistic 12 MP JPEGs from corpus photos: upscaled to 4000×3000 and given sensor-like grain
 * (a gaussian noise layer, soft-light blend) before a q90 encode. Without grain an upscaled file is
 * ~1 MB and decodes 2–3× faster than a real 4 MB phone photo, which would flatter every stage.
 *
 * Photo i is the same file in every set (generated once into a shared pool), so a set of 100 is the
 * first 100 of the set of 120 and each size costs nothing after the largest was made. A set is a
 * folder of its own (hard links into the pool) because some benchmarks index a whole folder.
 */
export async function grainyPhotos(sources: string[], count: number): Promise<string[]> {
  const pool = path.join(benchCache, POOL);
  const dir = path.join(benchCache, `${POOL}-${count}`);
  mkdirSync(pool, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `IMG_${String(i).padStart(4, '0')}.jpg`;
    const file = path.join(dir, name);
    out.push(file);
    if (existsSync(file)) continue;
    const pooled = path.join(pool, name);
    if (!existsSync(pooled)) {
      const tmp = `${pooled}.${process.pid}.tmp`;
      writeFileSync(tmp, await grainyJpeg(sources[i % sources.length]));
      renameSync(tmp, pooled);
    }
    linkSync(pooled, file);
  }
  return out;
}

/** One 4000×3000 grainy q90 JPEG (~4 MB) made from a source photo. */
export async function grainyJpeg(src: string): Promise<Buffer> {
  const base = await sharp(src)
    .rotate()
    .resize(4000, 3000, { fit: 'cover' })
    .removeAlpha()
    .raw()
    .toBuffer();
  const noise = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(base, { raw: { width: 4000, height: 3000, channels: 3 } })
    .composite([{ input: noise, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PictoBench', Model: 'Grain 12MP', DateTime: '2024:06:01 12:00:00' },
    })
    .toBuffer();
}

/** A tree of `count` small distinct JPEG files in folders of 100, for the rescan benchmark. */
export async function smallFileTree(count: number): Promise<string> {
  const dir = path.join(benchCache, `tree-v1-${count}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  const tiny = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `folder-${String(Math.floor(i / 100)).padStart(4, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    // A unique trailer after the JPEG end marker gives every file its own content.
    writeFileSync(path.join(sub, `IMG_${i}.jpg`), Buffer.concat([tiny, Buffer.from(`picto-${i}`)]));
  }
  writeFileSync(marker, '');
  return dir;
}

export function listJpegs(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.jpg'))
    .map((f) => path.join(dir, f));
}
