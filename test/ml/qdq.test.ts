// Int8 quantisation (src/ml/convert/qdq-*.ts) on hand-made values and a tiny two-convolution graph:
// the arithmetic matches ONNX's QuantizeLinear/DequantizeLinear, and the quantised graph computes
// what the float graph does within the error 8 bits allow.

import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { OnnxGraphBuilder } from '../../src/ml/convert/onnx-builder.js';
import {
  quantizeModel,
  tensorsToQuantize,
  withTensorOutputs,
} from '../../src/ml/convert/qdq-graph.js';
import {
  activationParams,
  percentileRange,
  quantizeBias,
  quantizeWeights,
} from '../../src/ml/convert/qdq-math.js';
import { mulberry32 } from '../../src/shared/random.js';

describe('qdq arithmetic', () => {
  it('activation parameters contain 0 exactly', () => {
    expect(activationParams(0, 255)).toEqual({ scale: 1, zeroPoint: 0 });
    const p = activationParams(-1, 3);
    expect(p.scale).toBeCloseTo(4 / 255, 12);
    expect(p.zeroPoint).toBe(64);
    expect(activationParams(2, 5).zeroPoint).toBe(0); // widened to [0, 5]
    expect(activationParams(0, 0)).toEqual({ scale: 1, zeroPoint: 0 });
  });

  it('weights: symmetric int8 per output channel', () => {
    const q = quantizeWeights(Float32Array.of(1, -0.4, 0.25, 0, 0, 0), 2);
    expect(Array.from(q.scales)).toEqual([Math.fround(1 / 127), 1]);
    expect(Array.from(q.values)).toEqual([127, -51, 32, 0, 0, 0]);
  });

  it('bias at the accumulator scale', () => {
    const b = quantizeBias(Float32Array.of(0.5, -1), 0.1, Float32Array.of(0.01, 0.02));
    expect(Array.from(b.values)).toEqual([500, -500]);
  });

  it('percentile range drops rare outliers, fraction 1 is min/max', () => {
    const xs = new Float32Array(10001).map((_, i) => i / 10000);
    xs[5000] = 100;
    expect(percentileRange(xs, 1)).toEqual([0, 100]);
    const [lo, hi] = percentileRange(xs, 0.999);
    expect(lo).toBeCloseTo(0.001, 3);
    expect(hi).toBeLessThan(1.01);
  });
});

describe('qdq graph', () => {
  // input [1,3,8,8] → Conv 3×3 (4 ch, bias) → Relu → Conv 1×1 (2 ch, bias) → output
  function tinyModel(): Uint8Array {
    const rnd = mulberry32(3);
    const r = (n: number, s: number) => Float32Array.from({ length: n }, () => (rnd() - 0.5) * s);
    const b = new OnnxGraphBuilder('tiny');
    const x = b.input('input', [1, 3, 8, 8]);
    const c1 = b.node(
      'Conv',
      [x, b.initFloat('w1', [4, 3, 3, 3], r(108, 0.4)), b.initFloat('b1', [4], r(4, 2))],
      {
        pads: [1, 1, 1, 1],
        kernel_shape: [3, 3],
      },
    );
    const a1 = b.node('Relu', [c1]);
    b.node(
      'Conv',
      [a1, b.initFloat('w2', [2, 4, 1, 1], r(8, 1)), b.initFloat('b2', [2], r(2, 1))],
      { kernel_shape: [1, 1] },
      ['output'],
    );
    b.output('output', [1, 2, 8, 8]);
    return b.build().bytes;
  }

  it('places pairs on the convolution input and after the ReLU, not on the head output', () => {
    expect(tensorsToQuantize(tinyModel())).toEqual(['input', 'Relu_out']);
    expect(tensorsToQuantize(tinyModel(), { quantizeHeads: true })).toEqual([
      'input',
      'Relu_out',
      'output',
    ]);
  });

  it('computes the float result within 8-bit error', async () => {
    const float = tinyModel();
    const rnd = mulberry32(9);
    const data = Float32Array.from({ length: 192 }, () => Math.round(rnd() * 255));
    const feeds = { input: new ort.Tensor('float32', data, [1, 3, 8, 8]) };
    const targets = tensorsToQuantize(float);
    const calib = await ort.InferenceSession.create(withTensorOutputs(float, targets));
    const seen = await calib.run(feeds);
    const ranges: Record<string, [number, number]> = {};
    for (const t of targets) {
      const v = (t === 'input' ? data : seen[t].data) as Float32Array;
      ranges[t] = [Math.min(...v), Math.max(...v)];
    }
    const ref = (seen.output.data as Float32Array).slice();
    const q = await ort.InferenceSession.create(quantizeModel(float, ranges));
    const got = (await q.run(feeds)).output.data as Float32Array;
    const span = Math.max(...ref) - Math.min(...ref);
    let worst = 0;
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(ref[i] - got[i]));
    expect(worst / span).toBeLessThan(0.03);
    await Promise.all([calib.release(), q.release()]);
  });
});
