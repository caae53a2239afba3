// Faces of an image that is not (or not yet) in the library, for find-by-face with an uploaded
// photo: decoded like the indexer decodes (EXIF orientation applied), described by the same
// analyzer, so its descriptors compare with the catalogue's. The analyzer (four ONNX sessions)
// is created on first use and kept: a second search costs one inference, not a model load.

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Analyzer } from '../ml/index.js';

let analyzer: Promise<Analyzer> | null = null;

async function getAnalyzer(): Promise<Analyzer> {
  if (!analyzer) {
    const { createAnalyzer } = await import('../ml/index.js');
    analyzer = createAnalyzer({ threads: 1 });
    analyzer.catch(() => (analyzer = null));
  }
  return analyzer;
}

export interface DescribedFace {
  /** x, y, w, h as fractions of the oriented image. */
  box: [number, number, number, number];
  embedding: Float32Array;
  quality: number;
}

export async function describeImageFile(file: string): Promise<DescribedFace[]> {
  const { loadOrientedImage } = await import('../media/index.js');
  const img = await loadOrientedImage(file);
  const faces = await (await getAnalyzer()).detectFaces(img);
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return faces.map((f) => ({
    box: [
      r(f.box[0] / img.width),
      r(f.box[1] / img.height),
      r(f.box[2] / img.width),
      r(f.box[3] / img.height),
    ],
    embedding: f.embedding,
    quality: f.quality.overall,
  }));
}

/**
 * The faces of an image given as bytes (an upload). The decoder reads files, so the bytes go to a
 * private temporary file that is removed afterwards: nothing of the image is kept.
 */
export async function describeImageBytes(bytes: Uint8Array): Promise<DescribedFace[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'picto-find-'));
  const file = path.join(dir, 'upload');
  try {
    await fs.writeFile(file, bytes, { mode: 0o600 });
    return await describeImageFile(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Frees the models (process shutdown, tests). */
export async function closeImageDescriber(): Promise<void> {
  const a = analyzer;
  analyzer = null;
  if (a) await (await a.catch(() => null))?.close();
}
