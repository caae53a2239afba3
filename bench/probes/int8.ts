// Float vs int8 (QDQ) models: CPU per inference on one thread, what onnxruntime's optimiser made of
// the QDQ graph (integer kernels per op type), and how far the int8 outputs move on real inputs.
//   node dist/bench/probes/int8.js [runs]        (models: the committed calibration ranges)
// The output comparison uses corpus/objects photos through the analyzer's pre-processing.

import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { CALIBRATION } from '../../src/ml/convert/calibration/index.js';
import { convertFloatModel } from '../../src/ml/convert/convert-model.js';
import { quantizeModel, type QuantizeOptions } from '../../src/ml/convert/qdq-graph.js';
import { buildPyramid, RGB_255, sampleAffine } from '../../src/ml/image/pyramid.js';
import { letterbox, letterboxToSource } from '../../src/ml/image/letterbox.js';
import { verifiedSourceDir } from '../../src/ml/model-store.js';
import { MODELS, type ModelId } from '../../src/ml/registry.js';
import { log, median, r1 } from './common.js';
import { cpuMsPerRun } from './ort-options.js';

const corpus = process.env.PICTO_CORPUS ?? '/work/shared/corpus';

async function inputsFor(id: ModelId, n: number): Promise<Float32Array[]> {
  const dir = path.join(corpus, 'objects', 'coco128', 'images');
  const files = readdirSync(dir).sort().slice(0, n);
  const size = id === 'centernet' ? 512 : 256;
  const out: Float32Array[] = [];
  for (const f of files) {
    const { data, info } = await sharp(path.join(dir, f))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pyr = buildPyramid({
      data: new Uint8Array(data),
      width: info.width,
      height: info.height,
      channels: 3,
    });
    const lb = letterbox(info.width, info.height, size);
    const input = new Float32Array(3 * size * size);
    const map = id === 'centernet' ? RGB_255 : { mul: 1 / 127.5, add: -1, fill: 0 };
    sampleAffine(pyr, letterboxToSource(lb), size, size, map, input);
    out.push(input);
  }
  return out;
}

function opCounts(file: string): Record<string, number> {
  const m = onnxProto.onnx.ModelProto.decode(readFileSync(file));
  const c: Record<string, number> = {};
  for (const n of m.graph!.node!) c[n.opType!] = (c[n.opType!] ?? 0) + 1;
  return c;
}

export async function int8Probe(runs: number, variants: Record<string, QuantizeOptions>) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-probe-int8-'));
  const result: Record<string, unknown> = {};
  try {
    for (const id of ['centernet', 'blazeface'] as ModelId[]) {
      const spec = MODELS[id];
      const float = convertFloatModel(spec, verifiedSourceDir(spec));
      const models: Record<string, Uint8Array> = { float };
      for (const [name, o] of Object.entries(variants))
        models[name] = quantizeModel(float, CALIBRATION[id]!, o);
      const sessions: Record<string, ort.InferenceSession> = {};
      const ops: Record<string, Record<string, number>> = {};
      for (const [name, bytes] of Object.entries(models)) {
        const optimized = path.join(tmp, `${id}-${name}.onnx`);
        sessions[name] = await ort.InferenceSession.create(bytes, {
          intraOpNumThreads: 1,
          interOpNumThreads: 1,
          graphOptimizationLevel: 'all',
          optimizedModelFilePath: optimized,
        });
        ops[name] = opCounts(optimized);
      }
      const inputs = await inputsFor(id, 8);
      const dims = [1, 3, id === 'centernet' ? 512 : 256, id === 'centernet' ? 512 : 256];
      const feeds = inputs.map((x) => ({ input: new ort.Tensor('float32', x, dims) }));
      // Output drift on real inputs.
      const drift: Record<string, Record<string, number>> = {};
      for (const f of feeds) {
        const ref = await sessions.float.run(f);
        for (const name of Object.keys(variants)) {
          const q = await sessions[name].run(f);
          for (const [k, t] of Object.entries(ref)) {
            const a = t.data as Float32Array;
            const b = q[k].data as Float32Array;
            let max = 0;
            for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
            drift[name] ??= {};
            drift[name][k] = Math.max(drift[name][k] ?? 0, r1(max * 1000) / 1000);
          }
        }
      }
      const samples: Record<string, number[]> = {};
      for (const s of Object.values(sessions)) for (let i = 0; i < 3; i++) await s.run(feeds[0]);
      const names = Object.keys(sessions);
      for (let r = 0; r < runs; r++)
        for (let k = 0; k < names.length; k++) {
          const name = names[(k + r) % names.length];
          (samples[name] ??= []).push(
            (await cpuMsPerRun(sessions[name], feeds[r % feeds.length])).cpu,
          );
        }
      result[id] = {
        cpuMsMedian: Object.fromEntries(names.map((n) => [n, r1(median(samples[n]))])),
        maxAbsOutputDrift: drift,
        optimizedOps: ops,
      };
      log(`${id}: ${JSON.stringify((result[id] as { cpuMsMedian: unknown }).cpuMsMedian)}`);
      for (const s of Object.values(sessions)) await s.release();
    }
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('int8.js')) {
  const runs = Number(process.argv[2] ?? 30);
  const out = await int8Probe(runs, { int8: {}, 'int8+heads': { quantizeHeads: true } });
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}
