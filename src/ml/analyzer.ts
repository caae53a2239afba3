// The Analyzer: one per worker thread. It owns one inference session per stage and turns a
// RawImage into object tags and described faces.

import type { RawImage } from '../media/types.js';
import { describeFaces, DEFAULT_DESCRIBE } from './faces/describe-faces.js';
import { DEFAULT_FACE_DETECT, detectFaceCandidates } from './faces/detect-faces.js';
import { buildPyramid, type Pyramid } from './image/pyramid.js';
import { isPictoError, type PictoError } from '../shared/errors.js';
import {
  modelProblem,
  modelUnavailable,
  readVerifiedModel,
  verifiedSourceDir,
  type ModelProblem,
} from './model-store.js';
import { detectObjectsIn } from './objects/detect-objects.js';
import { defaultModelsDir } from './paths.js';
import { MODELS, modelVersion, type ModelId } from './registry.js';
import { resultVersions as stageResultVersions } from './versions.js';
import { createOrtRunner } from './runtime/ort-runner.js';
import type { ModelRunner } from './runtime/runner.js';
import {
  emptyTimings,
  type DetectedFace,
  type DetectedObject,
  type Runtime,
  type Stage,
  type StageTimings,
} from './types.js';

/** Object tags at or above this score are kept (calibrated on corpus/objects: P 86 %, R 63 %). */
export const OBJECT_THRESHOLD = 0.3;
/** Faces at or above this detector score are kept (corpus/faces: 44/47 faces, 0/12 no-face photos). */
export const FACE_THRESHOLD = 0.7;

const STAGE_MODEL: Record<Stage, ModelId> = {
  objects: 'centernet',
  faceDetect: 'blazeface',
  faceLandmarks: 'faceLandmarks68',
  faceEmbed: 'faceDescriptor',
};

export interface AnalyzerOptions {
  /** onnxruntime intra-op threads per session (default 1: bulk indexing runs 2 workers × 1). */
  threads?: number;
  /** Folder of provisioned models (default: PICTO_MODELS_DIR or <repo>/models). */
  modelsDir?: string;
  /** Run a stage on tfjs-wasm from the npm package instead of its ONNX conversion (diagnostics). */
  runtimes?: Partial<Record<Stage, Runtime>>;
  /**
   * Create the analyzer even if some models are unavailable; the affected methods then throw
   * 'model-unavailable' error. Default false: creation throws, naming every missing model.
   */
  allowMissing?: boolean;
}

export interface DetectOptions {
  /** Override the shipped threshold (calibration, diagnostics). */
  minScore?: number;
  /** Accumulates per-stage milliseconds. */
  timings?: StageTimings;
}

/** CenterNet score from which a person box gates face tiles (see [Note: person-gated tiles]). */
const PERSON_GATE_SCORE = 0.15;

export interface Analysis {
  objects: DetectedObject[];
  faces: DetectedFace[];
  timings: StageTimings;
}

export interface Analyzer {
  detectObjects(img: RawImage, opts?: DetectOptions): Promise<DetectedObject[]>;
  detectFaces(img: RawImage, opts?: DetectOptions): Promise<DetectedFace[]>;
  /**
   * Objects and faces in one call, sharing the image pyramid, with per-stage timings. Cheaper
   * than the two calls apart: face tiles run only around people CenterNet found (see
   * [Note: person-gated tiles] in faces/detect-faces.ts). This is what the pipeline should call.
   */
  analyze(img: RawImage): Promise<Analysis>;
  close(): Promise<void>;
  /** Runtime executing each stage ('onnxruntime' unless overridden or unavailable). */
  readonly runtimes: Record<Stage, Runtime>;
  /** Model version per stage, e.g. objects: 'centernet@human-3.3.6+conv3'. */
  readonly modelVersions: Record<Stage, string>;
  /**
   * What produced each kind of result: post-processing revision + every model involved, e.g.
   * faces: 'faces/1 blazeface@… faceLandmarks68@… faceDescriptor@…'. Store it with the results;
   * re-index when it changes (thresholds, tiling, alignment or any model).
   */
  readonly resultVersions: { objects: string; faces: string };
}

function clipBox(
  b: [number, number, number, number],
  w: number,
  h: number,
): [number, number, number, number] {
  const x1 = Math.max(0, b[0]);
  const y1 = Math.max(0, b[1]);
  const x2 = Math.min(w, b[0] + b[2]);
  const y2 = Math.min(h, b[1] + b[3]);
  return [x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1)];
}

async function createRunner(
  id: ModelId,
  runtime: Runtime,
  modelsDir: string,
  threads: number,
): Promise<ModelRunner> {
  const spec = MODELS[id];
  if (runtime === 'onnxruntime')
    return createOrtRunner(readVerifiedModel(id, modelsDir), { threads });
  // tfjs-wasm reads the original files from the npm package (hash-checked like provisioning does).
  const { createTfjsGraphRunner, createFaceApiRunner } = await import('./runtime/tfjs-wasm.js');
  const main = `${verifiedSourceDir(spec)}/${spec.source.main}`;
  if (spec.converter === 'tfjs-graph')
    return createTfjsGraphRunner(main, spec.input.name, spec.graphOutputs ?? []);
  const kind = spec.converter === 'faceapi-landmarks68' ? 'landmarks68' : 'recognition';
  return createFaceApiRunner(kind, main, spec.input.name, spec.outputs[0].name);
}

