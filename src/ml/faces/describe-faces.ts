// From face candidates to described faces: 68 landmarks → aligned 150² chip → 128-d descriptor,
// plus the blur and quality measures. All faces of a photo go through each net in one batch.

import type { Point } from '../image/affine.js';
import { RGB_255, sampleAffine, type Pyramid } from '../image/pyramid.js';
import type { ModelRunner } from '../runtime/runner.js';
import { CHIP_SIZE, chipTransform } from './align.js';
import { laplacianVariance } from './blur.js';
import type { FaceCandidate } from './detect-faces.js';
import {
  LANDMARK_SIZE,
  landmarkCrop,
  landmarksToImage,
  seedFromLandmarks,
  type FaceSeed,
} from './landmark-crop.js';
import { faceQuality, type FaceQuality } from './quality.js';

export interface DescribedFace {
  box: [number, number, number, number];
  score: number;
  landmarks: Point[];
  quality: FaceQuality;
  embedding: Float32Array;
}

export interface DescribeOptions {
  /** Run the landmark net a second time on a crop re-centred from the first landmarks. */
  refine: boolean;
  cropScale: number;
}

export const DEFAULT_DESCRIBE: DescribeOptions = { refine: true, cropScale: 1.25 };

export interface DescribeTimings {
  landmarksMs: number;
  embeddingMs: number;
}

async function runLandmarks(
  runner: ModelRunner,
  pyr: Pyramid,
  seeds: FaceSeed[],
  cropScale: number,
): Promise<Point[][]> {
  const plane = 3 * LANDMARK_SIZE * LANDMARK_SIZE;
  const batch = new Float32Array(seeds.length * plane);
  const crops = seeds.map((s, i) => {
    const crop = landmarkCrop(s, cropScale);
    sampleAffine(pyr, crop, LANDMARK_SIZE, LANDMARK_SIZE, RGB_255, batch, i * plane);
    return crop;
  });
  const out = await runner.run({
    input: { data: batch, dims: [seeds.length, 3, LANDMARK_SIZE, LANDMARK_SIZE] },
  });
  return crops.map((crop, i) => landmarksToImage(out.landmarks.data, crop, i * 136));
}

export function l2normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const n = Math.sqrt(sum) || 1;
  return v.map((x) => x / n);
}

export async function describeFaces(
  landmarkNet: ModelRunner,
  descriptorNet: ModelRunner,
  pyr: Pyramid,
  candidates: FaceCandidate[],
  opts: DescribeOptions = DEFAULT_DESCRIBE,
  timings?: DescribeTimings,
): Promise<DescribedFace[]> {
  if (candidates.length === 0) return [];
  const t0 = performance.now();
  const seeds: FaceSeed[] = candidates.map((c) => ({
    box: c.box,
    rightEye: c.keypoints[0],
    leftEye: c.keypoints[1],
  }));
  let landmarks = await runLandmarks(landmarkNet, pyr, seeds, opts.cropScale);
  if (opts.refine)
    landmarks = await runLandmarks(
      landmarkNet,
      pyr,
      landmarks.map(seedFromLandmarks),
      opts.cropScale,
    );

  const plane = 3 * CHIP_SIZE * CHIP_SIZE;
  const chips = new Float32Array(candidates.length * plane);
  landmarks.forEach((pts, i) =>
    sampleAffine(pyr, chipTransform(pts), CHIP_SIZE, CHIP_SIZE, RGB_255, chips, i * plane),
  );
  const t1 = performance.now();
  const out = await descriptorNet.run({
    input: { data: chips, dims: [candidates.length, 3, CHIP_SIZE, CHIP_SIZE] },
  });
  const t2 = performance.now();
  if (timings) {
    timings.landmarksMs += t1 - t0;
    timings.embeddingMs += t2 - t1;
  }
  return candidates.map((c, i) => {
    const blur = laplacianVariance(chips, CHIP_SIZE, CHIP_SIZE, 0.6, i * plane);
    const sizePx = Math.max(c.box[2], c.box[3]);
    return {
      box: c.box,
      score: c.score,
      landmarks: landmarks[i],
      quality: faceQuality(sizePx, blur, c.score),
      embedding: l2normalise(out.descriptor.data.slice(i * 128, (i + 1) * 128)),
    };
  });
}
