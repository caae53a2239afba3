// Faces at the shipped threshold on corpus/faces: detection on the 12 multi-face photos against
// test/ml/fixtures/face-boxes.json, false faces on the no-face photos, stability on EXIF-rotated
// copies, and descriptor sanity on the identity labels.

import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { decodeBuffer, decodeCorpus, facesGroundTruth, type FaceFile } from './corpus-images.js';
import {
  createAnalyzer,
  faceDistance,
  FACE_THRESHOLD,
  type Analyzer,
  type DetectedFace,
} from '../../src/ml/index.js';
import { iou, type Box } from '../../src/ml/nms.js';
import { PERSON_THRESHOLD } from '../../src/people/threshold.js';
import type { RawImage } from '../../src/media/types.js';
import { ensureModels } from './models.js';

interface FixturePhoto {
  numFaces: number;
  faces: { box: Box }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/face-boxes.json', import.meta.url), 'utf8'),
) as { photos: Record<string, FixturePhoto> };

/** Same face when the boxes overlap well or each box's centre lies in the other (box styles differ). */
function sameFace(a: Box, b: Box): boolean {
  const inside = (p: [number, number], r: Box) =>
    p[0] >= r[0] && p[0] <= r[0] + r[2] && p[1] >= r[1] && p[1] <= r[1] + r[3];
  const centre = (r: Box): [number, number] => [r[0] + r[2] / 2, r[1] + r[3] / 2];
  return iou(a, b) >= 0.3 || (inside(centre(a), b) && inside(centre(b), a));
}

