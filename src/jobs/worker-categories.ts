// Worker halves of the categories stages: the pixel statistics and capture hints every photo
// gets (`categories`), and the text detector on the sheet of paper the statistics found
// (`paper-text`, AI folders only). Both work on the decode a file stage of the task kept, and
// share one computation of the cheap signals per decoded image.

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
import { readMetadata } from '../media/index.js';
import type { MediaMetadata, RawImage } from '../media/types.js';
import { TextDetector } from '../search/ocr/engine.js';
import type { ImageFrame } from './stage.js';
import type { PhotoTask } from './task.js';

interface Cheap {
  metadata: MediaMetadata;
  pixels: ImageStats | null;
}

// Keyed by the decoded image, which the stages of one task share (as worker-ai.ts does).
const cheap = new WeakMap<RawImage, Promise<Cheap>>();

function cheapOf(img: RawImage, frame: ImageFrame, task: PhotoTask): Promise<Cheap> {
  let c = cheap.get(img);
  if (!c) {
    // The media stage's metadata when it ran in this task; else (a re-run, a backfill) the file's.
    c = (frame.metadata ? Promise.resolve(frame.metadata) : readMetadata(task.path)).then(
      (metadata) => ({
        metadata,
        pixels: img.width >= 3 && img.height >= 3 ? imageStats(img) : null,
      }),
    );
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
// again on the next one.
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
  detector ??= TextDetector.create({ threads: Number(process.env.PICTO_ML_THREADS) || 1 });
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
