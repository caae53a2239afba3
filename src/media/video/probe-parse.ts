// ffprobe's JSON (`-show_format -show_streams`) → VideoProbe. Pure; every field ffprobe may omit
// or print as "N/A" is treated as unknown rather than trusted.

import { extensionOf } from '../formats.js';
import { mediaError } from '../errors.js';
import type { AudioStream, VideoProbe, VideoStream } from './types.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' && v !== 'N/A' ? v.trim() : null;

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function positive(v: unknown): number | null {
  const n = num(v);
  return n !== null && n > 0 ? n : null;
}

/** "30000/1001" → 29.97; "0/0" and garbage → null. */
export function parseRate(v: unknown): number | null {
  const m = typeof v === 'string' ? /^(\d+)\/(\d+)$/.exec(v) : null;
  if (!m) return positive(v);
  const [n, d] = [Number(m[1]), Number(m[2])];
  if (!n || !d) return null;
  const rate = n / d;
  // 90000/1 and the like are time bases, not frame rates
  return rate > 0 && rate <= 1000 ? Math.round(rate * 1000) / 1000 : null;
}

/**
 * Clockwise degrees from the `rotate` tag (FFmpeg ≤ 4 prints it, clockwise) or the display matrix
 * side data (FFmpeg ≥ 5 prints only this; its `rotation` is counter-clockwise, so −90 means a
 * portrait phone video turned 90° clockwise on screen). Rounded to a quarter turn.
 */
export function rotationOf(stream: Json): number {
  const tagged = num(obj(stream.tags).rotate);
  let cw: number | null = tagged;
  if (cw === null) {
    const sides = Array.isArray(stream.side_data_list) ? stream.side_data_list : [];
    const matrix = sides.map(obj).find((s) => num(s.rotation) !== null);
    if (matrix) cw = -(num(matrix.rotation) as number);
  }
  if (cw === null) return 0;
  return ((((Math.round(cw / 90) * 90) % 360) + 360) % 360) as number;
}

function sampleAspect(v: unknown): number {
  const m = typeof v === 'string' ? /^(\d+):(\d+)$/.exec(v) : null;
  if (!m) return 1;
  const [n, d] = [Number(m[1]), Number(m[2])];
  return n > 0 && d > 0 ? n / d : 1;
}

const QUICKTIME = 'mov,mp4,m4a,3gp,3g2,mj2';

/** The container by ffprobe's format name, the ftyp major brand and (for Matroska) the extension. */
export function containerOf(
  formatName: string,
  tags: Record<string, string>,
  fileName: string,
): string {
  const ext = extensionOf(fileName);
  if (formatName === QUICKTIME) {
    const brand = (tags.major_brand ?? '').trim().toLowerCase();
    if (brand === 'qt') return 'mov';
    if (brand.startsWith('3g')) return '3gp';
    if (brand === 'm4v') return 'm4v';
    if (brand) return 'mp4';
    // Old QuickTime files have no ftyp at all.
    return ext === 'mov' || ext === 'qt' ? 'mov' : 'mp4';
  }
  if (formatName === 'matroska,webm') return ext === 'webm' ? 'webm' : 'mkv';
  if (formatName === 'mpegts') return 'mpegts';
  if (formatName === 'mpeg' || formatName === 'mpegvideo') return 'mpeg';
  if (formatName === 'avi') return 'avi';
  return formatName;
}

function lowerKeys(tags: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) {
    if (typeof v === 'string' || typeof v === 'number') out[k.toLowerCase()] = String(v);
  }
  return out;
}

/** Demuxers that turn a still image into a one-frame "video". */
const STILL_DEMUXER = /(^image2|_pipe$|^gif$|^webp$|^apng$)/;

/**
 * Throws MediaError 'no-video-stream' when the file holds sound only (a cover picture in an
 * audio file does not count as video), 'unsupported' when ffprobe read it as a still image.
 */
export function parseProbe(json: unknown, fileName: string): VideoProbe {
  const root = obj(json);
  const format = obj(root.format);
  const streams = (Array.isArray(root.streams) ? root.streams : []).map(obj);
  const formatName = str(format.format_name) ?? 'unknown';
  const ext = extensionOf(fileName);
  if (STILL_DEMUXER.test(formatName)) {
    throw mediaError(
      'unsupported',
      `content is a still image (${formatName}), not a video${ext ? ` (despite the .${ext} extension)` : ''}`,
    );
  }
  const isPicture = (s: Json) =>
    s.codec_type === 'video' &&
    num(obj(s.disposition).attached_pic) !== 1 &&
    positive(s.width) !== null;
  const videoJson =
    streams.find((s) => isPicture(s) && num(obj(s.disposition).default) === 1) ??
    streams.find(isPicture);
  const audioJson = streams.find((s) => s.codec_type === 'audio');
  if (!videoJson) {
    const sound = audioJson
      ? `audio only: ${str(audioJson.codec_name) ?? 'unknown codec'}`
      : 'no streams';
    throw mediaError('no-video-stream', `no video stream in this ${formatName} file (${sound})`);
  }

  const tags = { ...lowerKeys(obj(videoJson.tags)), ...lowerKeys(obj(format.tags)) };
  const width = positive(videoJson.width) as number;
  const height = positive(videoJson.height) as number;
  const rotation = rotationOf(videoJson);
  const sar = sampleAspect(videoJson.sample_aspect_ratio);
  // Players keep the height and stretch the width by the pixel aspect (DV 720×480 at 8:9 → 640×480).
  const shownW = Math.max(1, Math.round(width * sar));
  const shownH = height;
  const quarter = rotation === 90 || rotation === 270;
  const video: VideoStream = {
    codec: str(videoJson.codec_name) ?? 'unknown',
    profile: str(videoJson.profile),
    pixelFormat: str(videoJson.pix_fmt),
    width,
    height,
    displayWidth: quarter ? shownH : shownW,
    displayHeight: quarter ? shownW : shownH,
    rotation,
    fps: parseRate(videoJson.avg_frame_rate) ?? parseRate(videoJson.r_frame_rate),
    fieldOrder: str(videoJson.field_order),
    colorTransfer: str(videoJson.color_transfer),
    bitRate: positive(videoJson.bit_rate),
  };
  const audio: AudioStream | null = audioJson
    ? {
        codec: str(audioJson.codec_name) ?? 'unknown',
        channels: positive(audioJson.channels),
        sampleRate: positive(audioJson.sample_rate),
      }
    : null;
  const seconds = positive(format.duration) ?? positive(videoJson.duration);
  return {
    container: containerOf(formatName, tags, fileName),
    formatName,
    durationMs: seconds === null ? null : Math.round(seconds * 1000),
    startMs: Math.round((num(format.start_time) ?? 0) * 1000),
    bitRate: positive(format.bit_rate),
    sizeBytes: positive(format.size),
    video,
    audio,
    tags,
  };
}
