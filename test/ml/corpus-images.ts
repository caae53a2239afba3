// Decoding corpus photos the way the media pipeline hands them to ML: EXIF orientation applied,
// alpha dropped, RGB, at most the pipeline's working size on the long side.
// PICTO_TEST_WORK_SIZE overrides that size, to measure the quality bars at another working size
// (bench/FINDINGS.md: which decode scale the models need).

import { readFileSync } from 'node:fs';
import { decodeForMl } from '../../bench/ml.js';
import { WORK_SIZE } from '../../src/media/decode.js';
import type { RawImage } from '../../src/media/types.js';
import { corpusPath } from '../helpers/corpus.js';

export const MAX_SIDE = Number(process.env.PICTO_TEST_WORK_SIZE) || WORK_SIZE;

export const decodeBuffer = (input: Buffer | string, maxSide = MAX_SIDE): Promise<RawImage> =>
  decodeForMl(input, maxSide);

export const decodeCorpus = (...parts: string[]): Promise<RawImage> =>
  decodeBuffer(corpusPath(...parts));

export interface FaceFile {
  file: string;
  num_faces: number;
  primary_identity: string | null;
  identities: string[];
  near_duplicate_of: string | null;
}

export function facesGroundTruth(): FaceFile[] {
  return (
    JSON.parse(readFileSync(corpusPath('faces', 'ground_truth.json'), 'utf8')) as {
      files: FaceFile[];
    }
  ).files;
}

export interface ObjectImage {
  classes?: string[];
  counts?: Record<string, number>;
}

export function objectsGroundTruth(): Record<string, ObjectImage> {
  return (
    JSON.parse(readFileSync(corpusPath('objects', 'ground_truth.json'), 'utf8')) as {
      images: Record<string, ObjectImage>;
    }
  ).images;
}
