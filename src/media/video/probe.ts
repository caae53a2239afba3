// ffprobe one file → VideoProbe, with a per-file MediaError for everything that is the file's fault.

import { mediaError, type MediaError } from '../errors.js';
import { detectFormat, extensionOf } from '../formats.js';
import { readHead, statFile } from '../metadata.js';
import { parseProbe } from './probe-parse.js';
import { runTool, stderrReason } from './run.js';
import { videoTools } from './tools.js';
import type { VideoProbe } from './types.js';

/** ffprobe reads headers only; a minute means it is stuck on a hostile file. */
const PROBE_TIMEOUT_MS = 60_000;

/**
 * Streams, duration, rotation and tags of a video. Throws MediaError: 'empty', 'unreadable',
 * 'unsupported' (a photo or unknown data under a video name), 'corrupt' (truncated: no `moov`
 * index, invalid data), 'no-video-stream' (audio only), 'timeout', 'no-video-tools'.
 */
export async function probeFile(filePath: string, signal?: AbortSignal): Promise<VideoProbe> {
  const facts = await statFile(filePath);
  if (facts.size === 0) throw mediaError('empty', 'file is empty (0 bytes)');
  const head = await readHead(filePath);
  const still = detectFormat(head, filePath);
  if (still) {
    const ext = extensionOf(filePath);
    throw mediaError(
      'unsupported',
      `content is a ${still.label} image, not a video${ext ? ` (despite the .${ext} extension)` : ''}`,
    );
  }
  const { ffprobe } = await videoTools();
  const res = await runTool(
    ffprobe.path,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', filePath],
    {
      what: 'reading the video streams (ffprobe)',
      timeoutMs: PROBE_TIMEOUT_MS,
      signal,
      memoryMb: 1024,
      maxStdoutBytes: 8 * 1024 * 1024,
    },
  );
  if (res.code !== 0) throw probeFailure(res.stderr);
  let json: unknown;
  try {
    json = JSON.parse(res.stdout.toString('utf8'));
  } catch {
    throw mediaError(
      'corrupt',
      `ffprobe printed no readable description (${stderrReason(res.stderr)})`,
    );
  }
  return parseProbe(json, filePath);
}

/** ffprobe's complaint → a MediaError a person understands. Exported for tests. */
export function probeFailure(stderr: string): MediaError {
  const reason = stderrReason(stderr);
  const text = stderr.toLowerCase();
  if (text.includes('moov atom not found')) {
    return mediaError(
      'corrupt',
      `truncated video: no moov index (the recording or copy was cut off) (${reason})`,
    );
  }
  if (text.includes('permission denied'))
    return mediaError('unreadable', `cannot read the file (${reason})`);
  if (text.includes('no such file')) return mediaError('unreadable', `file not found (${reason})`);
  if (text.includes('invalid data found') || text.includes('could not find codec parameters')) {
    return mediaError('corrupt', `not a readable video: corrupt or unknown data (${reason})`);
  }
  return mediaError('corrupt', `ffprobe cannot read this video (${reason})`);
}
