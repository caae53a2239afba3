// Building Signals from what the pipeline already has: the media stage's metadata, the AI stage's
// faces and objects (boxes in some image's pixels), the OCR detector's boxes. Boxes become
// fractions of the frame so that classification does not care which image size found them.

import type { MediaMetadata } from '../media/types.js';
import type { FaceSignal, MetaSignals, ObjectSignal, TextSignal } from './types.js';

export function metaSignals(fileName: string, m: MediaMetadata): MetaSignals {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return {
    fileName: base,
    format: m.format,
    width: m.width,
    height: m.height,
    make: m.camera.make,
    model: m.camera.model,
    lens: m.camera.lens,
    lensMake: m.hints?.lensMake ?? null,
    software: m.hints?.software ?? null,
    userComment: m.hints?.userComment ?? null,
    panorama: m.hints?.panorama ?? null,
    iso: m.exposure.iso,
    exposureTime: m.exposure.exposureTime,
    fNumber: m.exposure.fNumber,
    focalLength: m.exposure.focalLength,
    takenAt: m.takenAt,
    takenOffsetMinutes: m.takenOffsetMinutes,
    takenAtSource: m.takenAtSource,
    gps: m.gps ? { lat: m.gps.lat, lon: m.gps.lon } : null,
  };
}

type Box = [number, number, number, number];

const fraction = (b: Box, w: number, h: number): Box => [b[0] / w, b[1] / h, b[2] / w, b[3] / h];

/**
 * Faces (the AI stage's FaceResult or the analyzer's DetectedFace with `quality.overall`), boxes
 * in pixels of an image of `width` × `height`.
 */
export function faceSignals(
  faces: { box: Box; score: number; quality: number | { overall: number } }[],
  width: number,
  height: number,
): FaceSignal[] {
  return faces.map((f) => ({
    box: fraction(f.box, width, height),
    score: f.score,
    quality: typeof f.quality === 'number' ? f.quality : f.quality.overall,
  }));
}

export function objectSignals(
  objects: { label: string; score: number; box: Box }[],
  width: number,
  height: number,
): ObjectSignal[] {
  return objects.map((o) => ({
    label: o.label,
    score: o.score,
    box: fraction(o.box, width, height),
  }));
}

/** Text-detector boxes in pixels of an image of `width` × `height`. */
export function textSignal(boxes: Box[], width: number, height: number): TextSignal {
  return { boxes: boxes.map((b) => fraction(b, width, height)) };
}
