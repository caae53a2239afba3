// probeVideo: one video file in, the catalogue's metadata out (the photo shape plus a `video` part).

import path from 'node:path';

import { readWithExifTool } from '../exiftool.js';
import { mergeTags, statFile } from '../metadata.js';
import { cameraInfo, pickGps, pickTakenAt, type CollectedTags } from '../tags.js';
import type { VideoMetadata } from '../types.js';
import { playableInBrowser } from './playback.js';
import { probeFile } from './probe.js';
import type { VideoProbe } from './types.js';
import { asVideoSources, collectVideoTags, contentIdentifierOf } from './video-tags.js';

export interface ProbeVideoResult {
  metadata: VideoMetadata;
  /** what the poster, frame and transcode functions take */
  probe: VideoProbe;
  warnings: string[];
  timings: Record<string, number>;
}

const MIME: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  avi: 'video/x-msvideo',
  mts: 'video/mp2t',
  mpeg: 'video/mpeg',
};

/** The user-facing format name: the container, with MPEG-TS under the name cameras give it. */
export function videoFormatName(container: string): string {
  return container === 'mpegts' ? 'mts' : container;
}

/**
 * Metadata of a video: duration, size as displayed (rotation and pixel aspect applied), fps,
 * codecs, container, bit rate, date (local, see [Note: video dates]), GPS, make/model and Apple's
 * ContentIdentifier. Throws MediaError for files that are not a readable video (probe.ts).
 */
export async function probeVideo(
  filePath: string,
  signal?: AbortSignal,
): Promise<ProbeVideoResult> {
  const t0 = performance.now();
  const facts = await statFile(filePath);
  const probe = await probeFile(filePath, signal);
  const t1 = performance.now();
  const warnings: string[] = [];
  let tags: CollectedTags = collectVideoTags(probe.tags);
  // ffprobe sees QuickTime and Matroska tags; dates in an AVCHD H.264 stream, AVI RIFF chunks or
  // camera XMP need exiftool. Asked only when something is missing (~20–50 ms).
  if (tags.dates.length === 0 || tags.make === null) {
    const et = await readWithExifTool(filePath);
    tags = mergeTags(tags, asVideoSources(et.tags));
    warnings.push(...et.tags.warnings.filter((w) => !/truncated|unknown file/i.test(w)));
  }
  if (tags.gpsRejected)
    warnings.push('location tag present but unusable (0,0 or malformed): ignored');
  const taken = pickTakenAt(tags, path.basename(filePath), facts.mtime);
  const format = videoFormatName(probe.container);
  const metadata: VideoMetadata = {
    format,
    mimeType: MIME[format] ?? 'application/octet-stream',
    width: probe.video.displayWidth,
    height: probe.video.displayHeight,
    // ffmpeg turns the frames itself (autorotate): nothing left for a consumer to apply.
    orientation: null,
    exifOrientation: null,
    ...taken,
    camera: { ...cameraInfo(tags), lens: null },
    exposure: { exposureTime: null, fNumber: null, iso: null, focalLength: null },
    gps: pickGps(tags),
    contentIdentifier: contentIdentifierOf(probe.tags),
    video: {
      durationMs: probe.durationMs,
      container: probe.container,
      videoCodec: probe.video.codec,
      audioCodec: probe.audio?.codec ?? null,
      fps: probe.video.fps,
      bitRate: probe.bitRate,
      codedWidth: probe.video.width,
      codedHeight: probe.video.height,
      rotation: probe.video.rotation,
      pixelFormat: probe.video.pixelFormat,
      playable: playableInBrowser(probe),
    },
  };
  const t2 = performance.now();
  return {
    metadata,
    probe,
    warnings,
    timings: { probe: round(t1 - t0), tags: round(t2 - t1), total: round(t2 - t0) },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
