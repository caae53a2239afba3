// One interface over the two runtimes, so detectors do not care which one executes a model and
// parity tests can feed the same tensors to both.

import type { Runtime } from '../types.js';

export type { Runtime };

export interface TensorData {
  data: Float32Array;
  dims: number[];
}

export interface ModelRunner {
  readonly runtime: Runtime;
  /** Input tensors by ONNX input name; outputs by ONNX output name (same contract on both runtimes). */
  run(feeds: Record<string, TensorData>): Promise<Record<string, TensorData>>;
  close(): Promise<void>;
}
