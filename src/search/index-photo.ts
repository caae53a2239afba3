// Worker halves of the search stages that read a decoded photo: text in it (OCR) and its
// embedding for the optional semantic model. They run inside the indexing workers (the pipeline
// table in src/jobs/pipeline.ts lists them); the duplicate finder's signature is
// duplicates/signature.ts computeSignature.

import type { TextLine } from '../db/repos/photo-text.js';
import type { RawImage } from '../media/types.js';
import { OcrEngine } from './ocr/engine.js';
import { embedImage, imageModelVersion, semanticDirOf } from './semantic/image-embedder.js';

// One OCR engine per worker thread, created on the first photo to read; a failed start is tried
// again on the next photo rather than remembered.
let engine: Promise<OcrEngine> | null = null;

/** Text lines with boxes in displayed-photo pixels (`frame`: the photo's displayed size). */
export async function readText(
  image: RawImage,
  frame: { width: number; height: number },
): Promise<TextLine[]> {
  engine ??= OcrEngine.create({ threads: Number(process.env.PICTO_ML_THREADS) || 1 });
  engine.catch(() => {
    engine = null;
  });
  const lines = await (await engine).read(image);
  const sx = frame.width / image.width;
  const sy = frame.height / image.height;
  return lines.map((l) => ({
    text: l.text,
    score: Math.round(l.score * 1000) / 1000,
    box: [l.box[0] * sx, l.box[1] * sy, l.box[2] * sx, l.box[3] * sy],
  }));
}

/** An image embedding, named by the model that made it ("<name>:<version>"). */
export interface PhotoEmbedding {
  model: string;
  vector: Float32Array;
}

/** The photo's embedding by the model in the semantic slot of the task's data directory. */
export async function embedPhoto(
  image: RawImage,
  _frame: unknown,
  task: { thumbDir: string },
): Promise<PhotoEmbedding> {
  const dir = semanticDirOf(task.thumbDir);
  const vector = await embedImage(image, dir);
  return { model: imageModelVersion(dir), vector };
}
