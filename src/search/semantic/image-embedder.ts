// Worker side of the semantic slot: one image embedding per photo.

import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { RawImage } from '../../media/types.js';
import { l2normalize, readSemanticSpec, semanticVersion, type SemanticSpec } from './model.js';

let loaded: {
  dir: string;
  version: string;
  spec: SemanticSpec;
  session: Promise<ort.InferenceSession>;
} | null = null;

/** The semantic model dir of a task: <data>/models/semantic, next to the thumbnails. */
export function semanticDirOf(thumbDir: string): string {
  return path.join(path.dirname(thumbDir), 'models', 'semantic');
}

function model(dir: string) {
  const { spec, reason } = readSemanticSpec(dir);
  if (!spec) throw Object.assign(new Error(reason), { code: 'model-unavailable' });
  const version = semanticVersion(spec);
  if (!loaded || loaded.dir !== dir || loaded.version !== version) {
    const session = ort.InferenceSession.create(path.join(dir, 'image.onnx'), {
      intraOpNumThreads: 1,
    });
    loaded = { dir, version, spec, session };
  }
  return loaded;
}

export function imageModelVersion(dir: string): string {
  return model(dir).version;
}

/** Centre square of the photo at imageSize², normalised, through image.onnx; L2-normalised. */
export async function embedImage(img: RawImage, dir: string): Promise<Float32Array> {
  const { spec, session } = model(dir);
  const s = spec.imageSize;
  const side = Math.min(img.width, img.height);
  const x0 = (img.width - side) / 2;
  const y0 = (img.height - side) / 2;
  const input = new Float32Array(3 * s * s);
  for (let y = 0; y < s; y++) {
    const sy = Math.min(img.height - 1, Math.floor(y0 + ((y + 0.5) * side) / s));
    for (let x = 0; x < s; x++) {
      const sx = Math.min(img.width - 1, Math.floor(x0 + ((x + 0.5) * side) / s));
      for (let c = 0; c < 3; c++) {
        input[c * s * s + y * s + x] =
          (img.data[(sy * img.width + sx) * 3 + c] / 255 - spec.mean[c]) / spec.std[c];
      }
    }
  }
  const sess = await session;
  const out = await sess.run({
    [sess.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, s, s]),
  });
  return l2normalize(Float32Array.from(out[sess.outputNames[0]].data as Float32Array));
}
