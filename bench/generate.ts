import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/** Bench inputs live outside the checkout and are reused between runs. */
export const benchCache =
  process.env.PICTO_BENCH_CACHE ?? path.join(os.tmpdir(), 'picto-bench-cache');

/**
 * Makes realistic 12 MP JPEGs from corpus photos: upscaled to 4000×3000 and given sensor-like grain
 * (a gaussian noise layer, soft-light blend) before a q90 encode. Without grain an upscaled file is
 * ~1 MB and decodes 2–3× faster than a real 4 MB phone photo, which would flatter every stage.
 */
export async function grainyPhotos(sources: string[], count: number): Promise<string[]> {
  const dir = path.join(benchCache, `jpeg12mp-v1-${count}`);
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`);
    out.push(file);
    if (existsSync(file)) continue;
    const src = sources[i % sources.length];
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
    const jpeg = await sharp(base, { raw: { width: 4000, height: 3000, channels: 3 } })
      .composite([{ input: noise, blend: 'soft-light' }])
      .jpeg({ quality: 90 })
      .withExif({
        IFD0: { Make: 'PictoBench', Model: 'Grain 12MP', DateTime: '2024:06:01 12:00:00' },
      })
      .toBuffer();
    writeFileSync(file, jpeg);
  }
  return out;
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
