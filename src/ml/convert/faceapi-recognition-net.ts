// face-api's FaceRecognitionNet — dlib's 128-d face descriptor, a ResNet-34-style network — as
// ONNX, rebuilt from the weight names in its manifest.
//
// Architecture (facts from face-api's source, which ports dlib's net): input 150×150 RGB minus
// mean RGB (122.782, 117.001, 104.298), divided by 255. Every conv layer is conv + bias, then a
// per-channel affine "scale" layer (x·w + b), optionally ReLU. Stem: 7×7/2 VALID conv (32) and
// 3×3/2 max pool. Residual blocks: conv → conv(no ReLU) + identity, ReLU. Down blocks: the first
// conv is 3×3/2 VALID; the shortcut is a 2×2/2 average pool, zero-padded with extra channels
// (appended) when the width doubles, and the conv branch gets a zero row/column appended when
// its spatial size comes out one smaller. Head: global mean, then a 256×128 matrix, no bias.
// The descriptor is NOT normalised in the graph; callers L2-normalise it.

import { OnnxGraphBuilder } from './onnx-builder.js';
import {
  add,
  conv,
  normaliseInput,
  padEnd,
  pool,
  relu,
  weight,
  type FeatureMap,
} from './nchw-layers.js';
import type { NamedTensor, WeightMap } from './tfjs-weights.js';

export const DESCRIPTOR_INPUT = 150;
const MEAN_RGB: [number, number, number] = [122.782, 117.001, 104.298];

/**
 * conv + bias + scale layer, with the scale folded into the kernel and bias:
 * (W∗x + c)·s + t = (W·s)∗x + (c·s + t). Saves two element-wise passes per layer.
 */
function convScale(
  b: OnnxGraphBuilder,
  w: WeightMap,
  x: FeatureMap,
  prefix: string,
  stride: number,
  padding: 'SAME' | 'VALID',
  withRelu: boolean,
): FeatureMap {
  const filters = weight(w, `${prefix}/conv/filters`);
  const bias = weight(w, `${prefix}/conv/bias`).data as Float32Array;
  const s = weight(w, `${prefix}/scale/weights`).data as Float32Array;
  const t = weight(w, `${prefix}/scale/biases`).data as Float32Array;
  const [kh, kw, ci, co] = filters.shape;
  const src = filters.data as Float32Array;
  const folded = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) folded[i] = src[i] * s[i % co]; // HWIO: output channel is the fastest axis
  const foldedBias = new Float32Array(co);
  for (let o = 0; o < co; o++) foldedBias[o] = bias[o] * s[o] + t[o];
  const kernel: NamedTensor = { shape: [kh, kw, ci, co], dtype: 'float32', data: folded };
  const y = conv(b, x, kernel, foldedBias, { stride, padding, hint: prefix });
  return withRelu ? relu(b, y) : y;
}

function residual(b: OnnxGraphBuilder, w: WeightMap, x: FeatureMap, prefix: string): FeatureMap {
  let out = convScale(b, w, x, `${prefix}/conv1`, 1, 'SAME', true);
  out = convScale(b, w, out, `${prefix}/conv2`, 1, 'SAME', false);
  return relu(b, add(b, out, x));
}

function residualDown(
  b: OnnxGraphBuilder,
  w: WeightMap,
  x: FeatureMap,
  prefix: string,
): FeatureMap {
  let out = convScale(b, w, x, `${prefix}/conv1`, 2, 'VALID', true);
  out = convScale(b, w, out, `${prefix}/conv2`, 1, 'SAME', false);
  let pooled = pool(b, x, 'AveragePool', 2, 2);
  out = padEnd(b, out, 0, pooled.h - out.h, pooled.w - out.w, `${prefix}/pad_hw`);
  pooled = padEnd(b, pooled, out.c - pooled.c, 0, 0, `${prefix}/pad_c`);
  return relu(b, add(b, pooled, out));
}

export function buildRecognitionNet(
  weights: WeightMap,
  metadata: Record<string, string>,
): Uint8Array {
  const b = new OnnxGraphBuilder('face_recognition_dlib');
  const input = b.input('input', ['N', 3, DESCRIPTOR_INPUT, DESCRIPTOR_INPUT]);
  let x: FeatureMap = {
    name: normaliseInput(b, input, MEAN_RGB),
    c: 3,
    h: DESCRIPTOR_INPUT,
    w: DESCRIPTOR_INPUT,
  };
  x = convScale(b, weights, x, 'conv32_down', 2, 'VALID', true);
  x = pool(b, x, 'MaxPool', 3, 2);
  for (const p of ['conv32_1', 'conv32_2', 'conv32_3']) x = residual(b, weights, x, p);
  x = residualDown(b, weights, x, 'conv64_down');
  for (const p of ['conv64_1', 'conv64_2', 'conv64_3']) x = residual(b, weights, x, p);
  x = residualDown(b, weights, x, 'conv128_down');
  for (const p of ['conv128_1', 'conv128_2']) x = residual(b, weights, x, p);
  x = residualDown(b, weights, x, 'conv256_down');
  for (const p of ['conv256_1', 'conv256_2']) x = residual(b, weights, x, p);
  x = residualDown(b, weights, x, 'conv256_down_out');
  const pooled = b.node('ReduceMean', [x.name], { axes: [2, 3], keepdims: 0 });
  const fc = weight(weights, 'fc');
  b.node('MatMul', [pooled, b.initFloat('fc/W', fc.shape, fc.data as Float32Array)], {}, [
    'descriptor',
  ]);
  b.output('descriptor', ['N', 128]);
  return b.build(metadata).bytes;
}
