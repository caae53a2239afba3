// The converter on small hand-made inputs: float16 widening, weight de-quantisation, and a tiny
// TF graph exercising layout tracking (NHWC → NCHW), SAME padding, fused ops, the hard-swish
// rewrite with its pending scale, squeeze-excite style broadcasting, pooling and a final Reshape,
// checked against a naive NHWC reference implementation written here.

import { describe, expect, it } from 'vitest';
import { halfToFloat, widenFloat16 } from '../../src/ml/convert/float16.js';
import { decodeWeightGroup, type NamedTensor } from '../../src/ml/convert/tfjs-weights.js';
import { convertTfGraph } from '../../src/ml/convert/tf-to-onnx.js';
import type { TfNode } from '../../src/ml/convert/tf-graph.js';
import { createOrtRunner } from '../../src/ml/runtime/ort-runner.js';

describe('float16', () => {
  it('widens exactly, including subnormals and specials', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(Array.from(widenFloat16(new Uint8Array([0x00, 0x3c, 0x00, 0xc0])))).toEqual([1, -2]);
  });
});

describe('weight decoding', () => {
  it('de-quantises uint8, widens float16 and reads int32 back to back', () => {
    const bytes = new Uint8Array([0, 2, 255, /* f16 1.0 */ 0x00, 0x3c, /* int32 7 */ 7, 0, 0, 0]);
    const map = decodeWeightGroup(
      [
        {
          name: 'q',
          shape: [3],
          dtype: 'float32',
          quantization: { dtype: 'uint8', scale: 0.5, min: -1 },
        },
        { name: 'h', shape: [1], dtype: 'float32', quantization: { dtype: 'float16' } },
        { name: 'i', shape: [1], dtype: 'int32' },
      ],
      bytes,
    );
    expect(Array.from(map.get('q')!.data)).toEqual([-1, 0, 126.5]);
    expect(Array.from(map.get('h')!.data)).toEqual([1]);
    expect(Array.from(map.get('i')!.data)).toEqual([7]);
  });

  it('refuses shards that do not match the manifest', () => {
    expect(() =>
      decodeWeightGroup([{ name: 'a', shape: [2], dtype: 'float32' }], new Uint8Array(4)),
    ).toThrow(/truncated/);
    expect(() =>
      decodeWeightGroup([{ name: 'a', shape: [1], dtype: 'float32' }], new Uint8Array(8)),
    ).toThrow(/describes/);
  });
});

// ---- a naive NHWC reference ------------------------------------------------------------------

interface T {
  shape: number[];
  data: Float32Array;
}

function conv2d(x: T, k: T, stride: number, depthwise: boolean): T {
  const [, H, W, C] = x.shape;
  const [kh, kw, , cm] = k.shape;
  const oh = Math.ceil(H / stride);
  const ow = Math.ceil(W / stride);
  const padT = Math.floor(Math.max((oh - 1) * stride + kh - H, 0) / 2);
  const padL = Math.floor(Math.max((ow - 1) * stride + kw - W, 0) / 2);
  const oc = depthwise ? C * cm : cm;
  const out = new Float32Array(oh * ow * oc);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let o = 0; o < oc; o++) {
        let s = 0;
        for (let dy = 0; dy < kh; dy++)
          for (let dx = 0; dx < kw; dx++) {
            const iy = oy * stride + dy - padT;
            const ix = ox * stride + dx - padL;
            if (iy < 0 || ix < 0 || iy >= H || ix >= W) continue;
            if (depthwise) {
              const c = Math.floor(o / cm);
              s += x.data[(iy * W + ix) * C + c] * k.data[((dy * kw + dx) * C + c) * cm + (o % cm)];
            } else {
              for (let c = 0; c < C; c++)
                s += x.data[(iy * W + ix) * C + c] * k.data[((dy * kw + dx) * C + c) * cm + o];
            }
          }
        out[(oy * ow + ox) * oc + o] = s;
      }
  return { shape: [1, oh, ow, oc], data: out };
}

const map = (x: T, f: (v: number, i: number) => number): T => ({
  shape: x.shape,
  data: x.data.map(f),
});
const relu6 = (v: number) => Math.min(Math.max(v, 0), 6);

function meanHW(x: T): T {
  const [, H, W, C] = x.shape;
  const out = new Float32Array(C);
  for (let i = 0; i < H * W; i++) for (let c = 0; c < C; c++) out[c] += x.data[i * C + c] / (H * W);
  return { shape: [1, 1, 1, C], data: out };
}

function maxPool2(x: T): T {
  const [, H, W, C] = x.shape;
  const oh = H >> 1;
  const ow = W >> 1;
  const out = new Float32Array(oh * ow * C).fill(-Infinity);
  for (let y = 0; y < oh * 2; y++)
    for (let xx = 0; xx < ow * 2; xx++)
      for (let c = 0; c < C; c++) {
        const o = ((y >> 1) * ow + (xx >> 1)) * C + c;
        out[o] = Math.max(out[o], x.data[(y * W + xx) * C + c]);
      }
  return { shape: [1, oh, ow, C], data: out };
}

// ---- the graph --------------------------------------------------------------------------------

const rand = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 0.5);
const f32 = (shape: number[], data: Float32Array): NamedTensor => ({
  shape,
  dtype: 'float32',
  data,
});
const i32 = (values: number[]): NamedTensor => ({
  shape: [values.length],
  dtype: 'int32',
  data: Int32Array.from(values),
});
const b64 = (s: string) => Buffer.from(s).toString('base64');

