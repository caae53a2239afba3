// Worker side of the discovery stages (imported by the indexing worker entry, src/jobs/worker.ts).

import { registerImageStage } from '../../jobs/worker-stages.js';
import type { TextLine } from '../../db/repos/photo-text.js';
import { computeSignature } from '../duplicates/signature.js';
import { OcrEngine } from '../ocr/engine.js';
import { embedImage, imageModelVersion, semanticDirOf } from '../semantic/image-embedder.js';
import { OCR_STAGE, SEMANTIC_STAGE, SIMILARITY_STAGE } from './defs.js';

registerImageStage({
  name: SIMILARITY_STAGE.name,
  version: () => SIMILARITY_STAGE.version,
  run: async (image) => computeSignature(image),
});

// One OCR engine per worker thread, created on the first photo to read; a failed start is tried
// again on the next photo rather than remembered.
let engine: Promise<OcrEngine> | null = null;

registerImageStage({
  name: OCR_STAGE.name,
  version: () => OCR_STAGE.version,
  run: async (image, frame): Promise<TextLine[]> => {
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
  },
});

registerImageStage({
  name: SEMANTIC_STAGE.name,
  version: () => SEMANTIC_STAGE.version,
  run: async (image, _frame, task): Promise<{ model: string; vector: Float32Array }> => {
    const dir = semanticDirOf(task.thumbDir);
    const vector = await embedImage(image, dir);
    return { model: imageModelVersion(dir), vector };
  },
});