describe.skipIf(!hasCorpus)('faces on corpus/faces', () => {
  let analyzer: Analyzer;
  let truth: FaceFile[];
  beforeAll(async () => {
    ensureModels();
    analyzer = await createAnalyzer();
    truth = facesGroundTruth();
  });
  afterAll(() => analyzer?.close());

  // Both entry points: analyze() (what the pipeline calls: face tiles gated by CenterNet's person
  // boxes) and detectFaces() on its own (tiles on every large photo).
  const paths = {
    'analyze()': (img: RawImage) => analyzer.analyze(img).then((r) => r.faces),
    'detectFaces()': (img: RawImage) => analyzer.detectFaces(img),
  };
  for (const [name, detect] of Object.entries(paths)) {
    it(`${name}: finds ≥ 44 of the 47 faces in the 12 multi-face photos with box precision ≥ 95 %`, async () => {
      const multi = truth.filter((f) => f.num_faces >= 2);
      expect(multi.map((f) => f.file).sort()).toEqual(Object.keys(fixture.photos).sort());
      let found = 0;
      let correct = 0;
      let detections = 0;
      const perPhoto: string[] = [];
      for (const f of multi) {
        const img = await decodeCorpus('faces', ...f.file.split('/'));
        const faces = await detect(img);
        const gt = fixture.photos[f.file].faces.map(
          ({ box }) =>
            [
              box[0] * img.width,
              box[1] * img.height,
              box[2] * img.width,
              box[3] * img.height,
            ] as Box,
        );
        const matched = new Set<number>();
        for (const face of faces) {
          const j = gt.findIndex((g, k) => !matched.has(k) && sameFace(face.box, g));
          if (j >= 0) {
            matched.add(j);
            correct++;
          }
        }
        found += matched.size;
        detections += faces.length;
        perPhoto.push(
          `${f.file} ${matched.size}/${gt.length}${faces.length > matched.size ? ` (+${faces.length - matched.size} false)` : ''}`,
        );
      }
      console.log(
        `${name} faces @${FACE_THRESHOLD}: found ${found}/47, box precision ${((100 * correct) / detections).toFixed(1)} %\n  ${perPhoto.join('\n  ')}`,
      );
      expect(found).toBeGreaterThanOrEqual(44);
      expect(correct / detections).toBeGreaterThanOrEqual(0.95);
    });

    it(`${name}: finds a face in at most 3 of the 12 no-face photos`, async () => {
      const none = truth.filter((f) => f.num_faces === 0);
      expect(none).toHaveLength(12);
      let withFace = 0;
      for (const f of none)
        if ((await detect(await decodeCorpus('faces', ...f.file.split('/')))).length > 0)
          withFace++;
      console.log(`${name}: no-face photos with a face: ${withFace}/12`);
      expect(withFace).toBeLessThanOrEqual(3);
    });
  }

  // A camera stores pixels rotated and records an EXIF orientation; decoding with auto-orient
  // must give the same faces as the upright original (up to JPEG re-encoding noise).
  describe('EXIF-rotated copies give the same faces', () => {
    const ORIENTATION_FOR_CW_ROTATION: Record<number, number> = { 90: 8, 180: 3, 270: 6 };
    for (const file of [
      'face-api/bbt4.jpg',
      'face_recognition/obama_and_biden.jpg',
      'facenet-pytorch/multiface.jpg',
    ]) {
      it(file, async () => {
        const original = await analyzer.detectFaces(
          await decodeCorpus('faces', ...file.split('/')),
        );
        expect(original.length).toBeGreaterThanOrEqual(3);
        for (const rotation of [90, 180, 270]) {
          const stored = await sharp(corpusPath('faces', ...file.split('/')))
            .rotate()
            .rotate(rotation)
            .withMetadata({ orientation: ORIENTATION_FOR_CW_ROTATION[rotation] })
            .jpeg({ quality: 95 })
            .toBuffer();
          const img = await decodeBuffer(stored);
          const faces = await analyzer.detectFaces(img);
          expect(faces, `rotation ${rotation}`).toHaveLength(original.length);
          for (const o of original) {
            const same = faces.find((f) => iou(f.box, o.box) >= 0.7);
            expect(
              same,
              `rotation ${rotation}: face at ${o.box.map(Math.round).join(',')}`,
            ).toBeDefined();
            expect(Math.abs(same!.score - o.score)).toBeLessThan(0.05);
            expect(faceDistance(same!.embedding, o.embedding)).toBeLessThan(0.01);
          }
        }
      });
    }
  });

  describe('descriptors', () => {
    const byFile = new Map<string, DetectedFace>();
    beforeAll(async () => {
      for (const f of truth.filter((t) => t.primary_identity)) {
        const faces = await analyzer.detectFaces(await decodeCorpus('faces', ...f.file.split('/')));
        if (faces.length > 0)
          byFile.set(
            f.file,
            faces.reduce((a, b) => (b.score > a.score ? b : a)),
          );
      }
    }, 600_000);

    it('finds the subject in every single-subject photo', () => {
      expect(byFile.size).toBe(truth.filter((t) => t.primary_identity).length);
    });

    it('are 128-d, L2-normalised, with plausible landmarks and quality', () => {
      for (const face of byFile.values()) {
        expect(face.embedding).toBeInstanceOf(Float32Array);
        expect(face.embedding).toHaveLength(128);
        expect(Math.abs(faceDistance(face.embedding, face.embedding))).toBeLessThan(1e-5);
        expect(face.landmarks).toHaveLength(68);
        // nose tip (landmark 30) lies inside the detection box
        const [nx, ny] = face.landmarks[30];
        const [x, y, w, h] = face.box;
        expect(nx).toBeGreaterThan(x);
        expect(nx).toBeLessThan(x + w);
        expect(ny).toBeGreaterThan(y);
        expect(ny).toBeLessThan(y + h);
        expect(face.quality.overall).toBeGreaterThanOrEqual(0);
        expect(face.quality.overall).toBeLessThanOrEqual(1);
      }
      const big = [...byFile.values()].filter((f) => f.quality.sizePx >= 100);
      expect(big.filter((f) => f.quality.overall >= 0.5).length / big.length).toBeGreaterThan(0.9);
    });

    it('put the same person closer than different people (deepface labelled pairs)', () => {
      const csv = readFileSync(
        corpusPath('faces', 'groundtruth_from_repos', 'deepface_master.csv'),
        'utf8',
      )
        .trim()
        .split(/\r?\n/)
        .slice(1);
      const same: number[] = [];
      const diff: number[] = [];
      for (const line of csv) {
        const [x, y, decision] = line.trim().split(',');
        const a = byFile.get(`deepface/${x}`);
        const b = byFile.get(`deepface/${y}`);
        if (!a || !b) continue;
        (decision === 'Yes' ? same : diff).push(faceDistance(a.embedding, b.embedding));
      }
      console.log(
        `deepface pairs: same ${same.length} max ${Math.max(...same).toFixed(3)}, different ${diff.length} min ${Math.min(...diff).toFixed(3)}`,
      );
      expect(same.length).toBeGreaterThan(30);
      expect(diff.length).toBeGreaterThan(200);
      expect(Math.max(...same)).toBeLessThan(Math.min(...diff));
    });

    it('separate identities across all labelled photos', () => {
      const files = [...byFile.keys()];
      const id = (f: string) => truth.find((t) => t.file === f)!.primary_identity;
      let sameOk = 0;
      let sameN = 0;
      let diffOk = 0;
      let diffN = 0;
      let nnOk = 0;
      let nnN = 0;
      for (const a of files) {
        let best = { d: Infinity, f: '' };
        for (const b of files) {
          if (a === b) continue;
          const d = faceDistance(byFile.get(a)!.embedding, byFile.get(b)!.embedding);
          if (d < best.d) best = { d, f: b };
          if (a < b) {
            if (id(a) === id(b)) {
              sameN++;
              if (d <= PERSON_THRESHOLD) sameOk++;
            } else {
              diffN++;
              if (d > PERSON_THRESHOLD) diffOk++;
            }
          }
        }
        if (files.some((b) => b !== a && id(b) === id(a))) {
          nnN++;
          if (id(best.f) === id(a)) nnOk++;
        }
      }
      console.log(
        `all pairs @${PERSON_THRESHOLD}: same ${sameOk}/${sameN}, different ${diffOk}/${diffN}; nearest neighbour same person ${nnOk}/${nnN}`,
      );
      expect(sameOk / sameN).toBeGreaterThanOrEqual(0.95);
      expect(diffOk / diffN).toBeGreaterThanOrEqual(0.995);
      expect(nnOk / nnN).toBeGreaterThanOrEqual(0.95);
    });
  });
});
