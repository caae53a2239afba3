// Faces of corpus/faces as the indexer sees them (decoded like the media pipeline, described by
// the shipped analyzer). Computing them takes ~25 s, so they are cached in test-artifacts/ (never
// committed), keyed by the model versions and the ground truth; a new model recomputes them.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAnalyzer } from '../../src/ml/index.js';
import type { FaceInput } from '../../src/people/types.js';
import { corpusPath, repoRoot } from '../helpers/corpus.js';
import { decodeCorpus, facesGroundTruth, MAX_SIDE, type FaceFile } from '../ml/corpus-images.js';

export interface CorpusFace {
  box: [number, number, number, number];
  score: number;
  quality: number;
  embedding: number[];
}

export interface CorpusPhoto extends FaceFile {
  faces: CorpusFace[];
}

const cacheFile = path.join(repoRoot, 'test-artifacts', 'people', 'corpus-faces.json');

export async function corpusFaces(): Promise<CorpusPhoto[]> {
  const truth = facesGroundTruth();
  const analyzer = await createAnalyzer();
  try {
    const key = createHash('sha256')
      .update(JSON.stringify(analyzer.modelVersions))
      .update(`work size ${MAX_SIDE}`)
      .update(readFileSync(corpusPath('faces', 'ground_truth.json')))
      .digest('hex');
    if (existsSync(cacheFile)) {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
        key: string;
        photos: CorpusPhoto[];
      };
      if (cached.key === key) return cached.photos;
    }
    const photos: CorpusPhoto[] = [];
    for (const f of truth) {
      const faces = await analyzer.detectFaces(await decodeCorpus('faces', ...f.file.split('/')));
      photos.push({
        ...f,
        faces: faces.map((x) => ({
          box: x.box,
          score: x.score,
          quality: x.quality.overall,
          embedding: Array.from(x.embedding),
        })),
      });
    }
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ key, photos }));
    return photos;
  } finally {
    await analyzer.close();
  }
}

/** Stable face id for a corpus face, like the catalogue's (photo + box). */
export const corpusFaceId = (file: string, box: readonly number[]) =>
  `${file}#${box.map((v) => Math.round(v)).join(',')}`;

/** Most confident face of each single-subject photo, with its identity. */
export function primaryFaces(
  photos: CorpusPhoto[],
  opts: { includeCrops: boolean },
): { face: FaceInput; identity: string }[] {
  const out: { face: FaceInput; identity: string }[] = [];
  for (const p of photos) {
    // The three near-duplicates (a PNG copy, a crop, a mirror) would be free true positives.
    if (!p.primary_identity || p.near_duplicate_of || !p.faces.length) continue;
    if (!opts.includeCrops && p.file.startsWith('face-api/')) continue;
    const best = p.faces.reduce((a, b) => (b.score > a.score ? b : a));
    out.push({
      face: {
        id: corpusFaceId(p.file, best.box),
        photoId: p.file,
        embedding: best.embedding,
        quality: best.quality,
      },
      identity: p.primary_identity,
    });
  }
  return out;
}

/** Every detected face of every photo (identity unknown for group photos). */
export function allFaces(photos: CorpusPhoto[]): FaceInput[] {
  return photos.flatMap((p) =>
    p.faces.map((f) => ({
      id: corpusFaceId(p.file, f.box),
      photoId: p.file,
      embedding: f.embedding,
      quality: f.quality,
    })),
  );
}
