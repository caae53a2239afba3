// Face detection stage: BlazeFace on the whole photo, plus overlapping tiles on large photos
// (see [Note: face tiles]), merged by NMS into candidates in image pixels.

import { letterbox, letterboxToSource, unletterboxPoint } from '../image/letterbox.js';
import { sampleAffine, type Pyramid, type ValueMap } from '../image/pyramid.js';
import { iou, nms, type Box } from '../nms.js';
import type { ModelRunner } from '../runtime/runner.js';
import { BLAZEFACE_INPUT, blazefaceAnchors, decodeBlazeFace } from './blazeface-decode.js';
import {
  DEFAULT_TILES,
  tileRects,
  touchesInnerEdge,
  type Rect,
  type TileOptions,
} from './tiles.js';

export interface FaceCandidate {
  box: Box;
  score: number;
  /** BlazeFace's six keypoints in image pixels (right eye, left eye, nose, mouth, right ear, left ear). */
  keypoints: [number, number][];
  /** Which pass found it: 'whole', 'zoom' (zoom-out pass) or the tile index. */
  from: 'whole' | 'zoom' | number;
}

export interface FaceDetectOptions {
  /** Candidates below this score are dropped before merging. */
  minScore: number;
  tiles: TileOptions;
  nmsIou: number;
  /** Tile detections this close (tile-input px) to an inner tile edge are dropped. */
  edgeMarginPx: number;
  /**
   * Faces at least this big (px, as seen in the whole-photo 256² input) are the whole pass's job:
   * a tile may only confirm them (raise the score of an overlapping whole-pass detection), never
   * add them — large tile-only hits are faces cut in half by the tile or texture.
   */
  tileMaxFacePx: number;
  /** IoU with which a tile detection confirms a whole-pass detection. */
  confirmIou: number;
  /** On photos too small to tile, a second pass with the photo shrunk to half the input. */
  zoomOut: boolean;
}

export const DEFAULT_FACE_DETECT: FaceDetectOptions = {
  minScore: 0.4,
  tiles: DEFAULT_TILES,
  nmsIou: 0.3,
  edgeMarginPx: 2,
  tileMaxFacePx: 40,
  confirmIou: 0.5,
  zoomOut: true,
};

// BlazeFace wants RGB in [-1, 1]; padding is mid-grey (0).
const BLAZEFACE_VALUES: ValueMap = { mul: 1 / 127.5, add: -1, fill: 0 };
const ANCHORS = blazefaceAnchors();

async function detectRegion(
  runner: ModelRunner,
  pyr: Pyramid,
  region: Rect,
  minScore: number,
  input: Float32Array,
): Promise<FaceCandidate[]> {
  const [rx, ry, rw, rh] = region;
  const lb = letterbox(rw, rh, BLAZEFACE_INPUT);
  const m = letterboxToSource(lb, rx, ry);
  sampleAffine(pyr, m, BLAZEFACE_INPUT, BLAZEFACE_INPUT, BLAZEFACE_VALUES, input);
  const out = await runner.run({
    input: { data: input, dims: [1, 3, BLAZEFACE_INPUT, BLAZEFACE_INPUT] },
  });
  const logits = new Float32Array(896);
  logits.set(out.logits512.data, 0);
  logits.set(out.logits384.data, 512);
  const regs = new Float32Array(896 * 16);
  regs.set(out.boxes512.data, 0);
  regs.set(out.boxes384.data, 512 * 16);
  return decodeBlazeFace(logits, regs, ANCHORS, minScore).map((f) => {
    const toImage = (p: [number, number]): [number, number] => {
      const q = unletterboxPoint(lb, p);
      return [q[0] + rx, q[1] + ry];
    };
    const [x1, y1] = toImage([f.box[0], f.box[1]]);
    const [x2, y2] = toImage([f.box[2], f.box[3]]);
    return {
      box: [x1, y1, x2 - x1, y2 - y1] as Box,
      score: f.score,
      keypoints: f.keypoints.map(toImage),
      from: 'whole' as const,
    };
  });
}

