// Real signals for one photo, gathered the way the pipeline does: metadata, the visible-step
// image (pixel statistics, as the categories stage) and the upright working image (objects and
// faces from the real analyzer, src/ml's front door; text lines from the real OCR detector on the
// sheet the paper-text stage finds) from src/media. No mocked signals.

import path from 'node:path';
import {
  faceSignals,
  imageStats,
  metaSignals,
  objectSignals,
  textDetectionRegion,
  textSignal,
  TEXT_DETECT_SIDE,
  type Signals,
} from '../../src/categories/index.js';
import { statsAtVisibleScale } from '../../src/jobs/worker-categories.js';
import { loadOrientedImage, loadVisibleImage, readMetadata } from '../../src/media/index.js';
import { createAnalyzer, type Analyzer } from '../../src/ml/index.js';
import { TextDetector } from '../../src/search/ocr/engine.js';

export interface SignalTools {
  analyzer: Analyzer;
  detector: TextDetector;
  close(): Promise<void>;
}

export async function openSignalTools(): Promise<SignalTools> {
  const [analyzer, detector] = await Promise.all([
    createAnalyzer({ threads: 1 }),
    TextDetector.create(),
  ]);
  return {
    analyzer,
    detector,
    async close() {
      await Promise.all([analyzer.close(), detector.release()]);
    },
  };
}

export interface GatheredSignals {
  signals: Signals;
  /** Milliseconds per step. */
  ms: { stats: number; analyze: number; text: number };
  /** Whether the cheap signals asked for text detection. */
  textDetected: boolean;
}

/**
 * All signals of one file. Text detection runs only where the cheap signals say a page of text
 * is possible, on that part of the frame (`textDetectionRegion`), as the pipeline will do.
 */
export async function gatherSignals(file: string, tools: SignalTools): Promise<GatheredSignals> {
  const meta = metaSignals(path.basename(file), await readMetadata(file));
  const img = await loadOrientedImage(file);
  const visible = await loadVisibleImage(file);
  let t = performance.now();
  const pixels = imageStats(visible);
  const stats = performance.now() - t;
  t = performance.now();
  const { objects, faces } = await tools.analyzer.analyze(img);
  const analyze = performance.now() - t;
  const cheap: Signals = { meta, pixels };
  const signals: Signals = {
    ...cheap,
    faces: faceSignals(faces, img.width, img.height),
    objects: objectSignals(objects, img.width, img.height),
  };
  let text = 0;
  // paper-text measures the statistics again on its working image, at the visible step's scale.
  const frame = { width: meta.width ?? img.width, height: meta.height ?? img.height };
  const region = textDetectionRegion({ meta, pixels: await statsAtVisibleScale(img, frame) });
  if (region) {
    t = performance.now();
    const [x, y, w, h] = region;
    const px: [number, number, number, number] = [
      x * img.width,
      y * img.height,
      w * img.width,
      h * img.height,
    ];
    const lines = await tools.detector.detect(img, { maxSide: TEXT_DETECT_SIDE, region: px });
    text = performance.now() - t;
    signals.text = textSignal(
      lines.map((l) => l.box),
      img.width,
      img.height,
    );
  }
  return { signals, ms: { stats, analyze, text }, textDetected: region !== null };
}
