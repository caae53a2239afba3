// TF ops with spatial semantics (convolutions, pooling, resizing, padding) → ONNX, all in NCHW.

import type { OnnxGraphBuilder } from './onnx-builder.js';
import { attrBool, attrFloat, attrInts, attrString, attrStrings, type TfNode } from './tf-graph.js';
import { nchwAxis, transposeArray, type Value, type ValueStore } from './tf-values.js';

export interface OpContext {
  b: OnnxGraphBuilder;
  values: ValueStore;
  node: TfNode;
  /** Data inputs (control dependencies removed), as value refs. */
  inputs: string[];
}

export type OpHandler = (ctx: OpContext) => Value;

/** TF SAME/VALID/EXPLICIT padding → ONNX [top, left, bottom, right] and the output size. */
export function spatialPadding(
  padding: string,
  inHW: [number, number],
  kernelHW: [number, number],
  strides: [number, number],
  dilations: [number, number],
  explicit?: number[],
): { pads: number[]; outHW: [number, number] } {
  const begin: number[] = [];
  const end: number[] = [];
  const out: number[] = [];
  for (let d = 0; d < 2; d++) {
    const effK = (kernelHW[d] - 1) * dilations[d] + 1;
    let pb = 0;
    let pe = 0;
    if (padding === 'SAME') {
      const o = Math.ceil(inHW[d] / strides[d]);
      const total = Math.max((o - 1) * strides[d] + effK - inHW[d], 0);
      pb = Math.floor(total / 2); // TF puts the odd pixel at the end, like ONNX SAME_UPPER
      pe = total - pb;
    } else if (padding === 'EXPLICIT') {
      if (!explicit || explicit.length !== 8)
        throw new Error('EXPLICIT padding without 8 explicit_paddings');
      pb = explicit[2 + 2 * d];
      pe = explicit[3 + 2 * d];
    } else if (padding !== 'VALID') {
      throw new Error(`unsupported padding ${padding}`);
    }
    begin.push(pb);
    end.push(pe);
    out.push(Math.floor((inHW[d] + pb + pe - effK) / strides[d]) + 1);
  }
  return { pads: [...begin, ...end], outHW: [out[0], out[1]] };
}

const hw = (list: number[] | undefined, fallback: number): [number, number] =>
  list && list.length === 4 ? [list[1], list[2]] : [fallback, fallback];

/** Activation named in `fused_ops` (or a standalone activation op) applied to `x`. */
export function applyActivation(
  b: OnnxGraphBuilder,
  x: string,
  act: string,
  node: TfNode,
  extra?: string,
): string {
  switch (act) {
    case 'Relu':
      return b.node('Relu', [x]);
    case 'Relu6':
      return b.node('Clip', [
        x,
        b.initFloat('zero', [], new Float32Array([0])),
        b.initFloat('six', [], new Float32Array([6])),
      ]);
    case 'Elu':
      return b.node('Elu', [x]);
    case 'Sigmoid':
      return b.node('Sigmoid', [x]);
    case 'Tanh':
      return b.node('Tanh', [x]);
    case 'LeakyRelu':
      return b.node('LeakyRelu', [x], {
        alpha: { float: attrFloat(node, 'leakyrelu_alpha') ?? attrFloat(node, 'alpha') ?? 0.2 },
      });
    case 'Prelu':
      if (!extra) throw new Error(`${node.name}: Prelu without alpha`);
      return b.node('PRelu', [x, extra]);
    default:
      throw new Error(`${node.name}: unsupported fused activation ${act}`);
  }
}

/** Conv2D, DepthwiseConv2dNative and their fused variants. */
export const convolution: OpHandler = ({ b, values, node, inputs }) => {
  const depthwise = node.op.includes('Depthwise');
  const x = values.get(inputs[0]);
  const kernel = values.constantOf(inputs[1], node.name);
  const [kh, kw, ci, cm] = kernel.shape;
  const strides = hw(attrInts(node, 'strides'), 1);
  const dilations = hw(attrInts(node, 'dilations'), 1);
  const { pads, outHW } = spatialPadding(
    attrString(node, 'padding') ?? 'VALID',
    [x.shape[1], x.shape[2]],
    [kh, kw],
    strides,
    dilations,
    attrInts(node, 'explicit_paddings'),
  );
  const format = attrString(node, 'data_format');
  if (format && format !== 'NHWC')
    throw new Error(`${node.name}: data_format ${format} not supported`);

  // HWIO → OIHW; depthwise H×W×C×M → (C·M)×1×H×W with group = C (output channel c·M + m).
  // A pending input scale (see [Note: hard-swish]) is absorbed here: conv(k·x) = conv_{k·W}(x).
  const { name: xName, scale: inScale } = values.nchwScaled(x, node.name);
  const kernelData =
    inScale === 1
      ? (kernel.data as Float32Array)
      : (kernel.data as Float32Array).map((w) => w * inScale);
  const weights = depthwise
    ? transposeArray(kernelData, [kh, kw, ci * cm], [2, 0, 1])
    : transposeArray(kernelData, [kh, kw, ci, cm], [3, 2, 0, 1]);
  const outChannels = depthwise ? ci * cm : cm;
  const weightDims = depthwise ? [ci * cm, 1, kh, kw] : [cm, ci, kh, kw];

  const fused =
    node.op.startsWith('_Fused') || node.op.startsWith('Fused')
      ? attrStrings(node, 'fused_ops')
      : [];
  const args = inputs.slice(2).map((r) => values.get(r));
  let bias: Float32Array | undefined;
  let activation: string | undefined;
  let extraArg: Value | undefined;
  if (fused[0] === 'BiasAdd') {
    bias = new Float32Array(args[0].constant!.data as Float32Array);
    activation = fused[1];
    extraArg = args[1];
  } else if (fused[0] === 'FusedBatchNorm') {
    // Fold y = (conv − mean)·scale/√(var+ε) + offset into the kernel and a bias.
    const [scale, offset, mean, variance] = args
      .slice(0, 4)
      .map((a) => a.constant!.data as Float32Array);
    const eps = attrFloat(node, 'epsilon') ?? 0.001;
    bias = new Float32Array(outChannels);
    const per = weights.length / outChannels;
    for (let o = 0; o < outChannels; o++) {
      const k = scale[o] / Math.sqrt(variance[o] + eps);
      for (let j = 0; j < per; j++) weights[o * per + j] *= k;
      bias[o] = offset[o] - mean[o] * k;
    }
    activation = fused[1];
    extraArg = args[4];
  } else if (fused.length > 0) {
    throw new Error(`${node.name}: unsupported fused_ops ${fused.join('+')}`);
  }

  const convInputs = [xName, b.initFloat(`${node.name}/W`, weightDims, weights)];
  if (bias) convInputs.push(b.initFloat(`${node.name}/B`, [outChannels], bias));
  let out = b.node('Conv', convInputs, {
    kernel_shape: [kh, kw],
    strides,
    dilations,
    pads,
    group: depthwise ? ci : 1,
  });
  if (activation) {
    const extra = extraArg ? values.constantFor(extraArg, 'nchw', `${node.name}/alpha`) : undefined;
    out = applyActivation(b, out, activation, node, extra);
  }
  return { shape: [x.shape[0], outHW[0], outHW[1], outChannels], layout: 'nchw', onnx: out };
};

