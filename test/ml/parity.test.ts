// Every converted model against its TFJS original (tfjs-wasm) on real corpus photos: the same
// input tensors, built by the production pre-processing, must give the same outputs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus } from '../helpers/corpus.js';
import { decodeCorpus } from './corpus-images.js';
import { createAnalyzer, faceDistance } from '../../src/ml/index.js';
import { readVerifiedModel, verifiedSourceDir } from '../../src/ml/model-store.js';
import { defaultModelsDir } from '../../src/ml/paths.js';
import { MODELS, type ModelId } from '../../src/ml/registry.js';
import { createOrtRunner } from '../../src/ml/runtime/ort-runner.js';
import { createFaceApiRunner, createTfjsGraphRunner } from '../../src/ml/runtime/tfjs-wasm.js';
import type { ModelRunner, TensorData } from '../../src/ml/runtime/runner.js';
import { buildPyramid, RGB_255, sampleAffine, type Pyramid } from '../../src/ml/image/pyramid.js';
import { CENTERNET_VALUES } from '../../src/ml/objects/detect-objects.js';
import { letterbox, letterboxToSource } from '../../src/ml/image/letterbox.js';
import { detectFaceCandidates, DEFAULT_FACE_DETECT } from '../../src/ml/faces/detect-faces.js';
import { landmarkCrop, landmarksToImage, LANDMARK_SIZE } from '../../src/ml/faces/landmark-crop.js';
import { chipTransform, CHIP_SIZE } from '../../src/ml/faces/align.js';
import { ensureModels } from './models.js';

const PHOTOS = [
  'faces/face-api/bbt4.jpg',
  'faces/deepface/couple.jpg',
  'objects/coco128/images/000000000036.jpg',
  'faces/facenet-pytorch/multiface.jpg',
];

async function pair(id: ModelId): Promise<{ ort: ModelRunner; tfjs: ModelRunner }> {
  const spec = MODELS[id];
  const ort = await createOrtRunner(readVerifiedModel(id, defaultModelsDir()));
  const main = `${verifiedSourceDir(spec)}/${spec.source.main}`;
  const tfjs =
    spec.converter === 'tfjs-graph'
      ? await createTfjsGraphRunner(main, 'input', spec.graphOutputs!)
      : await createFaceApiRunner(
          spec.converter === 'faceapi-landmarks68' ? 'landmarks68' : 'recognition',
          main,
          'input',
          spec.outputs[0].name,
        );
  return { ort, tfjs };
}

function maxAbsDiff(a: TensorData, b: TensorData, f: (v: number) => number = (v) => v): number {
  expect(a.dims).toEqual(b.dims);
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(f(a.data[i]) - f(b.data[i])));
  return m;
}

