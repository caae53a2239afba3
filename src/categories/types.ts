// Plain data in and out of classification (structured-clone safe: the signals are gathered in an
// indexing worker, classification may run anywhere).

import type { CameraInfo, CaptureHints, DateSource, ExposureInfo } from '../media/types.js';
import type { ImageStats } from './image-stats.js';

// The names live in shared/ (the API and the web app speak them too).
import { CATEGORY_NAMES, type CategoryName } from '../shared/category-names.js';

export { CATEGORY_NAMES, type CategoryName };

/**
 * What a classifier reads, by how soon it is known. `metadata` and `pixels` are cheap and known
 * at ingest (the media stage); `faces` and `objects` come from the AI stage; `text` from the OCR
 * text detector (not the reader).
 */
export type SignalKind = 'metadata' | 'pixels' | 'faces' | 'objects' | 'text';

/** The cheap signals: known when the media stage is done. */
export const CHEAP_SIGNALS: readonly SignalKind[] = ['metadata', 'pixels'];

/**
 * Metadata as the categories read it (built from MediaMetadata by `metaSignals`): the camera, the
 * capture hints and the exposure as the media readers give them, and the file's name, size and time.
 */
export interface MetaSignals extends CameraInfo, CaptureHints, ExposureInfo {
  /** Base name of the file (a weak hint only: "Screenshot_2024…"). */
  fileName: string;
  /** Short lower-case format: jpeg, png, heic, … */
  format: string;
  /** Displayed size (orientation applied), null when unknown. */
  width: number | null;
  height: number | null;
  /** Local wall-clock time of capture, ISO 8601 without offset. */
  takenAt: string | null;
  takenOffsetMinutes: number | null;
  takenAtSource: DateSource | null;
  gps: { lat: number; lon: number } | null;
}

/** A face, its box as fractions of the displayed frame (x, y, w, h in 0–1). */
export interface FaceSignal {
  box: [number, number, number, number];
  /** Detector score 0–1. */
  score: number;
  /** Combined quality 0–1 (FaceQuality.overall). */
  quality: number;
}

/** An object tag, its box as fractions of the frame. */
export interface ObjectSignal {
  label: string;
  score: number;
  box: [number, number, number, number];
}

/** Text lines the OCR detector found (no reading), boxes as fractions of the frame. */
export interface TextSignal {
  boxes: [number, number, number, number][];
}

/**
 * Everything classification reads. A missing detection signal (undefined) means "not known yet":
 * categories that need it give no verdict until it arrives. An empty list means "looked, none".
 */
export interface Signals {
  meta: MetaSignals;
  /** Null when the photo has no decoded pixels (a RAW without preview). */
  pixels: ImageStats | null;
  faces?: FaceSignal[];
  objects?: ObjectSignal[];
  text?: TextSignal;
}

/** A category given to a photo: what the info panel shows ("Selfie — front camera"). */
export interface CategoryResult {
  name: CategoryName;
  /** Confidence 0–1; a category is given from MIN_SCORE. */
  score: number;
  /** Why, for a person: "front camera", "3 faces", "sun 12° below the horizon". */
  reason: string;
  /** A finer kind within the category, for search words: 'receipt' (a document). */
  subtype?: 'receipt';
}

/** A classifier's answer: its score (given or not) and the reason for it. */
export interface Verdict {
  score: number;
  reason: string;
  subtype?: 'receipt';
}

/** A category is given to a photo when its score reaches this. */
export const MIN_SCORE = 0.5;
