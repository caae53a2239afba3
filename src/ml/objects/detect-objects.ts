// Object detection stage: letterbox the photo into CenterNet's 512² input, run the cut graph,
// decode heatmap peaks into boxes, per-class NMS, map back to photo pixels.

import { letterbox, letterboxToSource, unletterboxBox } from '../image/letterbox.js';
import { sampleAffine, type Pyramid, type ValueMap } from '../image/pyramid.js';
import { COCO_LABELS } from '../labels.js';
import { nms, type Box } from '../nms.js';
import type { ModelRunner } from '../runtime/runner.js';
import { decodeCenterNet } from './centernet-decode.js';

export const CENTERNET_INPUT = 512;
const STRIDE = 4;

/**
 * [Note: CenterNet padding] RGB 0..255 with black letterbox padding. MB3-CenterNet was trained on
 * photos resized to fit and placed on a zero (black) canvas, and its author's inference letterboxes
 * onto black too (github.com/610265158/mobilenetv3_centernet, lib/dataset/dataietr.py and
 * lib/core/api/face_detector.py); grey padding is a border the model never saw. On corpus/objects
 * black padding finds 7 more true tags for 1 more false one at the same threshold (recall 63.0 →
 * 64.4 %, precision 86.3 % both): a correction of the input, not a fit to the corpus, so it should
 * carry over to other photos, most of all to non-square ones (more padding).
 */
export const CENTERNET_VALUES: ValueMap = { mul: 1, add: 0, fill: 0 };

export interface RawObject {
  label: string;
  score: number;
  /** [x, y, w, h] in photo pixels. */
  box: Box;
}

export interface ObjectDetectOptions {
  minScore: number;
  /** Per-class NMS IoU (CenterNet's peak extraction already removes most duplicates). */
  nmsIou: number;
  maxObjects: number;
}

// The 3 MB input of the last run, handed to the next one: sampleAffine writes every value (the
// letterbox too), and a fresh one per photo was 3 MB more for the worker's GC to sweep. Taken,
// not shared, so two detections awaited at once in one thread each have their own.
let spareInput: Float32Array | null = null;

export async function detectObjectsIn(
  runner: ModelRunner,
  pyr: Pyramid,
  opts: ObjectDetectOptions,
): Promise<RawObject[]> {
  const { width: W, height: H } = pyr[0];
  const lb = letterbox(W, H, CENTERNET_INPUT);
  const input = spareInput ?? new Float32Array(3 * CENTERNET_INPUT * CENTERNET_INPUT);
  spareInput = null;
  sampleAffine(
    pyr,
    letterboxToSource(lb),
    CENTERNET_INPUT,
    CENTERNET_INPUT,
    CENTERNET_VALUES,
    input,
  );
  let out;
  try {
    out = await runner.run({
      input: { data: input, dims: [1, 3, CENTERNET_INPUT, CENTERNET_INPUT] },
    });
  } finally {
    spareInput = input;
  }
  const grid = CENTERNET_INPUT / STRIDE;
  const peaks = decodeCenterNet(
    out.heatmap.data,
    out.wh.data,
    { classes: COCO_LABELS.length, height: grid, width: grid, stride: STRIDE },
    opts.minScore,
    4 * opts.maxObjects,
  );
  const objects = peaks.map((p) => ({
    label: COCO_LABELS[p.classIndex] as string,
    score: p.score,
    box: unletterboxBox(lb, p.box, W, H),
  }));
  return nms(objects, opts.nmsIou, (o) => o.label)
    .filter((o) => o.box[2] > 0 && o.box[3] > 0)
    .slice(0, opts.maxObjects);
}
