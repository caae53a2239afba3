// Plain data that crosses the worker boundary: everything here must survive structured clone.

import type { MediaErrorCode } from '../shared/errors.js';

/**
 * Where a value came from, so the UI can say "date from file time" instead of pretending.
 * 'exif-modified' is the IFD0 DateTime ("last saved"), the weakest tag-based source. 'takeout'
 * never comes from a file: the catalogue records it for a date a Google Takeout sidecar gave
 * (interchange/photo-import.ts).
 */
export type DateSource =
  'exif' | 'xmp' | 'iptc' | 'quicktime' | 'exif-modified' | 'filename' | 'file-mtime' | 'takeout';

export interface CameraInfo {
  make: string | null;
  model: string | null;
  /** EXIF LensModel, or the best lens name the readers found */
  lens: string | null;
}

/**
 * Capture facts beyond camera and exposure that say what kind of picture this is: the lens maker
 * (phones name the front camera in LensMake/LensModel), the software that wrote the file, the
 * EXIF UserComment (iOS: "Screenshot") and XMP GPano panorama tags. Read for the categories.
 */
export interface CaptureHints {
  lensMake: string | null;
  software: string | null;
  userComment: string | null;
  /** GPano:ProjectionType lower-cased ("equirectangular", "cylindrical"), "gpano" for other GPano tags */
  panorama: string | null;
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
  /**
   * The orientation tag as written in the file (EXIF, else XMP), even where it must not be applied:
   * HEIF/AVIF carry the rotation in `irot`/`imir`, and their EXIF tag is informational only.
   */
  exifOrientation: number | null;
  /** Local wall-clock time of capture, ISO 8601 without offset: 2008-10-22T16:28:39 (ms optional). */
  takenAt: string | null;
  /** Offset from UTC in minutes when the file records it (OffsetTimeOriginal, GPS time…), else null. */
  takenOffsetMinutes: number | null;
  takenAtSource: DateSource | null;
  camera: CameraInfo;
  exposure: ExposureInfo;
  gps: GpsInfo | null;
  /** Absent where metadata could not be read at all (and in results from before it existed). */
  hints?: CaptureHints;
  /**
   * Apple's Live Photo asset id, the same in the still (MakerNote tag 0x11) and in its MOV (Keys
   * `com.apple.quicktime.content.identifier`): how the two halves find each other. Absent or null
   * for everything else.
   */
  contentIdentifier?: string | null;
}

/** What a video adds to the metadata every item has. */
export interface VideoInfo {
  durationMs: number | null;
  /** mp4, mov, m4v, 3gp, mkv, webm, avi, mpegts, mpeg, or ffprobe's format name for the rest */
  container: string;
  /** ffprobe codec names: h264, hevc, vp9, av1, mpeg2video, … */
  videoCodec: string;
  /** null when the file has no sound */
  audioCodec: string | null;
  fps: number | null;
  /** bits per second of the whole file */
  bitRate: number | null;
  /** stored frame size, before the rotation is applied (MediaMetadata.width/height are displayed) */
  codedWidth: number;
  codedHeight: number;
  /** clockwise degrees the player turns the frames: 0, 90, 180, 270 */
  rotation: number;
  pixelFormat: string | null;
  /** Chromium plays the original as is (else a transcode is needed), see playback.ts */
  playable: boolean;
}

export interface VideoMetadata extends MediaMetadata {
  video: VideoInfo;
}

export interface ThumbnailInfo {
  /** File name inside the thumbnail directory (relative, derived from the content hash). */
  file: string;
  width: number;
  height: number;
  bytes: number;
}

/** A media error as plain data (errors lose their fields when cloned across workers). */
export interface MediaErrorInfo {
  code: MediaErrorCode;
  message: string;
}

/** The media codes (empty, unreadable, corrupt, …) are listed with the one error model. */
export type { MediaErrorCode };

export interface MediaResult {
  metadata: MediaMetadata;
  thumb: ThumbnailInfo | null;
  preview: ThumbnailInfo | null;
  /** 64-bit perceptual hash as 16 hex chars (DCT pHash of the oriented image). */
  phash: string | null;
  /** Non-fatal problems worth showing (e.g. "bad EXIF IFD0, metadata partly read"). */
  warnings: string[];
  /** Milliseconds per step (read, metadata, decode, thumb, preview, phash, total), for the benchmark. */
  timings: Record<string, number>;
}

/**
 * What a failed processMedia still knows, carried on the error (`error.detail`): the catalogue
 * lists the file with this metadata and the error's message (e.g. a RAW without embedded preview).
 */
export interface MediaPartial {
  metadata: MediaMetadata;
  warnings: string[];
  timings: Record<string, number>;
}

/** Decoded, orientation-corrected pixels: RGB, 8 bit, interleaved, row-major, no padding. */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3;
}
