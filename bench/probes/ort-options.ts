// onnxruntime session options per model: CPU milliseconds per inference on one thread.
//   node dist/bench/probes/ort-options.js [runs] [rounds] [modelsDir]
//
// Inputs are fixed pseudo-random tensors of each model's shape and value range (dense convolution
// cost does not depend on the values). Face models run at the batch sizes the pipeline uses
// (landmarks and descriptors batch the faces of one photo: 1 and 4 here). Every variant of a model
// is a session of its own; variants are interleaved run by run and medians reported.

import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { readVerifiedModel } from '../../src/ml/model-store.js';
import { MODELS, type ModelId } from '../../src/ml/registry.js';
import { mulberry32 } from '../../src/shared/random.js';
import { log, median, r1, repoModels } from './common.js';

type Options = ort.InferenceSession.SessionOptions;

const BASE: Options = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  executionProviders: ['cpu'],
};

export const VARIANTS: Record<string, Options> = {
  'today (all, arena on)': BASE,
  'opt disabled': { ...BASE, graphOptimizationLevel: 'disabled' },
  'opt basic': { ...BASE, graphOptimizationLevel: 'basic' },
  'opt extended': { ...BASE, graphOptimizationLevel: 'extended' },
  'arena off': { ...BASE, enableCpuMemArena: false },
  'mem pattern off': { ...BASE, enableMemPattern: false },
  'parallel, 2 inter-op': { ...BASE, executionMode: 'parallel', interOpNumThreads: 2 },
  '2 intra-op threads': { ...BASE, intraOpNumThreads: 2 },
  '2 intra-op, no spinning': {
    ...BASE,
    intraOpNumThreads: 2,
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  },
};

export function inputFor(id: ModelId, batch: number): ort.Tensor {
  const spec = MODELS[id];
  const dims = spec.input.dims.map((d) => (typeof d === 'number' ? d : batch));
  const n = dims.reduce((a, b) => a * b, 1);
  const rnd = mulberry32(7);
  const data = new Float32Array(n);
  const [lo, hi] = id === 'blazeface' ? [-1, 1] : [0, 255];
  for (let i = 0; i < n; i++) data[i] = lo + (hi - lo) * rnd();
  return new ort.Tensor('float32', data, dims);
}

export async function cpuMsPerRun(
  session: ort.InferenceSession,
  feeds: Record<string, ort.Tensor>,
): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await session.run(feeds);
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

export async function ortOptions(runs: number, rounds: number, modelsDir: string) {
  const cases: { id: ModelId; batch: number }[] = [
    { id: 'centernet', batch: 1 },
    { id: 'blazeface', batch: 1 },
    { id: 'faceLandmarks68', batch: 1 },
    { id: 'faceLandmarks68', batch: 4 },
    { id: 'faceDescriptor', batch: 1 },
    { id: 'faceDescriptor', batch: 4 },
  ];
  const out: Record<string, Record<string, { cpuMs: number; wallMs: number }>> = {};
  for (const c of cases) {
    const bytes = readVerifiedModel(c.id, modelsDir);
    const sessions: Record<string, ort.InferenceSession> = {};
    for (const [name, o] of Object.entries(VARIANTS))
      sessions[name] = await ort.InferenceSession.create(bytes, o);
    const feeds = { [MODELS[c.id].input.name]: inputFor(c.id, c.batch) };
    // Warm-up: first runs allocate and page in; five per session before any is timed.
    for (let i = 0; i < 5; i++) for (const s of Object.values(sessions)) await s.run(feeds);
    const samples: Record<string, { wall: number; cpu: number }[]> = {};
    const names = Object.keys(sessions);
    for (let r = 0; r < rounds * runs; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + r) % names.length];
        (samples[name] ??= []).push(await cpuMsPerRun(sessions[name], feeds));
      }
    }
    const key = `${c.id} ×${c.batch}`;
    out[key] = Object.fromEntries(
      names.map((n) => [
        n,
        {
          cpuMs: r1(median(samples[n].map((s) => s.cpu))),
          wallMs: r1(median(samples[n].map((s) => s.wall))),
        },
      ]),
    );
    log(`${key}: ${JSON.stringify(out[key])}`);
    for (const s of Object.values(sessions)) await s.release();
  }
  return { runs: runs * rounds, results: out };
}

if (process.argv[1]?.endsWith('ort-options.js')) {
  const runs = Number(process.argv[2] ?? 10);
  const rounds = Number(process.argv[3] ?? 2);
  const dir = process.argv[4] ? path.resolve(process.argv[4]) : repoModels;
  process.stdout.write(JSON.stringify(await ortOptions(runs, rounds, dir), null, 2) + '\n');
}
