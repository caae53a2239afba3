// The arithmetic of 8-bit quantisation (ONNX QuantizeLinear / DequantizeLinear semantics):
// real = (q − zeroPoint) · scale. Pure functions, tested on hand-made values.
//
// [Note: int8 scheme] The scheme onnxruntime's CPU kernels run fastest on x86 (u8s8: VNNI's
// vpdpbusd multiplies unsigned activations by signed weights):
//   - weights: int8, symmetric (zero point 0), one scale per output channel, so a channel with
//     small weights keeps its precision next to one with large weights;
//   - activations: uint8, asymmetric, one scale per tensor, from a calibrated range that always
//     contains 0 (so 0 — padding, ReLU's floor — is exact);
//   - bias: int32 at scale activationScale · weightScale[c], zero point 0: the accumulator's own
//     scale, so the convolution adds it without rescaling.

export interface ActivationParams {
  scale: number;
  zeroPoint: number;
}

/** uint8 parameters for values in [min, max] (widened to contain 0; a degenerate range gets scale 1). */
export function activationParams(min: number, max: number): ActivationParams {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (!(hi > lo)) return { scale: 1, zeroPoint: 0 };
  const scale = (hi - lo) / 255;
  const zeroPoint = Math.min(255, Math.max(0, Math.round(-lo / scale)));
  return { scale, zeroPoint };
}

export interface ChannelQuantized {
  values: Int8Array;
  scales: Float32Array;
}

/**
 * Per-output-channel symmetric int8 of a weight tensor whose first dimension is the output
 * channel (ONNX Conv weights [M, C/group, kH, kW]). An all-zero channel gets scale 1.
 */
export function quantizeWeights(data: Float32Array, channels: number): ChannelQuantized {
  if (data.length % channels !== 0)
    throw new Error(`${data.length} weights do not split into ${channels} channels`);
  const per = data.length / channels;
  const values = new Int8Array(data.length);
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let amax = 0;
    for (let i = c * per; i < (c + 1) * per; i++) amax = Math.max(amax, Math.abs(data[i]));
    const scale = amax > 0 ? amax / 127 : 1;
    scales[c] = scale;
    for (let i = c * per; i < (c + 1) * per; i++)
      values[i] = Math.max(-127, Math.min(127, Math.round(data[i] / scale)));
  }
  return { values, scales };
}

/** int32 bias at scale inputScale · weightScales[c] (zero point 0). */
export function quantizeBias(
  bias: Float32Array,
  inputScale: number,
  weightScales: Float32Array,
): { values: Int32Array; scales: Float32Array } {
  const values = new Int32Array(bias.length);
  const scales = new Float32Array(bias.length);
  for (let c = 0; c < bias.length; c++) {
    const s = inputScale * weightScales[weightScales.length === 1 ? 0 : c];
    scales[c] = s;
    values[c] = Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.round(bias[c] / s)));
  }
  return { values, scales };
}

/**
 * The value below which `fraction` of |samples| lie on each side: a robust range for activations
 * whose extreme values are rare outliers (min/max would spend the 256 levels on them). `fraction`
 * 1 gives the plain min/max.
 */
export function percentileRange(samples: Float32Array, fraction: number): [number, number] {
  if (samples.length === 0) return [0, 0];
  if (fraction >= 1) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of samples) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return [lo, hi];
  }
  const sorted = Float32Array.from(samples).sort();
  const k = Math.floor((1 - fraction) * (sorted.length - 1));
  return [sorted[k], sorted[sorted.length - 1 - k]];
}
