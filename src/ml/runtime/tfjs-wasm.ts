// The TFJS reference path on the wasm backend. Production runs every model on onnxruntime; this
// path exists (a) as the reference the parity tests compare each converted model against and
// (b) as a fallback a stage can be switched to (`runtimes` then reports 'tfjs-wasm').
// It is imported lazily, so workers that never use it never load tfjs.
//
// Loading traps (see docs/models.md): requiring face-api's package root resolves to a tfjs-node
// build and crashes, so face-api comes from its node-wasm bundle, which shares our tfjs engine;
// the wasm binaries must come from the installed package (setWasmPaths), never from a CDN.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import type { WeightGroup } from '../convert/tfjs-weights.js';
import type { ModelRunner, TensorData } from './runner.js';

type Tf = typeof TF;
const require = createRequire(import.meta.url);
let tfPromise: Promise<Tf> | undefined;

/** The tfjs module with the wasm backend active (initialised once per thread). */
export function loadTfjsWasm(): Promise<Tf> {
  tfPromise ??= (async () => {
    const tf = (await import('@tensorflow/tfjs')) as unknown as Tf;
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    wasm.setWasmPaths(wasmDir + path.sep);
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
    await tf.ready();
    return tf;
  })();
  return tfPromise;
}

function readShards(
  groups: WeightGroup[],
  dir: string,
): { specs: TF.io.WeightsManifestEntry[]; data: ArrayBuffer } {
  const specs = groups.flatMap((g) => g.weights) as TF.io.WeightsManifestEntry[];
  const buf = Buffer.concat(
    groups.flatMap((g) => g.paths.map((p) => readFileSync(path.join(dir, p)))),
  );
  return {
    specs,
    data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer,
  };
}

const nchwToNhwc = (tf: Tf, t: TensorData): TF.Tensor4D =>
  tf.tidy(() =>
    tf.transpose(tf.tensor4d(t.data, t.dims as [number, number, number, number]), [0, 2, 3, 1]),
  );

export interface TfjsGraphOutput {
  tf: string;
  name: string;
  layout: 'nchw' | 'nhwc';
}

/** A TFJS graph model fed and read with the same NCHW contract as its ONNX conversion. */
export async function createTfjsGraphRunner(
  modelJsonPath: string,
  inputName: string,
  outputs: TfjsGraphOutput[],
): Promise<ModelRunner> {
  const tf = await loadTfjsWasm();
  const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as {
    modelTopology: object;
    weightsManifest: WeightGroup[];
  };
  const { specs, data } = readShards(json.weightsManifest, path.dirname(modelJsonPath));
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: data }),
  );
  const placeholder = model.inputs[0].name;
  return {
    runtime: 'tfjs-wasm',
    async run(feeds) {
      const x = nchwToNhwc(tf, feeds[inputName]);
      const res = model.execute(
        { [placeholder]: x },
        outputs.map((o) => o.tf),
      );
      const list = Array.isArray(res) ? res : [res];
      const out: Record<string, TensorData> = {};
      for (let i = 0; i < outputs.length; i++) {
        let t = list[i];
        if (t.rank === 4 && outputs[i].layout === 'nchw') {
          const n = tf.transpose(t, [0, 3, 1, 2]);
          t.dispose();
          t = n;
        }
        out[outputs[i].name] = { data: (await t.data()) as Float32Array, dims: t.shape };
        t.dispose();
      }
      x.dispose();
      return out;
    },
    async close() {
      model.dispose();
    },
  };
}

export type FaceApiNetKind = 'landmarks68' | 'recognition';

/**
 * face-api's own FaceLandmark68Net / FaceRecognitionNet on a batch of square crops already at the
 * net's input size (112 / 150), so face-api's pad-and-resize step is the identity and the raw
 * outputs (136 landmark coordinates in 0..1, 128 descriptor values) are comparable to ONNX.
 */
export async function createFaceApiRunner(
  kind: FaceApiNetKind,
  manifestPath: string,
  inputName: string,
  outputName: string,
): Promise<ModelRunner> {
  const tf = await loadTfjsWasm();
  const faceapi =
    (await import('@vladmandic/face-api/dist/face-api.node-wasm.js')) as unknown as FaceApiModule;
  const groups = JSON.parse(readFileSync(manifestPath, 'utf8')) as WeightGroup[];
  const { specs, data } = readShards(groups, path.dirname(manifestPath));
  const weightMap = tf.io.decodeWeights(data, specs);
  const net =
    kind === 'landmarks68' ? new faceapi.FaceLandmark68Net() : new faceapi.FaceRecognitionNet();
  net.loadFromWeightMap(weightMap);
  return {
    runtime: 'tfjs-wasm',
    async run(feeds) {
      const input = feeds[inputName];
      const [n, , h, w] = input.dims;
      const x = nchwToNhwc(tf, input);
      const rows: Float32Array[] = [];
      for (let i = 0; i < n; i++) {
        const one = tf.slice(x, [i, 0, 0, 0], [1, h, w, 3]);
        const y = (await net.forward(one)) as TF.Tensor;
        rows.push((await y.data()) as Float32Array);
        y.dispose();
        one.dispose();
      }
      x.dispose();
      const width = rows[0]?.length ?? 0;
      const dataOut = new Float32Array(n * width);
      rows.forEach((r, i) => dataOut.set(r, i * width));
      return { [outputName]: { data: dataOut, dims: [n, width] } };
    },
    async close() {
      net.dispose();
    },
  };
}

interface FaceApiNet {
  loadFromWeightMap(map: TF.NamedTensorMap): void;
  forward(input: TF.Tensor): Promise<TF.Tensor>;
  dispose(): void;
}

interface FaceApiModule {
  FaceLandmark68Net: new () => FaceApiNet;
  FaceRecognitionNet: new () => FaceApiNet;
}
