// onnxruntime-node CPU sessions. Bulk indexing runs two worker threads with one intra-op thread
// each: on two cores that beats one worker with two threads (the models are small, so thread
// synchronisation eats most of the gain), and it keeps a worker from starving the other.

// Loaded on first use: the main thread imports the ML front door for versions and status only,
// and must not pay for the native runtime.
type Ort = typeof import('onnxruntime-node');
let ortModule: Promise<Ort> | null = null;
const loadOrt = (): Promise<Ort> => (ortModule ??= import('onnxruntime-node'));
import type { ModelRunner, TensorData } from './runner.js';

export interface OrtOptions {
  /** Intra-op threads per session (default 1). */
  threads?: number;
}

export async function createOrtRunner(
  modelBytes: Uint8Array,
  opts: OrtOptions = {},
): Promise<ModelRunner> {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(modelBytes, {
    intraOpNumThreads: opts.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    executionProviders: ['cpu'],
  });
  return {
    runtime: 'onnxruntime',
    async run(feeds) {
      const inputs: Record<string, InstanceType<Ort['Tensor']>> = {};
      for (const [name, t] of Object.entries(feeds))
        inputs[name] = new ort.Tensor('float32', t.data, t.dims);
      const result = await session.run(inputs);
      const out: Record<string, TensorData> = {};
      for (const [name, t] of Object.entries(result)) {
        out[name] = { data: t.data as Float32Array, dims: t.dims.map(Number) };
      }
      return out;
    },
    async close() {
      await session.release();
    },
  };
}
