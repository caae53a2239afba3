import { describe, expect, it } from 'vitest';
import {
  apply,
  compose,
  cropTransform,
  fitSimilarity,
  invert,
  type Affine,
  type Point,
} from '../../src/ml/image/affine.js';
import {
  letterbox,
  letterboxToSource,
  unletterboxBox,
  unletterboxPoint,
} from '../../src/ml/image/letterbox.js';
import { buildPyramid, sampleAffine } from '../../src/ml/image/pyramid.js';
import { chipTemplate, chipTransform } from '../../src/ml/faces/align.js';
import type { RawImage } from '../../src/media/types.js';

const close = (a: number, b: number, eps = 1e-9) => expect(Math.abs(a - b)).toBeLessThan(eps);

describe('letterbox', () => {
  it('fits a landscape image, centred, aspect kept', () => {
    const lb = letterbox(1000, 500, 512);
    expect(lb.scale).toBeCloseTo(0.512, 12);
    expect(lb.width).toBeCloseTo(512, 9);
    expect(lb.height).toBeCloseTo(256, 9);
    expect(lb.padX).toBeCloseTo(0, 9);
    expect(lb.padY).toBeCloseTo(128, 9);
  });

  it('fits a portrait image with side padding', () => {
    const lb = letterbox(300, 600, 256);
    expect(lb.padX).toBeCloseTo(64, 9);
    expect(lb.padY).toBeCloseTo(0, 9);
  });

  it('maps model boxes back to source pixels and clips them', () => {
    const lb = letterbox(1000, 500, 512);
    // a box covering the whole scaled image → the whole source
    expect(
      unletterboxBox(lb, [0, 128, 512, 384], 1000, 500).map((v) => Math.round(v * 1e6) / 1e6),
    ).toEqual([0, 0, 1000, 500]);
    // a box sticking into the padding is clipped at the image border
    expect(
      unletterboxBox(lb, [-10, 100, 51.2, 179.2], 1000, 500).map((v) => Math.round(v * 1e6) / 1e6),
    ).toEqual([0, 0, 100, 100]);
    expect(unletterboxPoint(lb, [256, 256])).toEqual([500, 250]);
  });

  it('samples the model input from where each of its pixels lies in the source', () => {
    const lb = letterbox(1000, 500, 512);
    // the input's corner of the scaled image is the source's corner; a crop starting at (40, 30)
    // shifts it there
    expect(apply(letterboxToSource(lb), [0, 128])).toEqual([0, 0]);
    expect(apply(letterboxToSource(lb, 40, 30), [512, 384])).toEqual([1040, 530]);
  });

  it('rejects empty images', () => {
    expect(() => letterbox(0, 10, 512)).toThrow(/empty/);
  });
});

describe('affine transforms', () => {
  const m: Affine = { a: 2, b: -1, c: 0.5, d: 3, tx: 10, ty: -4 };

  it('inverts and composes', () => {
    const id = compose(m, invert(m));
    close(id.a, 1);
    close(id.b, 0);
    close(id.c, 0);
    close(id.d, 1);
    close(id.tx, 0);
    close(id.ty, 0);
    const p: Point = [3, 7];
    const q = apply(invert(m), apply(m, p));
    close(q[0], 3);
    close(q[1], 7);
  });

  it('crop transform maps the output corners onto the crop rectangle', () => {
    const t = cropTransform([100, 50, 40, 20], 80, 40);
    expect(apply(t, [0, 0])).toEqual([100, 50]);
    expect(apply(t, [80, 40])).toEqual([140, 70]);
  });

  it('rotated crop keeps its centre and turns the x axis onto the given angle', () => {
    const t = cropTransform([0, 0, 100, 100], 100, 100, Math.PI / 2);
    const c = apply(t, [50, 50]);
    close(c[0], 50);
    close(c[1], 50);
    // one step along output x moves along +y in the source
    const d = apply(t, [51, 50]);
    close(d[0] - c[0], 0);
    close(d[1] - c[1], 1);
  });

  it('fitSimilarity recovers an exact rotation + scale + shift', () => {
    const theta = 0.3;
    const s = 1.7;
    const truth: Affine = {
      a: s * Math.cos(theta),
      b: -s * Math.sin(theta),
      c: s * Math.sin(theta),
      d: s * Math.cos(theta),
      tx: 5,
      ty: -2,
    };
    const from: Point[] = [
      [0, 0],
      [10, 0],
      [3, 8],
      [-4, 6],
    ];
    const fit = fitSimilarity(
      from,
      from.map((p) => apply(truth, p)),
    );
    for (const k of ['a', 'b', 'c', 'd', 'tx', 'ty'] as const) close(fit[k], truth[k], 1e-9);
  });

  it('fitSimilarity never reflects', () => {
    const from: Point[] = [
      [0, 0],
      [1, 0],
      [0, 1],
    ];
    const mirrored: Point[] = from.map(([x, y]) => [-x, y]);
    const fit = fitSimilarity(from, mirrored);
    expect(fit.a * fit.d - fit.b * fit.c).toBeGreaterThanOrEqual(0);
  });

  it('fitSimilarity refuses degenerate input', () => {
    expect(() => fitSimilarity([[1, 1]], [[2, 2]])).toThrow();
    expect(() =>
      fitSimilarity(
        [
          [1, 1],
          [1, 1],
        ],
        [
          [0, 0],
          [1, 1],
        ],
      ),
    ).toThrow(/coincide/);
  });
});

