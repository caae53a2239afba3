// Worker halves of the AI stages (objects, faces): one analyzer (one onnxruntime session per
// model) per worker thread, created on first use and shared by every photo that worker processes.
import { createAnalyzer, type Analysis, type Analyzer } from '../ml/index.js';
import type { RawImage } from '../media/types.js';
import type { ImageFrame } from './stage.js';

export interface ObjectResult {
  label: string;
  score: number;
  box: [number, number, number, number];
}

export interface FaceResult {
  box: [number, number, number, number];
  score: number;
  quality: number;
  sizePx: number;
  blur: number;
  /** 68 points as x,y pairs in displayed-photo pixels. */
  landmarks: Float32Array;
  embedding: Float32Array;
}

let analyzer: Promise<Analyzer> | null = null;

function getAnalyzer(): Promise<Analyzer> {
  if (!analyzer) {
    const threads = Number(process.env.PICTO_ML_THREADS) || 1;
    analyzer = createAnalyzer({ threads, allowMissing: true });
    // A failed start (e.g. broken install) is retried on the next photo, not cached forever.
    analyzer.catch(() => {
      analyzer = null;
    });
  }
  return analyzer;
}

// Objects and faces of one photo come from one analyze() call: faces are searched in tiles only
// around the people the object detector found, so both stages must see the same analysis. The
// memo is keyed by the decoded image object, which the stages of one task share.
const analyses = new WeakMap<RawImage, Promise<Analysis>>();

function analysisOf(img: RawImage): Promise<Analysis> {
  let a = analyses.get(img);
  if (!a) {
    a = getAnalyzer().then((an) => an.analyze(img));
    analyses.set(img, a);
  }
  return a;
}

/** Scales a box from the working image to the displayed photo. */
function toPhoto(
  box: [number, number, number, number],
  img: RawImage,
  frame: ImageFrame,
): [number, number, number, number] {
  const sx = frame.width / img.width;
  const sy = frame.height / img.height;
  return [box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy];
}

/** Objects stage: labels and boxes in displayed-photo pixels. */
export async function detectObjects(img: RawImage, frame: ImageFrame): Promise<ObjectResult[]> {
  const { objects } = await analysisOf(img);
  return objects.map((o) => ({
    label: o.label,
    score: o.score,
    box: toPhoto(o.box, img, frame),
  }));
}

/** Faces stage: boxes, landmarks, quality and descriptors in displayed-photo pixels. */
export async function detectFaces(img: RawImage, frame: ImageFrame): Promise<FaceResult[]> {
  const { faces } = await analysisOf(img);
  const sx = frame.width / img.width;
  const sy = frame.height / img.height;
  return faces.map((f) => {
    const landmarks = new Float32Array(f.landmarks.length * 2);
    f.landmarks.forEach(([x, y], i) => {
      landmarks[2 * i] = x * sx;
      landmarks[2 * i + 1] = y * sy;
    });
    return {
      box: toPhoto(f.box, img, frame),
      score: f.score,
      quality: f.quality.overall,
      sizePx: f.quality.sizePx * sx,
      blur: f.quality.blur,
      landmarks,
      embedding: f.embedding,
    };
  });
}
