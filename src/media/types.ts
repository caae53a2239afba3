// Plain data that crosses the worker boundary: everything here must survive structured clone.

/** Where a value came from, so the UI can say "date from file time" instead of pretending. */
export type DateSource = 'exif' | 'xmp' | 'quicktime' | 'filename' | 'file-mtime';

export interface CameraInfo {
  make: string | null;
  model: string | null;
  lens: string | null;
}

export interface ExposureInfo {
  /** seconds, e.g. 0.004 for 1/250 */
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  /** millimetres */
  focalLength: number | null;
}

export interface GpsInfo {
  lat: number;
  lon: number;
  alt: number | null;
}

export interface MediaMetadata {
  /** short lower-case kind: jpeg, png, webp, avif, tiff, gif, heic, cr2, cr3, nef, arw, dng, raf, rw2, orf, … */
  format: string;
  mimeType: string;
  /** Displayed size: after EXIF orientation / HEIF irot are applied. Null when unknown. */
  width: number | null;
  height: number | null;
  /** EXIF orientation 1–8 that the pixels need (null = none or already applied by the container). */
  orientation: number | null;
  /** Local wall-clock time of capture, ISO 8601 without offset: 2008-10-22T16:28:39 (ms optional). */
  takenAt: string | null;
  /** Offset from UTC in minutes when the file records it (OffsetTimeOriginal, GPS time…), else null. */
  takenOffsetMinutes: number | null;
  takenAtSource: DateSource | null;
  camera: CameraInfo;
  exposure: ExposureInfo;
  gps: GpsInfo | null;
}

export interface ThumbnailInfo {
  /** File name inside the thumbnail directory (relative, derived from the content hash). */
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface MediaResult {
  metadata: MediaMetadata;
  thumb: ThumbnailInfo | null;
  preview: ThumbnailInfo | null;
  /** 64-bit perceptual hash as 16 hex chars (DCT pHash of the oriented image). */
  phash: string | null;
  /** Non-fatal problems worth showing (e.g. "bad EXIF IFD0, metadata partly read"). */
  warnings: string[];
  /** Milliseconds spent per step, read by the benchmark. */
  timings: Record<string, number>;
}

/** Decoded, orientation-corrected pixels: RGB, 8 bit, interleaved, row-major, no padding. */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3;
}