function maxRelDiff(a: TensorData, b: TensorData): number {
  let m = 0;
  for (let i = 0; i < a.data.length; i++)
    m = Math.max(m, Math.abs(a.data[i] - b.data[i]) / (1 + Math.abs(b.data[i])));
  return m;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

function letterboxed(pyr: Pyramid, size: number, map = RGB_255): TensorData {
  const { width: W, height: H } = pyr[0];
  const lb = letterbox(W, H, size);
  const data = new Float32Array(3 * size * size);
  sampleAffine(pyr, letterboxToSource(lb), size, size, map, data);
  return { data, dims: [1, 3, size, size] };
}

describe.skipIf(!hasCorpus)('ONNX conversions match TFJS on corpus photos', () => {
  let pyramids: Pyramid[];
  beforeAll(async () => {
    ensureModels();
    pyramids = await Promise.all(
      PHOTOS.map(async (p) => buildPyramid(await decodeCorpus(...p.split('/')))),
    );
  });

  // The size head is in input pixels (×16 inside the graph), so it is held to 1/100 px.
  it('CenterNet: heatmap scores within 1e-4, box sizes within 0.01 px', async () => {
    const { ort, tfjs } = await pair('centernet');
    for (const pyr of pyramids) {
      const input = { input: letterboxed(pyr, 512, CENTERNET_VALUES) };
      const [a, b] = [await ort.run(input), await tfjs.run(input)];
      expect(maxAbsDiff(a.heatmap, b.heatmap)).toBeLessThanOrEqual(1e-4);
      expect(maxAbsDiff(a.wh, b.wh)).toBeLessThanOrEqual(0.01);
    }
    await Promise.all([ort.close(), tfjs.close()]);
  });

  it('BlazeFace: face scores within 1e-4, boxes/keypoints within 1e-4 relative', async () => {
    const { ort, tfjs } = await pair('blazeface');
    for (const pyr of pyramids) {
      const input = { input: letterboxed(pyr, 256, { mul: 1 / 127.5, add: -1, fill: 0 }) };
      const [a, b] = [await ort.run(input), await tfjs.run(input)];
      expect(maxAbsDiff(a.logits512, b.logits512, sigmoid)).toBeLessThanOrEqual(1e-4);
      expect(maxAbsDiff(a.logits384, b.logits384, sigmoid)).toBeLessThanOrEqual(1e-4);
      expect(maxRelDiff(a.boxes512, b.boxes512)).toBeLessThanOrEqual(1e-4);
      expect(maxRelDiff(a.boxes384, b.boxes384)).toBeLessThanOrEqual(1e-4);
    }
    await Promise.all([ort.close(), tfjs.close()]);
  });

  it('68-point landmarks and 128-d descriptor: within 1e-4 on real face crops', async () => {
    const detector = await createOrtRunner(readVerifiedModel('blazeface', defaultModelsDir()));
    const lm = await pair('faceLandmarks68');
    const desc = await pair('faceDescriptor');
    let faces = 0;
    for (const pyr of pyramids) {
      const cands = (await detectFaceCandidates(detector, pyr, DEFAULT_FACE_DETECT)).filter(
        (c) => c.score >= 0.7,
      );
      if (cands.length === 0) continue;
      faces += cands.length;
      const plane = 3 * LANDMARK_SIZE * LANDMARK_SIZE;
      const crops = new Float32Array(cands.length * plane);
      const transforms = cands.map((c, i) => {
        const t = landmarkCrop({ box: c.box, rightEye: c.keypoints[0], leftEye: c.keypoints[1] });
        sampleAffine(pyr, t, LANDMARK_SIZE, LANDMARK_SIZE, RGB_255, crops, i * plane);
        return t;
      });
      const lmIn = {
        input: { data: crops, dims: [cands.length, 3, LANDMARK_SIZE, LANDMARK_SIZE] },
      };
      const [la, lb] = [await lm.ort.run(lmIn), await lm.tfjs.run(lmIn)];
      expect(maxAbsDiff(la.landmarks, lb.landmarks)).toBeLessThanOrEqual(1e-4);

      const chipPlane = 3 * CHIP_SIZE * CHIP_SIZE;
      const chips = new Float32Array(cands.length * chipPlane);
      transforms.forEach((t, i) =>
        sampleAffine(
          pyr,
          chipTransform(landmarksToImage(la.landmarks.data, t, i * 136)),
          CHIP_SIZE,
          CHIP_SIZE,
          RGB_255,
          chips,
          i * chipPlane,
        ),
      );
      const dIn = { input: { data: chips, dims: [cands.length, 3, CHIP_SIZE, CHIP_SIZE] } };
      const [da, db] = [await desc.ort.run(dIn), await desc.tfjs.run(dIn)];
      expect(maxAbsDiff(da.descriptor, db.descriptor)).toBeLessThanOrEqual(1e-4);
    }
    expect(faces).toBeGreaterThanOrEqual(10);
    await Promise.all([
      detector.close(),
      lm.ort.close(),
      lm.tfjs.close(),
      desc.ort.close(),
      desc.tfjs.close(),
    ]);
  });
});

describe.skipIf(!hasCorpus)('the tfjs-wasm fallback path', () => {
  const analyzers: Awaited<ReturnType<typeof createAnalyzer>>[] = [];
  afterAll(async () => Promise.all(analyzers.map((a) => a.close())));

  it('reports its runtime per stage and gives the same results as onnxruntime', async () => {
    ensureModels();
    const ort = await createAnalyzer();
    const tfjs = await createAnalyzer({
      runtimes: {
        objects: 'tfjs-wasm',
        faceDetect: 'tfjs-wasm',
        faceLandmarks: 'tfjs-wasm',
        faceEmbed: 'tfjs-wasm',
      },
    });
    analyzers.push(ort, tfjs);
    expect(ort.runtimes).toEqual({
      objects: 'onnxruntime',
      faceDetect: 'onnxruntime',
      faceLandmarks: 'onnxruntime',
      faceEmbed: 'onnxruntime',
    });
    expect(tfjs.runtimes).toEqual({
      objects: 'tfjs-wasm',
      faceDetect: 'tfjs-wasm',
      faceLandmarks: 'tfjs-wasm',
      faceEmbed: 'tfjs-wasm',
    });
    const img = await decodeCorpus('faces', 'face-api', 'bbt4.jpg');
    const [a, b] = [await ort.analyze(img), await tfjs.analyze(img)];
    expect(b.objects.map((o) => o.label)).toEqual(a.objects.map((o) => o.label));
    expect(b.faces).toHaveLength(a.faces.length);
    a.faces.forEach((f, i) => {
      expect(Math.abs(f.score - b.faces[i].score)).toBeLessThan(1e-4);
      expect(faceDistance(f.embedding, b.faces[i].embedding)).toBeLessThan(1e-5);
    });
  });
});
