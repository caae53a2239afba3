// Layer helpers for networks built by hand from named TF-layout weights (face-api's nets), emitted
// as NCHW ONNX with static spatial shapes so SAME padding can be resolved at conversion time.

import type { OnnxGraphBuilder } from './onnx-builder.js';
import { spatialPadding } from './tf-ops-spatial.js';
import type { NamedTensor, WeightMap } from './tfjs-weights.js';
import { transposeArray } from './tf-values.js';

/** A feature map: ONNX value name plus its channel count and spatial size (batch is dynamic). */
export interface FeatureMap {
  name: string;
  c: number;
  h: number;
  w: number;
}

export function weight(map: WeightMap, key: string): NamedTensor {
  const t = map.get(key);
  if (!t) throw new Error(`weight ${key} is missing from the manifest`);
  return t;
}

export interface ConvOptions {
  stride: number;
  padding: 'SAME' | 'VALID';
  /** Kernel is H×W×C×1 depthwise (face-api's separable convs). */
  depthwise?: boolean;
  hint: string;
}

/** Convolution with a TF-layout kernel (HWIO, or HWC1 for depthwise) and optional per-channel bias. */
export function conv(
  b: OnnxGraphBuilder,
  x: FeatureMap,
  kernel: NamedTensor,
  bias: Float32Array | undefined,
  o: ConvOptions,
): FeatureMap {
  const [kh, kw, ci, co] = kernel.shape;
  const src = kernel.data as Float32Array;
  const w = o.depthwise
    ? transposeArray(src, [kh, kw, ci], [2, 0, 1])
    : transposeArray(src, [kh, kw, ci, co], [3, 2, 0, 1]);
  const outC = o.depthwise ? ci : co;
  const { pads, outHW } = spatialPadding(
    o.padding,
    [x.h, x.w],
    [kh, kw],
    [o.stride, o.stride],
    [1, 1],
  );
  const inputs = [
    x.name,
    b.initFloat(`${o.hint}/W`, o.depthwise ? [ci, 1, kh, kw] : [co, ci, kh, kw], w),
  ];
  if (bias) inputs.push(b.initFloat(`${o.hint}/B`, [outC], bias));
  const name = b.node('Conv', inputs, {
    kernel_shape: [kh, kw],
    strides: [o.stride, o.stride],
    pads,
    group: o.depthwise ? ci : 1,
  });
  return { name, c: outC, h: outHW[0], w: outHW[1] };
}

export const relu = (b: OnnxGraphBuilder, x: FeatureMap): FeatureMap => ({
  ...x,
  name: b.node('Relu', [x.name]),
});

export const add = (b: OnnxGraphBuilder, x: FeatureMap, y: FeatureMap): FeatureMap => ({
  ...x,
  name: b.node('Add', [x.name, y.name]),
});

export function pool(
  b: OnnxGraphBuilder,
  x: FeatureMap,
  op: 'MaxPool' | 'AveragePool',
  k: number,
  stride: number,
): FeatureMap {
  const { pads, outHW } = spatialPadding('VALID', [x.h, x.w], [k, k], [stride, stride], [1, 1]);
  const name = b.node(op, [x.name], { kernel_shape: [k, k], strides: [stride, stride], pads });
  return { name, c: x.c, h: outHW[0], w: outHW[1] };
}

/** Zero padding appended after the existing channels / rows / columns. */
export function padEnd(
  b: OnnxGraphBuilder,
  x: FeatureMap,
  dc: number,
  dh: number,
  dw: number,
  hint: string,
): FeatureMap {
  if (dc === 0 && dh === 0 && dw === 0) return x;
  const pads = b.initInt64(`${hint}/pads`, [0, 0, 0, 0, 0, dc, dh, dw]);
  return { name: b.node('Pad', [x.name, pads]), c: x.c + dc, h: x.h + dh, w: x.w + dw };
}

/** face-api's input normalisation: subtract the mean RGB, then divide by 255. */
export function normaliseInput(
  b: OnnxGraphBuilder,
  input: string,
  meanRgb: [number, number, number],
): string {
  const mean = b.initFloat('mean_rgb', [1, 3, 1, 1], new Float32Array(meanRgb));
  const scale = b.initFloat('div_255', [], new Float32Array([255]));
  return b.node('Div', [b.node('Sub', [input, mean]), scale]);
}
