// Categories benchmark: what the categories add per photo on 12 MP JPEGs, next to the media
// stage that decodes them. The cheap signals (pixel statistics, classification) run on every
// photo; the text detector only where the cheap signals see a sheet of paper, on that region.
// Faces and objects come from the AI stage, which runs anyway: no extra cost here.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {
  classify,
  imageStats,
  metaSignals,
  textDetectionRegion,
  textSignal,
  TEXT_DETECT_SIDE,
  type Signals,
} from '../src/categories/index.js';
import {
  loadOrientedImage,
  loadVisibleImage,
  processMedia,
  readMetadata,
} from '../src/media/index.js';
import type { RawImage } from '../src/media/types.js';
import { TextDetector } from '../src/search/ocr/engine.js';
import { mulberry32 } from '../src/shared/random.js';
import { benchCache } from './generate.js';

interface Stats {
  meanMs: number;
  p95Ms: number;
  /**
   * Process CPU time (user + system) per call. On the shared machine wall-clock times grow with
   * other jobs' load; CPU time is what a photo costs a free core (libvips may use several).
   */
  cpuMeanMs: number;
}

/** Wall-clock and CPU milliseconds of each measured call. */
class Meter {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];

  async time<T>(f: () => Promise<T> | T): Promise<T> {
    const c = process.cpuUsage();
    const t = performance.now();
    const out = await f();
    this.wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    this.cpu.push((d.user + d.system) / 1000);
    return out;
  }

  summary(): Stats {
    const s = [...this.wall].sort((a, b) => a - b);
    const r = (v: number) => Math.round(v * 100) / 100;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    return {
      meanMs: r(mean(s)),
      p95Ms: r(s[Math.min(s.length - 1, Math.floor(0.95 * s.length))] ?? 0),
      cpuMeanMs: r(mean(this.cpu)),
    };
  }
}

/** 12 MP photos of a printed page on a dark desk (generated once, cached outside the checkout). */
export async function documentPhotos(count: number): Promise<string[]> {
  const dir = path.join(benchCache, `documents12mp-v1-${count}`);
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`);
    out.push(file);
    if (existsSync(file)) continue;
    const r = mulberry32(9000 + i);
    const lines = Array.from({ length: 42 }, (_, k) => {
      const words = Array.from(
        { length: 8 + Math.floor(r() * 5) },
        () =>
          'lorem ipsum dolor sit amet page letter invoice total date name'.split(' ')[
            Math.floor(r() * 11)
          ],
      ).join(' ');
      return `<text x="160" y="${260 + k * 62}" font-family="DejaVu Serif" font-size="40" fill="#1a1a1a">${words}</text>`;
    }).join('');
    const page = await sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="2100" height="2970"><rect width="2100" height="2970" fill="#f4f1ea"/>${lines}</svg>`,
      ),
    )
      .rotate((r() - 0.5) * 16, { background: { r: 52, g: 44, b: 40 } })
      .resize(2700, 2700, { fit: 'inside' })
      .toBuffer();
    const desk = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: { r: 52, g: 44, b: 40 },
        noise: { type: 'gaussian', mean: 48, sigma: 18 },
      },
    })
      .png()
      .toBuffer();
    writeFileSync(
      file,
      await sharp(desk)
        .composite([{ input: page, gravity: 'center' }])
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
  }
  return out;
}

export interface CategoriesBenchResult {
  photos: number;
  /** processMedia per photo (read, metadata, decode, thumbnails, pHash), one at a time. */
  mediaMs: Stats;
  /** imageStats on the visible-step (thumbnail-scale) image the media stage decoded. */
  statsMs: Stats;
  /** classify() with all signals present (pure code). */
  classifyMs: Stats;
  /** Share of these photos the cheap signals sent to the text detector. */
  textDetectionRate: number;
  /**
   * The same share on corpus/objects' ordinary photos (the grainy bench photos hide their paper
   * under grain); the extra cost below uses the larger of the two.
   */
  textDetectionRateCorpus: number;
  /** One detector call on a document photo's paper region at TEXT_DETECT_SIDE. */
  textDetectMs: Stats;
  /** The same photos' detection at the OCR reader's 960 px on the whole frame, for comparison. */
  textDetectFullFrameMs: Stats;
  /** Extra per photo: stats + classify + rate × detection, and that over the media stage. */
  extraMsPerPhoto: number;
  ratioToMedia: number;
  /** The same in CPU time (less sensitive to the machine's load). */
  extraCpuMsPerPhoto: number;
  cpuRatioToMedia: number;
  documentsFound: number;
}

