// Worker halves of the categories stages: the pixel statistics and capture hints every photo
// gets (`categories`, on the visible step's thumbnail-scale decode, in the same task as the media
// stage: no decode of its own), and the text detector on the sheet of paper the statistics found
// (`paper-text`, AI folders only, on the working image the models use). Both measure the
// statistics at the visible step's scale ([Note: stats at the thumbnail's scale] in
// categories/image-stats.ts), so paper-text looks for the sheet the stored statistics show.

import path from 'node:path';
import {
  imageStats,
  metaSignals,
  textDetectionRegion,
  textSignal,
  TEXT_DETECT_SIDE,
  type ImageStats,
} from '../categories/index.js';
import type { CategorySignals, PaperText } from '../categories/results.js';
import { readMetadata, visibleImageOf } from '../media/index.js';
import type { MediaMetadata, RawImage } from '../media/types.js';
import type { TextDetector } from '../search/ocr/engine.js';
import type { ImageFrame } from './stage.js';
import type { PhotoTask } from './task.js';

interface Cheap {
  metadata: MediaMetadata;
  pixels: ImageStats | null;
}

// Keyed by the decoded image, which the stages of one task share (as worker-ai.ts does).
const cheap = new WeakMap<RawImage, Promise<Cheap>>();

/**
 * Pixel statistics at the visible step's scale of an image of the photo: the visible-step image
 * itself (`categories`) or a larger one, shrunk to that scale first (`paper-text`'s working
 * image). `frame` is the photo's displayed size.
 */
export async function statsAtVisibleScale(
  img: RawImage,
  frame: { width: number; height: number },
): Promise<ImageStats | null> {
  const visible = await visibleImageOf(img, frame.width, frame.height);
  return visible.width >= 3 && visible.height >= 3 ? imageStats(visible) : null;
}

function cheapOf(img: RawImage, frame: ImageFrame, task: PhotoTask): Promise<Cheap> {
  let c = cheap.get(img);
  if (!c) {
    // The media stage's metadata when it ran in this task; else (a re-run, a backfill) the file's.
    c = Promise.all([
      frame.metadata ? Promise.resolve(frame.metadata) : readMetadata(task.path),
      statsAtVisibleScale(img, frame),
    ]).then(([metadata, pixels]) => ({ metadata, pixels }));
    cheap.set(img, c);
  }
  return c;
}

/** `categories`: what classification needs beyond the photo row. */
export async function categorySignals(
  img: RawImage,
  frame: ImageFrame,
  task: PhotoTask,
): Promise<CategorySignals> {
  const { metadata, pixels } = await cheapOf(img, frame, task);
  return { hints: metadata.hints ?? null, pixels };
}

// One detector per worker thread, created on the first sheet of paper; a failed start is tried
// again on the next one. Its module (onnxruntime) loads then too: `categories` runs in every
// folder, AI or not, and must not load a runtime only paper-text uses.
let detector: Promise<TextDetector> | null = null;

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** `paper-text`: the detector's lines on the paper region, only where there is one. */
export async function paperText(
  img: RawImage,
  frame: ImageFrame,
  task: PhotoTask,
): Promise<PaperText> {
  const { metadata, pixels } = await cheapOf(img, frame, task);
  const region = textDetectionRegion({
    meta: metaSignals(path.basename(task.path), metadata),
    pixels,
  });
  if (!region) return { region: null, boxes: [] };
  detector ??= import('../search/ocr/engine.js').then(({ TextDetector }) =>
    TextDetector.create({ threads: Number(process.env.PICTO_ML_THREADS) || 1 }),
  );
  detector.catch(() => {
    detector = null;
  });
  const [x, y, w, h] = region;
  const lines = await (
    await detector
  ).detect(img, {
    maxSide: TEXT_DETECT_SIDE,
    region: [x * img.width, y * img.height, w * img.width, h * img.height],
  });
  const { boxes } = textSignal(
    lines.map((l) => l.box),
    img.width,
    img.height,
  );
  return {
    region: [round(x), round(y), round(w), round(h)],
    boxes: boxes.map((b) => [round(b[0]), round(b[1]), round(b[2]), round(b[3])]),
  };
}