/**
 * [Note: merging tile detections] Whole-photo detections are kept as they are. A tile detection
 * of a small face (< tileMaxFacePx in the whole-photo input) is added — that is what tiles are
 * for. A tile detection of a large face only counts as a second opinion: it can raise the score of
 * a whole-photo detection it overlaps well, but never adds a box of its own. NMS then keeps the
 * best box per face.
 */
export async function detectFaceCandidates(
  runner: ModelRunner,
  pyr: Pyramid,
  opts: FaceDetectOptions = DEFAULT_FACE_DETECT,
  people?: Box[],
): Promise<FaceCandidate[]> {
  const { width: W, height: H } = pyr[0];
  const input = new Float32Array(3 * BLAZEFACE_INPUT * BLAZEFACE_INPUT);
  const whole = await detectRegion(runner, pyr, [0, 0, W, H], opts.minScore, input);
  const wholeScale = BLAZEFACE_INPUT / Math.max(W, H);
  const added: FaceCandidate[] = [];
  const allTiles = tileRects(W, H, opts.tiles);
  const tiles = people ? tilesForPeople(allTiles, people, Math.max(W, H)) : allTiles;
  for (let t = 0; t < tiles.length; t++) {
    const tile = tiles[t];
    const margin = (opts.edgeMarginPx * Math.max(tile[2], tile[3])) / BLAZEFACE_INPUT;
    for (const f of await detectRegion(runner, pyr, tile, opts.minScore, input)) {
      if (touchesInnerEdge(f.box, tile, W, H, margin)) continue;
      if (Math.max(f.box[2], f.box[3]) * wholeScale < opts.tileMaxFacePx) {
        added.push({ ...f, from: t });
        continue;
      }
      for (const w of whole) {
        if (iou(w.box, f.box) >= opts.confirmIou && f.score > w.score) w.score = f.score;
      }
    }
  }
  if (allTiles.length === 0 && opts.zoomOut) {
    // [Note: zoom-out pass] The full-range BlazeFace is trained for faces that are small in the
    // frame; a face filling a small photo (a crop, an avatar) scores low or is missed. Seen at half
    // size it is found reliably; such hits confirm a whole-pass detection or, if none overlaps,
    // stand on their own (there is no cut-face risk: the whole photo is in view).
    for (const f of await detectRegion(
      runner,
      pyr,
      [-W / 2, -H / 2, 2 * W, 2 * H],
      opts.minScore,
      input,
    )) {
      const same = whole.filter((w) => iou(w.box, f.box) >= opts.confirmIou);
      if (same.length === 0) added.push({ ...f, from: 'zoom' });
      for (const w of same) if (f.score > w.score) w.score = f.score;
    }
  }
  return nms([...whole, ...added], opts.nmsIou);
}

/**
 * [Note: person-gated tiles] Tiles cost four extra detector runs, and only pay off for faces
 * too small for the whole-photo pass (≲ 20 px of its 256² input). Those faces belong to people
 * who are small in the frame, and CenterNet has already found the people (person recall 92 % at
 * the tag threshold, more at the low gate score used here). So when person boxes are known, only
 * tiles overlapping a person shorter than SMALL_PERSON of the photo's long side are run: photos
 * without people, portraits and selfies skip tiling; group and street photos keep it.
 */
export const SMALL_PERSON = 0.75;

export function tilesForPeople(tiles: Rect[], people: Box[], longSide: number): Rect[] {
  const small = people.filter((p) => p[3] < SMALL_PERSON * longSide);
  return tiles.filter((t) =>
    small.some(
      (p) => p[0] < t[0] + t[2] && p[0] + p[2] > t[0] && p[1] < t[1] + t[3] && p[1] + p[3] > t[1],
    ),
  );
}