async function mediaOf(
  file: string,
  thumbDir: string,
  i: number,
  meter: Meter,
): Promise<{ image: RawImage; signals: Signals }> {
  const r = await meter.time(() =>
    processMedia({ path: file, contentHash: `benchcategories${i + 1}`, thumbDir, keepImage: true }),
  );
  return { image: r.image!, signals: { meta: metaSignals(file, r.metadata), pixels: null } };
}

/** Share of these photos (any size) the cheap signals would send to the text detector. */
async function detectionRate(files: string[]): Promise<number> {
  let n = 0;
  for (const file of files) {
    const pixels = imageStats(await loadVisibleImage(file));
    if (textDetectionRegion({ meta: metaSignals(file, await readMetadata(file)), pixels })) n++;
  }
  return n / Math.max(1, files.length);
}

/**
 * `photos`: ordinary 12 MP photos; `documents`: 12 MP document photos (their detector cost);
 * `ordinary`: photos of any size for the detection rate (corpus/objects).
 */
export async function benchCategories(
  photos: string[],
  documents: string[],
  ordinary: string[],
): Promise<CategoriesBenchResult> {
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-bench-categories-'));
  const detector = await TextDetector.create({ threads: 1 });
  try {
    const media = new Meter();
    const stats = new Meter();
    const classifying = new Meter();
    const docDetect = new Meter();
    const fullFrame = new Meter();
    let detected = 0;
    // The statistics come from the visible-step image (as the categories stage measures them);
    // the detector reads the working image (paper-text's, decoded in the AI task).
    const detect = async (file: string, s: Signals, meter: Meter | null) => {
      const region = textDetectionRegion(s);
      if (!region) return null;
      const img = await loadOrientedImage(file);
      const [x, y, w, h] = region;
      const run = () =>
        detector.detect(img, {
          maxSide: TEXT_DETECT_SIDE,
          region: [x * img.width, y * img.height, w * img.width, h * img.height],
        });
      const lines = meter ? await meter.time(run) : await run();
      return textSignal(
        lines.map((l) => l.box),
        img.width,
        img.height,
      );
    };
    // Warm up decoders and the detector session.
    const warm = await mediaOf(photos[0], thumbDir, 10_000, new Meter());
    imageStats(warm.image);
    await detector.detect(warm.image, { maxSide: TEXT_DETECT_SIDE });

    // Ordinary photos: what every photo pays. (Their detector calls, if any, are timed with the
    // documents' below: the cost of a call is the same.)
    for (const [i, file] of photos.entries()) {
      const m = await mediaOf(file, thumbDir, i, media);
      const s: Signals = { ...m.signals, pixels: await stats.time(() => imageStats(m.image)) };
      const text = await detect(file, s, docDetect);
      if (text) detected++;
      await classifying.time(() =>
        classify({ ...s, faces: [], objects: [], text: text ?? undefined }),
      );
    }
    let found = 0;
    for (const [i, file] of documents.entries()) {
      const m = await mediaOf(file, thumbDir, 1000 + i, new Meter());
      const s: Signals = { ...m.signals, pixels: imageStats(m.image) };
      const text = await detect(file, s, docDetect);
      if (
        classify({ ...s, faces: [], objects: [], text: text ?? undefined }).some(
          (c) => c.name === 'document',
        )
      )
        found++;
      const work = await loadOrientedImage(file);
      await fullFrame.time(() => detector.detect(work, { maxSide: 960 }));
    }
    const corpusRate = await detectionRate(ordinary);
    const rate = Math.max(detected / photos.length, corpusRate);
    const [mediaS, statsS, classifyS, detectS] = [media, stats, classifying, docDetect].map((x) =>
      x.summary(),
    );
    const extra = statsS.meanMs + classifyS.meanMs + rate * detectS.meanMs;
    const extraCpu = statsS.cpuMeanMs + classifyS.cpuMeanMs + rate * detectS.cpuMeanMs;
    const r = (v: number, d = 100) => Math.round(v * d) / d;
    return {
      photos: photos.length,
      mediaMs: mediaS,
      statsMs: statsS,
      classifyMs: classifyS,
      textDetectionRate: r(detected / photos.length, 1000),
      textDetectionRateCorpus: r(corpusRate, 1000),
      textDetectMs: detectS,
      textDetectFullFrameMs: fullFrame.summary(),
      extraMsPerPhoto: r(extra),
      ratioToMedia: r(extra / mediaS.meanMs, 1000),
      extraCpuMsPerPhoto: r(extraCpu),
      cpuRatioToMedia: r(extraCpu / mediaS.cpuMeanMs, 1000),
      documentsFound: found,
    };
  } finally {
    await detector.release();
    rmSync(thumbDir, { recursive: true, force: true });
  }
}
