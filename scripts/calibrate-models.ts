// Development tool: measure the activation ranges that int8 quantisation of a model needs, on real
// photos run through the analyzer's own pre-processing, and write them to
// src/ml/convert/calibration/<model>.ts (committed; provisioning reads them, so builds stay
// offline and deterministic). Run `npm run format` afterwards.
//   node dist/scripts/calibrate-models.js centernet blazeface [--fraction 0.9999]
//
// [Note: calibration photos] Calibration uses corpus/exif's camera photos (camera_jpeg/, gps/):
// real photos from 19 makers that the quality bars never look at. The sets the bars are measured
// on (corpus/objects, corpus/faces) are not used, so the int8 models are judged on photos they were
// not fitted to; the hidden holdout is never read.

import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { WORK_SIZE } from '../src/media/decode.js';
import type { RawImage } from '../src/media/types.js';
import { convertFloatModel } from '../src/ml/convert/convert-model.js';
import { percentileRange } from '../src/ml/convert/qdq-math.js';
import { tensorsToQuantize, withTensorOutputs } from '../src/ml/convert/qdq-graph.js';
import { DEFAULT_FACE_DETECT, detectFaceCandidates } from '../src/ml/faces/detect-faces.js';
import { buildPyramid } from '../src/ml/image/pyramid.js';
import { verifiedSourceDir } from '../src/ml/model-store.js';
import { detectObjectsIn } from '../src/ml/objects/detect-objects.js';
import { MODELS, type ModelId } from '../src/ml/registry.js';
import type { ModelRunner, TensorData } from '../src/ml/runtime/runner.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');
const args = process.argv.slice(2);
const fractionArg = args.indexOf('--fraction');
const FRACTION = fractionArg >= 0 ? Number(args[fractionArg + 1]) : 0.9999;
const ids = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--fraction') as ModelId[];
/** Values kept per tensor and run (strided), so large early layers do not swamp memory. */
const PER_RUN = 4096;

function calibrationPhotos(): string[] {
  const out: string[] = [];
  for (const dir of ['exif/camera_jpeg', 'exif/gps']) {
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.jpe?g$/i.test(e.name)) out.push(p);
      }
    };
    walk(path.join(corpus, dir));
  }
  return out.sort();
}

async function decode(file: string): Promise<RawImage | null> {
  try {
    const { data, info } = await sharp(file)
      .rotate()
      .resize({ width: WORK_SIZE, height: WORK_SIZE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || Math.min(info.width, info.height) < 16) return null;
    return { data: new Uint8Array(data), width: info.width, height: info.height, channels: 3 };
  } catch {
    return null; // a camera sample sharp cannot read is simply not used
  }
}

/** A runner over the calibration model that records the target tensors of every run. */
function recordingRunner(
  session: ort.InferenceSession,
  targets: string[],
  samples: Map<string, { values: number[]; min: number; max: number }>,
): ModelRunner {
  return {
    runtime: 'onnxruntime',
    async run(feeds) {
      const inputs: Record<string, ort.Tensor> = {};
      for (const [k, t] of Object.entries(feeds))
        inputs[k] = new ort.Tensor('float32', t.data, t.dims);
      const res = await session.run(inputs);
      for (const t of targets) {
        const data = (t in res ? res[t].data : inputs[t].data) as Float32Array;
        const s = samples.get(t) ?? { values: [], min: Infinity, max: -Infinity };
        const stride = Math.max(1, Math.floor(data.length / PER_RUN));
        for (let i = 0; i < data.length; i++) {
          const v = data[i];
          if (v < s.min) s.min = v;
          if (v > s.max) s.max = v;
          if (i % stride === 0) s.values.push(v);
        }
        samples.set(t, s);
      }
      const out: Record<string, TensorData> = {};
      for (const [k, t] of Object.entries(res))
        out[k] = { data: t.data as Float32Array, dims: t.dims.map(Number) };
      return out;
    },
    async close() {
      await session.release();
    },
  };
}

const sig = (v: number) => Number(v.toPrecision(6));

for (const id of ids) {
  const spec = MODELS[id];
  if (!spec) throw new Error(`unknown model ${id}`);
  const float = convertFloatModel(spec, verifiedSourceDir(spec));
  // Every tensor any variant may quantise (heads included), so the choice stays open.
  const targets = tensorsToQuantize(float, { quantizeHeads: true });
  const session = await ort.InferenceSession.create(withTensorOutputs(float, targets), {
    graphOptimizationLevel: 'disabled',
  });
  const samples = new Map<string, { values: number[]; min: number; max: number }>();
  const runner = recordingRunner(session, targets, samples);
  let photos = 0;
  for (const file of calibrationPhotos()) {
    const img = await decode(file);
    if (!img) continue;
    const pyr = buildPyramid(img);
    if (id === 'centernet')
      await detectObjectsIn(runner, pyr, { minScore: 0.3, nmsIou: 0.5, maxObjects: 100 });
    else if (id === 'blazeface') await detectFaceCandidates(runner, pyr, DEFAULT_FACE_DETECT);
    else throw new Error(`no calibration inputs for ${id}`);
    photos++;
  }
  await runner.close();
  const tensors: Record<string, [number, number]> = {};
  for (const t of targets) {
    const s = samples.get(t)!;
    const [lo, hi] = percentileRange(Float32Array.from(s.values), FRACTION);
    tensors[t] = [sig(Math.max(s.min, lo)), sig(Math.min(s.max, hi))];
  }
  const file = path.join(repoRoot, 'src', 'ml', 'convert', 'calibration', `${id}.ts`);
  mkdirSync(path.dirname(file), { recursive: true });
  const source =
    `// Generated by scripts/calibrate-models.ts: activation ranges of ${id} ` +
    `(${spec.source.package}@${spec.source.version}) for int8 quantisation,\n` +
    `// the ${FRACTION} percentile per tensor over ${photos} corpus/exif camera photos ` +
    `(see [Note: calibration photos]). Do not edit.\n` +
    `import type { TensorRanges } from '../qdq-graph.js';\n\n` +
    `export const RANGES: TensorRanges = ${JSON.stringify(tensors)};\n`;
  writeFileSync(file, source);
  console.log(
    `${id}: ${targets.length} tensors from ${photos} photos → ${path.relative(repoRoot, file)}`,
  );
}