function tinyGraph() {
  const weights = new Map<string, NamedTensor>([
    ['k1', f32([3, 3, 2, 4], rand(72, 1))],
    ['b1', f32([4], rand(4, 2))],
    ['k2', f32([3, 3, 4, 1], rand(36, 3))],
    ['c', f32([], Float32Array.of(0.16662598))],
    ['three', f32([], Float32Array.of(3))],
    ['axes', i32([1, 2])],
    ['shape', i32([1, -1])],
  ]);
  const node = (name: string, op: string, input: string[], attr: TfNode['attr'] = {}): TfNode => ({
    name,
    op,
    input,
    attr,
  });
  const nodes: TfNode[] = [
    node('x', 'Placeholder', [], {
      shape: { shape: { dim: [{ size: '1' }, { size: '6' }, { size: '6' }, { size: '2' }] } },
    }),
    ...['k1', 'b1', 'k2', 'c', 'three', 'axes', 'shape'].map((n) => node(n, 'Const', [])),
    node('conv', '_FusedConv2D', ['x', 'k1', 'b1'], {
      strides: { list: { i: ['1', '1', '1', '1'] } },
      padding: { s: b64('SAME') },
      fused_ops: { list: { s: [b64('BiasAdd'), b64('Relu6')] } },
    }),
    node('dw', 'DepthwiseConv2dNative', ['conv', 'k2'], {
      strides: { list: { i: ['1', '2', '2', '1'] } },
      padding: { s: b64('SAME') },
    }),
    // hard-swish: c·x · relu6(x + 3)
    node('hs/mul', 'Mul', ['c', 'dw']),
    node('hs/add', 'AddV2', ['dw', 'three']),
    node('hs/relu6', 'Relu6', ['hs/add']),
    node('hs', 'Mul', ['hs/mul', 'hs/relu6']),
    // squeeze-excite style: mean over H, W, then multiply back (pending scale must survive)
    node('se/mean', 'Mean', ['hs', 'axes'], { keep_dims: { b: true } }),
    node('se', 'Mul', ['hs', 'se/mean']),
    node('pool', 'MaxPool', ['se'], {
      ksize: { list: { i: ['1', '2', '2', '1'] } },
      strides: { list: { i: ['1', '2', '2', '1'] } },
      padding: { s: b64('VALID') },
    }),
    node('flat', 'Reshape', ['pool', 'shape']),
    node('out4d', 'Identity', ['conv']),
  ];
  return { nodes: new Map(nodes.map((n) => [n.name, n])), weights };
}

function reference(input: T, w: Map<string, NamedTensor>) {
  const k1 = { shape: w.get('k1')!.shape, data: w.get('k1')!.data as Float32Array };
  const b1 = w.get('b1')!.data as Float32Array;
  const conv = map(conv2d(input, k1, 1, false), (v, i) => relu6(v + b1[i % 4]));
  const dw = conv2d(
    conv,
    { shape: w.get('k2')!.shape, data: w.get('k2')!.data as Float32Array },
    2,
    true,
  );
  const hs = map(dw, (v) => 0.16662598 * v * relu6(v + 3));
  const mean = meanHW(hs);
  const se = map(hs, (v, i) => v * mean.data[i % 4]);
  return { flat: maxPool2(se).data, conv: conv.data };
}

describe('TF graph → ONNX', () => {
  const input: T = { shape: [1, 6, 6, 2], data: rand(72, 9).map((v) => v * 4) };
  const nchw = new Float32Array(72);
  for (let y = 0; y < 6; y++)
    for (let x = 0; x < 6; x++)
      for (let c = 0; c < 2; c++) nchw[c * 36 + y * 6 + x] = input.data[(y * 6 + x) * 2 + c];

  for (const fuse of [false, true]) {
    it(`matches the NHWC reference (hard-swish fusion ${fuse ? 'on' : 'off'})`, async () => {
      const g = tinyGraph();
      const converted = convertTfGraph(g, {
        inputName: 'input',
        inputLayout: 'nchw',
        graphName: 'tiny',
        fuseHardSwish: fuse,
        outputs: [
          { tf: 'flat', name: 'flat', layout: 'nchw' },
          { tf: 'out4d', name: 'conv_nhwc', layout: 'nhwc' },
        ],
      });
      expect(converted.input.dims).toEqual([1, 2, 6, 6]);
      expect(converted.outputs).toEqual([
        { name: 'flat', dims: [1, 4] },
        { name: 'conv_nhwc', dims: [1, 6, 6, 4] },
      ]);
      if (fuse) expect(converted.ops._PictoHardSwish).toBe(1);
      const runner = await createOrtRunner(converted.bytes);
      const out = await runner.run({ input: { data: nchw, dims: [1, 2, 6, 6] } });
      await runner.close();
      const ref = reference(input, g.weights);
      for (let i = 0; i < ref.flat.length; i++)
        expect(out.flat.data[i]).toBeCloseTo(ref.flat[i], 5);
      for (let i = 0; i < ref.conv.length; i++)
        expect(out.conv_nhwc.data[i]).toBeCloseTo(ref.conv[i], 5);
    });
  }

  it('names the op when a graph uses something it cannot map', () => {
    const g = tinyGraph();
    g.nodes.set('flat', { name: 'flat', op: 'TopKV2', input: ['pool'] });
    expect(() =>
      convertTfGraph(g, {
        inputName: 'input',
        inputLayout: 'nchw',
        graphName: 't',
        outputs: [{ tf: 'flat', name: 'f', layout: 'nchw' }],
      }),
    ).toThrow(/TopKV2/);
  });

  it('is deterministic (the registry pins output hashes)', () => {
    const opts = {
      inputName: 'input',
      inputLayout: 'nchw' as const,
      graphName: 't',
      outputs: [{ tf: 'flat', name: 'f', layout: 'nchw' as const }],
    };
    const a = convertTfGraph(tinyGraph(), opts).bytes;
    const b = convertTfGraph(tinyGraph(), opts).bytes;
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});