export const pooling: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const kernel = hw(attrInts(node, 'ksize'), 1);
  const strides = hw(attrInts(node, 'strides'), 1);
  const { pads, outHW } = spatialPadding(
    attrString(node, 'padding') ?? 'VALID',
    [x.shape[1], x.shape[2]],
    kernel,
    strides,
    [1, 1],
  );
  // ONNX MaxPool ignores padded cells and AveragePool (count_include_pad = 0) leaves them out of
  // the mean: both match TF's SAME semantics.
  const op = node.op === 'MaxPool' ? 'MaxPool' : 'AveragePool';
  const { name, scale } = values.nchwScaled(x, node.name); // positive scales commute with pooling
  const out = b.node(op, [name], { kernel_shape: kernel, strides, pads });
  return { shape: [x.shape[0], outHW[0], outHW[1], x.shape[3]], layout: 'nchw', onnx: out, scale };
};

export const resize: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const size = Array.from(values.constantOf(inputs[1], node.name).data);
  const alignCorners = attrBool(node, 'align_corners');
  const halfPixel = attrBool(node, 'half_pixel_centers');
  const bilinear = node.op === 'ResizeBilinear';
  const attrs: Record<string, string> = bilinear
    ? {
        mode: 'linear',
        coordinate_transformation_mode: alignCorners
          ? 'align_corners'
          : halfPixel
            ? 'half_pixel'
            : 'asymmetric',
      }
    : {
        mode: 'nearest',
        coordinate_transformation_mode: alignCorners
          ? 'align_corners'
          : halfPixel
            ? 'tf_half_pixel_for_nn'
            : 'asymmetric',
        nearest_mode: alignCorners ? 'round_prefer_ceil' : 'floor',
      };
  const sizes = b.initInt64(`${node.name}/sizes`, [x.shape[0], x.shape[3], size[0], size[1]]);
  const { name, scale } = values.nchwScaled(x, node.name); // interpolation is linear
  const out = b.node('Resize', [name, '', '', sizes], attrs);
  return { shape: [x.shape[0], size[0], size[1], x.shape[3]], layout: 'nchw', onnx: out, scale };
};

export const pad: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const paddings = Array.from(values.constantOf(inputs[1], node.name).data);
  const rank = x.shape.length;
  const begins: number[] = new Array<number>(rank).fill(0);
  const ends: number[] = new Array<number>(rank).fill(0);
  for (let axis = 0; axis < rank; axis++) {
    const phys = x.layout === 'nchw' ? nchwAxis(axis) : axis;
    begins[phys] = paddings[2 * axis];
    ends[phys] = paddings[2 * axis + 1];
  }
  // Zero padding commutes with a pending scale; a constant value or mirroring does not need to
  // care either (mirrored values are scaled alike) — except PadV2's explicit fill value.
  const keepScale = x.layout === 'nchw' && node.op !== 'PadV2';
  const { name, scale } = keepScale
    ? values.nchwScaled(x, node.name)
    : {
        name: x.layout === 'nchw' ? values.nchw(x, node.name) : values.plain(x, node.name),
        scale: 1,
      };
  const ins = [name, b.initInt64(`${node.name}/pads`, [...begins, ...ends])];
  const attrs: Record<string, string> = {};
  if (node.op === 'PadV2') {
    ins.push(values.constantFor(values.get(inputs[2]), 'plain', `${node.name}/value`));
  } else if (node.op === 'MirrorPad') {
    if (attrString(node, 'mode') !== 'REFLECT')
      throw new Error(`${node.name}: only REFLECT MirrorPad is supported`);
    attrs.mode = 'reflect';
  }
  const out = b.node('Pad', ins, attrs);
  const shape = x.shape.map((d, i) => d + paddings[2 * i] + paddings[2 * i + 1]);
  return { shape, layout: x.layout, onnx: out, scale };
};
