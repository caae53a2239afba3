// ffmpeg as the decoder of last resort for stills that neither sharp nor libheif reads here.
//
// [Note: ffmpeg for stills] Checked on the corpus: Debian's ffmpeg 5.1 (built with libjxl) decodes
// `Reagan.jxl` to its 200×130 pixels, and both it and the packaged 4.1 decode the BMP, JPEG 2000
// and Photoshop stubs of exiftool's test set; the 4.1 snapshot has no JPEG XL decoder at all, and
// the truncated `JXL2.jxl` fails in libjxl ("Unexpected end of JXL codestream", djxl agrees). So
// JPEG XL, JPEG 2000, BMP and PSD get their pixels from ffmpeg when the ffmpeg found can decode
// them, and otherwise the file is catalogued with its metadata and an error saying what is
// missing. ffmpeg shrinks to the working size itself and hands over a PPM (trivial to read), so
// a large JPEG XL never crosses the pipe at full size.

import { errorText, mediaError } from '../errors.js';
import { WORK_SIZE } from '../decode.js';
import { runTool, stderrReason } from './run.js';
import { videoTools } from './tools.js';
import type { RawImage } from '../types.js';

/** The ffmpeg decoder each format needs; jxl exists only in builds with libjxl. */
const NEEDS: Record<string, string | null> = {
  jxl: 'libjxl',
  jp2: null,
  bmp: null,
  psd: null,
};

export function ffmpegDecodesStill(format: string): boolean {
  return format in NEEDS;
}

/** Parses a binary PPM (P6, maxval 255) into a RawImage; null when malformed. Exported for tests. */
export function parsePpm(buf: Buffer): RawImage | null {
  // "P6" whitespace width whitespace height whitespace maxval single-whitespace data
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!m) return null;
  const [width, height, maxval] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = m[0].length;
  if (maxval !== 255 || width < 1 || height < 1) return null;
  const bytes = width * height * 3;
  if (buf.length < start + bytes) return null;
  const data = new Uint8Array(buf.buffer, buf.byteOffset + start, bytes);
  return { data, width, height, channels: 3 };
}

/**
 * Upright RGB working image (≤ WORK_SIZE) of a still through ffmpeg. Throws MediaError:
 * 'unsupported' when no ffmpeg here can decode the format, 'corrupt' when it fails on the data.
 */
export async function decodeStillWithFfmpeg(
  filePath: string,
  format: string,
  label: string,
): Promise<RawImage> {
  let ffmpegPath: string;
  let enabled: string[];
  let version: string;
  try {
    const tools = await videoTools();
    ({ path: ffmpegPath, enabled, version } = tools.ffmpeg);
  } catch (e) {
    throw mediaError(
      'unsupported',
      `${label} files need ffmpeg to be decoded here, and none runs (${errorText(e)})`,
    );
  }
  const lib = NEEDS[format];
  if (lib === undefined || (lib && !enabled.includes(lib))) {
    throw mediaError(
      'unsupported',
      `${label} cannot be decoded here: the ffmpeg found (${version}) has no ${lib ?? label} decoder`,
    );
  }
  const side = WORK_SIZE;
  const scale =
    `scale=w='if(gte(iw,ih),min(${side},iw),-1)':h='if(gte(iw,ih),-1,min(${side},ih))'` +
    ':flags=area,format=rgb24';
  const res = await runTool(
    ffmpegPath,
    ['-nostdin', '-hide_banner', '-loglevel', 'error', '-threads', '1', '-i', filePath].concat([
      '-frames:v',
      '1',
      '-vf',
      scale,
      '-c:v',
      'ppm',
      '-f',
      'image2pipe',
      'pipe:1',
    ]),
    {
      what: `decoding the ${label} image (ffmpeg)`,
      timeoutMs: 60_000,
      maxStdoutBytes: side * side * 3 + 1024,
    },
  );
  const image = res.code === 0 ? parsePpm(res.stdout) : null;
  if (!image) {
    const reason = stderrReason(res.stderr);
    const truncated = /unexpected end|truncat|end of file/i.test(reason);
    throw mediaError('corrupt', `${truncated ? 'truncated' : 'corrupt'} ${label} data (${reason})`);
  }
  return image;
}
