// What the AI found in a video's sampled frames, made into one result per video. Pure.
//
// [Note: AI on videos] A video's tags are the union of its frames' (each label once, with its best
// frame's score and box). Its faces are de-duplicated: a person seen in four frames is one face,
// the best-quality sighting, with the time of that frame (`timeMs`), so a person's page lists the
// video once and the face crop is the sharpest moment. Two sightings are one person when their
// descriptors are closer than SAME_PERSON; that is stricter than the people clustering's own
// threshold, so two people are never merged here (a person split in two within a video is merged
// again by the clustering, which sees both faces).

import type { FaceResult, ObjectResult } from './worker-ai.js';

export interface FrameAnalysis {
  timeMs: number;
  objects: ObjectResult[];
  faces: FaceResult[];
}

export interface VideoFace extends FaceResult {
  timeMs: number;
}

export interface VideoAiResult {
  objects: ObjectResult[];
  faces: VideoFace[];
  /** frames analysed */
  frames: number;
  timings: Record<string, number>;
}

/** Euclidean distance between L2-normalised dlib descriptors below which two faces are one. */
export const SAME_PERSON = 0.45;

export function distance(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

/** Each label once, from the frame where it scored best. */
export function mergeObjects(frames: readonly FrameAnalysis[]): ObjectResult[] {
  const best = new Map<string, ObjectResult>();
  for (const f of frames) {
    for (const o of f.objects) {
      const seen = best.get(o.label);
      if (!seen || o.score > seen.score) best.set(o.label, o);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** One face per person seen: the best-quality sighting, with its frame's time. */
export function mergeFaces(frames: readonly FrameAnalysis[]): VideoFace[] {
  const all: VideoFace[] = frames.flatMap((f) =>
    f.faces.map((face) => ({ ...face, timeMs: f.timeMs })),
  );
  all.sort((a, b) => b.quality - a.quality || a.timeMs - b.timeMs);
  const kept: VideoFace[] = [];
  for (const face of all) {
    if (kept.some((k) => distance(k.embedding, face.embedding) < SAME_PERSON)) continue;
    kept.push(face);
  }
  return kept;
}
