// face-api's FaceLandmark68Net as ONNX, rebuilt from the weight names in its manifest.
//
// Architecture (facts from face-api's source): input 112×112 RGB, minus mean RGB
// (122.782, 117.001, 104.298), divided by 255; four "dense blocks" of four convolutions each —
// the first conv of a block has stride 2 (a plain 3×3 conv in block 0, depthwise-separable in
// the others), the rest are separable 3×3 — whose outputs are summed densely with ReLUs
// in between; a 7×7/2 average pool; a fully connected layer to 136 values = 68 (x, y) pairs
// in 0..1 relative to the (square) input.

import { OnnxGraphBuilder } from './onnx-builder.js';
import { add, conv, normaliseInput, pool, relu, weight, type FeatureMap } from './nchw-layers.js';
import type { WeightMap } from './tfjs-weights.js';

export const LANDMARK_INPUT = 112;
const MEAN_RGB: [number, number, number] = [122.782, 117.001, 104.298];

function separable(
  b: OnnxGraphBuilder,
  w: WeightMap,
  x: FeatureMap,
  prefix: string,
  stride: number,
): FeatureMap {
  const dw = conv(b, x, weight(w, `${prefix}/depthwise_filter`), undefined, {
    stride,
    padding: 'SAME',
    depthwise: true,
    hint: `${prefix}/dw`,
  });
  const bias = weight(w, `${prefix}/bias`).data as Float32Array;
  return conv(b, dw, weight(w, `${prefix}/pointwise_filter`), bias, {
    stride: 1,
    padding: 'SAME',
    hint: `${prefix}/pw`,
  });
}

function denseBlock(
  b: OnnxGraphBuilder,
  w: WeightMap,
  x: FeatureMap,
  prefix: string,
  first: boolean,
): FeatureMap {
  const out1 = relu(
    b,
    first
      ? conv(
          b,
          x,
          weight(w, `${prefix}/conv0/filters`),
          weight(w, `${prefix}/conv0/bias`).data as Float32Array,
          {
            stride: 2,
            padding: 'SAME',
            hint: `${prefix}/conv0`,
          },
        )
      : separable(b, w, x, `${prefix}/conv0`, 2),
  );
  const out2 = separable(b, w, out1, `${prefix}/conv1`, 1);
  const in3 = relu(b, add(b, out1, out2));
  const out3 = separable(b, w, in3, `${prefix}/conv2`, 1);
  const in4 = relu(b, add(b, out1, add(b, out2, out3)));
  const out4 = separable(b, w, in4, `${prefix}/conv3`, 1);
  return relu(b, add(b, out1, add(b, out2, add(b, out3, out4))));
}

export function buildLandmarkNet(weights: WeightMap, metadata: Record<string, string>): Uint8Array {
  const b = new OnnxGraphBuilder('face_landmark_68');
  const input = b.input('input', ['N', 3, LANDMARK_INPUT, LANDMARK_INPUT]);
  let x: FeatureMap = {
    name: normaliseInput(b, input, MEAN_RGB),
    c: 3,
    h: LANDMARK_INPUT,
    w: LANDMARK_INPUT,
  };
  x = denseBlock(b, weights, x, 'dense0', true);
  x = denseBlock(b, weights, x, 'dense1', false);
  x = denseBlock(b, weights, x, 'dense2', false);
  x = denseBlock(b, weights, x, 'dense3', false);
  x = pool(b, x, 'AveragePool', 7, 2);
  const flat = b.node('Flatten', [x.name], { axis: 1 });
  const fcW = weight(weights, 'fc/weights');
  const fcB = weight(weights, 'fc/bias');
  const mm = b.node('MatMul', [flat, b.initFloat('fc/W', fcW.shape, fcW.data as Float32Array)]);
  b.node('Add', [mm, b.initFloat('fc/B', fcB.shape, fcB.data as Float32Array)], {}, ['landmarks']);
  b.output('landmarks', ['N', 136]);
  return b.build(metadata).bytes;
}