export async function createAnalyzer(opts: AnalyzerOptions = {}): Promise<Analyzer> {
  const modelsDir = opts.modelsDir ?? defaultModelsDir();
  const threads = opts.threads ?? 1;
  const stages = Object.keys(STAGE_MODEL) as Stage[];
  const runtimes = Object.fromEntries(
    stages.map((s) => [s, opts.runtimes?.[s] ?? 'onnxruntime']),
  ) as Record<Stage, Runtime>;
  const modelVersions = Object.fromEntries(
    stages.map((s) => [s, modelVersion(MODELS[STAGE_MODEL[s]])]),
  ) as Record<Stage, string>;

  const runners = new Map<Stage, ModelRunner>();
  const missing = new Map<Stage, { error: PictoError; problem: ModelProblem }>();
  for (const stage of stages) {
    try {
      runners.set(
        stage,
        await createRunner(STAGE_MODEL[stage], runtimes[stage], modelsDir, threads),
      );
    } catch (err) {
      const problem = modelProblem(err);
      if (!problem || !isPictoError(err)) {
        await Promise.all([...runners.values()].map((r) => r.close()));
        throw err;
      }
      missing.set(stage, { error: err, problem });
    }
  }
  if (missing.size > 0 && !opts.allowMissing) {
    await Promise.all([...runners.values()].map((r) => r.close()));
    const first = [...missing.values()][0].problem;
    const all = [...missing.values()]
      .map(({ problem }) => `${problem.modelId} (${problem.reason})`)
      .join('; ');
    throw modelUnavailable(
      first.modelId,
      missing.size > 1 ? `${missing.size} models unavailable: ${all}` : first.reason,
    );
  }

  const runner = (stage: Stage): ModelRunner => {
    const r = runners.get(stage);
    if (!r) throw missing.get(stage)?.error ?? new Error(`analyzer closed (stage ${stage})`);
    return r;
  };

  // Objects and faces of the same photo share one pyramid (keyed by the RawImage object).
  const pyramids = new WeakMap<RawImage, Pyramid>();
  const pyramidOf = (img: RawImage, timings?: StageTimings): Pyramid => {
    let p = pyramids.get(img);
    if (!p) {
      const t0 = performance.now();
      p = buildPyramid(img);
      pyramids.set(img, p);
      if (timings) timings.prepareMs += performance.now() - t0;
    }
    return p;
  };

  /** Objects at `minScore`, plus person boxes at the (lower) tile-gating score. */
  const objectsAndPeople = async (img: RawImage, o: DetectOptions) => {
    const net = runner('objects');
    const pyr = pyramidOf(img, o.timings);
    const t0 = performance.now();
    const minScore = o.minScore ?? OBJECT_THRESHOLD;
    const found = await detectObjectsIn(net, pyr, {
      minScore: Math.min(minScore, PERSON_GATE_SCORE),
      nmsIou: 0.5,
      maxObjects: 100,
    });
    if (o.timings) o.timings.objectsMs += performance.now() - t0;
    return {
      objects: found.filter((f) => f.score >= minScore),
      people: found
        .filter((f) => f.label === 'person' && f.score >= PERSON_GATE_SCORE)
        .map((f) => f.box),
    };
  };

  const detectObjects = async (img: RawImage, o: DetectOptions = {}): Promise<DetectedObject[]> =>
    (await objectsAndPeople(img, o)).objects;

  const facesIn = async (
    img: RawImage,
    o: DetectOptions,
    people?: [number, number, number, number][],
  ): Promise<DetectedFace[]> => {
    const [det, lm, emb] = [runner('faceDetect'), runner('faceLandmarks'), runner('faceEmbed')];
    const pyr = pyramidOf(img, o.timings);
    const t0 = performance.now();
    const minScore = o.minScore ?? FACE_THRESHOLD;
    const candidates = (await detectFaceCandidates(det, pyr, DEFAULT_FACE_DETECT, people)).filter(
      (c) => c.score >= minScore,
    );
    if (o.timings) o.timings.faceDetectMs += performance.now() - t0;
    const faces = await describeFaces(lm, emb, pyr, candidates, DEFAULT_DESCRIBE, o.timings);
    // Detector boxes may stick out of the photo (faces cut by the border); report the visible part.
    return faces.map((f) => ({
      ...f,
      box: clipBox(f.box, img.width, img.height),
      landmarks: f.landmarks.map(([x, y]) => [x, y] as [number, number]),
    }));
  };

  const resultVersions = stageResultVersions();

  return {
    runtimes,
    modelVersions,
    resultVersions,
    detectObjects,
    // Standalone face detection tiles every large photo; analyze() tiles only where people are.
    detectFaces: (img, o = {}) => facesIn(img, o),
    async analyze(img) {
      const timings = emptyTimings();
      const { objects, people } = await objectsAndPeople(img, { timings });
      const faces = await facesIn(img, { timings }, people);
      return { objects, faces, timings };
    },
    async close() {
      const all = [...runners.values()];
      runners.clear();
      await Promise.all(all.map((r) => r.close()));
    },
  };
}