describe('face alignment', () => {
  it('puts landmarks already on the template onto the identity chip transform', () => {
    const template = chipTemplate();
    const landmarks: Point[] = [...new Array<Point>(17).fill([75, 140]), ...template];
    const t = chipTransform(landmarks);
    close(t.a, 1, 1e-9);
    close(t.b, 0, 1e-9);
    close(t.tx, 0, 1e-7);
    close(t.ty, 0, 1e-7);
  });

  it('undoes a rotated, scaled, shifted face', () => {
    const template = chipTemplate();
    const theta = -0.4;
    const face: Affine = {
      a: 2 * Math.cos(theta),
      b: -2 * Math.sin(theta),
      c: 2 * Math.sin(theta),
      d: 2 * Math.cos(theta),
      tx: 300,
      ty: 120,
    };
    const landmarks: Point[] = [
      ...new Array<Point>(17).fill([0, 0]).map((p) => apply(face, p)),
      ...template.map((p) => apply(face, p)),
    ];
    const chipToImage = chipTransform(landmarks);
    for (const k of ['a', 'b', 'c', 'd', 'tx', 'ty'] as const) close(chipToImage[k], face[k], 1e-7);
  });

  it('template matches dlib: 25 % padding, eye corners and mouth inside the 150 px chip', () => {
    const t = chipTemplate(150, 0.25);
    // landmark 36 (outer corner of the subject's right eye) is template index 36 − 17
    expect(t[19][0]).toBeCloseTo(((0.25 + 0.121737) / 1.5) * 150, 9);
    for (const [x, y] of t) {
      expect(x).toBeGreaterThan(20);
      expect(x).toBeLessThan(130);
      expect(y).toBeGreaterThan(20);
      expect(y).toBeLessThan(130);
    }
  });
});

function solidImage(
  w: number,
  h: number,
  rgb: (x: number, y: number) => [number, number, number],
): RawImage {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(rgb(x, y), (y * w + x) * 3);
  return { data, width: w, height: h, channels: 3 };
}

describe('pyramid sampling', () => {
  it('halves with a 2×2 box filter until small', () => {
    const img = solidImage(16, 12, (x) => (x % 2 ? [200, 100, 0] : [100, 50, 10]));
    const pyr = buildPyramid(img, 2);
    // stops once the short side would drop below 4 px
    expect(pyr.map((l) => [l.width, l.height, l.factor])).toEqual([
      [16, 12, 1],
      [8, 6, 2],
      [4, 3, 4],
    ]);
    expect(Array.from(pyr[1].data.slice(0, 3))).toEqual([150, 75, 5]);
  });

  it('identity sampling reproduces the pixels, planar', () => {
    const img = solidImage(4, 3, (x, y) => [x * 10, y * 20, 7]);
    const out = new Float32Array(3 * 12);
    sampleAffine(
      buildPyramid(img),
      { a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0 },
      4,
      3,
      { mul: 1, add: 0, fill: 0 },
      out,
    );
    expect(Array.from(out.slice(0, 4))).toEqual([0, 10, 20, 30]);
    expect(Array.from(out.slice(12, 16))).toEqual([0, 0, 0, 0]);
    expect(Array.from(out.slice(24, 28))).toEqual([7, 7, 7, 7]);
  });

  it('applies the value map and blends outside pixels towards the fill', () => {
    const img = solidImage(2, 2, () => [255, 255, 255]);
    const out = new Float32Array(3 * 4 * 2);
    // output 4×2 covering x ∈ [−1, 3): the outer columns are fully outside
    sampleAffine(
      buildPyramid(img),
      { a: 1, b: 0, c: 0, d: 1, tx: -1, ty: 0 },
      4,
      2,
      { mul: 1 / 127.5, add: -1, fill: 0 },
      out,
    );
    expect(out[0]).toBeCloseTo(0, 6); // outside → fill
    expect(out[1]).toBeCloseTo(1, 6); // white → +1
    expect(out[2]).toBeCloseTo(1, 6);
    expect(out[3]).toBeCloseTo(0, 6);
  });

  it('samples rotated crops through the general path', () => {
    const img = solidImage(10, 10, (x, y) => [x * 20, y * 20, 0]);
    const out = new Float32Array(3 * 4);
    // 90° rotation around the crop centre: output x runs along source +y
    const t = cropTransform([4, 4, 2, 2], 2, 2, Math.PI / 2);
    sampleAffine(buildPyramid(img), t, 2, 2, { mul: 1, add: 0, fill: 0 }, out);
    // output (0,0) centre → source (5.5, 4.5) → pixel index (5, 4): red 100, green 80
    expect(out[0]).toBeCloseTo(100, 4);
    expect(out[4]).toBeCloseTo(80, 4);
  });
});
