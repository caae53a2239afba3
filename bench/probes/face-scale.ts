// Which working-image size the face pipeline needs when faces are small in a 12 MP photo.
//   node dist/bench/probes/face-scale.js [fractions] [sizes]
//
// corpus/faces' multi-face photos are small (473–2280 px), so decoding them at 800 or 1440 px
// changes little. Here each of the 12 photos is pasted, shrunk to a fraction of the width, into a
// 4000×3000 grainy grey frame (fit to that fraction of the frame) and encoded as a q90 JPEG: the faces become as small in the frame as
// in a group photo taken from further away. Each composite is decoded like the pipeline does (EXIF
// orientation, fit inside N px, so sharp's shrink-on-load applies) and analyze() runs on it;
// faces are matched against test/ml/fixtures/face-boxes.json moved into the frame. Detection is
// not all: the descriptor of a small face is computed from fewer pixels, so each found face's
// embedding is compared with the same face's embedding in the original photo (decoded at 1440 px,
// as the corpus tests do): "same" counts those within PERSON_THRESHOLD. Nothing is
// written: the face photos stay in the corpus (tests-only data).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { RawImage } from '../../src/media/types.js';
import { createAnalyzer, faceDistance, type DetectedFace } from '../../src/ml/index.js';
import { iou, type Box } from '../../src/ml/nms.js';
import { PERSON_THRESHOLD } from '../../src/people/threshold.js';
import { log, median, r1 } from './common.js';

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const corpus = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');
const W = 4000;
const H = 3000;

interface Fixture {
  photos: Record<string, { faces: { box: Box }[] }>;
}

function sameFace(a: Box, b: Box): boolean {
  const inside = (p: [number, number], r: Box) =>
    p[0] >= r[0] && p[0] <= r[0] + r[2] && p[1] >= r[1] && p[1] <= r[1] + r[3];
  const centre = (r: Box): [number, number] => [r[0] + r[2] / 2, r[1] + r[3] / 2];
  return iou(a, b) >= 0.3 || (inside(centre(a), b) && inside(centre(b), a));
}

async function composite(file: string, fraction: number) {
  const img = sharp(file).rotate();
  const meta = await sharp(await img.clone().toBuffer()).metadata();
  const s = fraction * Math.min(W / meta.width!, H / meta.height!);
  const w = Math.round(meta.width! * s);
  const h = Math.round(meta.height! * s);
  const photo = await img.resize(w, h).removeAlpha().png().toBuffer();
  const left = Math.round((W - w) / 2);
  const top = Math.round((H - h) / 2);
  const jpeg = await sharp({
    create: {
      width: W,
      height: H,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .composite([{ input: photo, left, top }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return { jpeg, left, top, w, h };
}

async function decode(jpeg: Buffer, maxSide: number): Promise<RawImage> {
  const { data, info } = await sharp(jpeg)
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels: 3 };
}

export async function faceScale(fractions: number[], sizes: number[]) {
  const fixture = JSON.parse(
    readFileSync(path.join(repoRoot, 'test/ml/fixtures/face-boxes.json'), 'utf8'),
  ) as Fixture;
  const analyzer = await createAnalyzer();
  type Row = { found: number; of: number; false: number; same: number; distances: number[] };
  const out: Record<
    string,
    Record<string, Omit<Row, 'distances'> & { medianDistance: number }>
  > = {};
  // Reference embeddings: each fixture face in the original photo.
  const reference = new Map<string, (DetectedFace | null)[]>();
  for (const [file, photo] of Object.entries(fixture.photos)) {
    const img = await decode(readFileSync(path.join(corpus, 'faces', file)), 1440);
    const faces = await analyzer.detectFaces(img);
    reference.set(
      file,
      photo.faces.map(({ box }) => {
        const t: Box = [
          box[0] * img.width,
          box[1] * img.height,
          box[2] * img.width,
          box[3] * img.height,
        ];
        return faces.find((f) => sameFace(f.box, t)) ?? null;
      }),
    );
  }
  try {
    for (const fraction of fractions) {
      const row: Record<string, Row> = {};
      for (const size of sizes) row[size] = { found: 0, of: 0, false: 0, same: 0, distances: [] };
      for (const [file, photo] of Object.entries(fixture.photos)) {
        const c = await composite(path.join(corpus, 'faces', file), fraction);
        for (const size of sizes) {
          const img = await decode(c.jpeg, size);
          const k = img.width / W;
          const truth = photo.faces.map(
            ({ box }) =>
              [
                (c.left + box[0] * c.w) * k,
                (c.top + box[1] * c.h) * k,
                box[2] * c.w * k,
                box[3] * c.h * k,
              ] as Box,
          );
          const faces = (await analyzer.analyze(img)).faces;
          const matched = new Set<number>();
          for (const f of faces) {
            const j = truth.findIndex((t, i) => !matched.has(i) && sameFace(f.box, t));
            if (j < 0) continue;
            matched.add(j);
            const ref = reference.get(file)![j];
            if (!ref) continue;
            const d = faceDistance(f.embedding, ref.embedding);
            row[size].distances.push(d);
            if (d <= PERSON_THRESHOLD) row[size].same++;
          }
          row[size].found += matched.size;
          row[size].of += truth.length;
          row[size].false += faces.length - matched.size;
        }
      }
      const summary = Object.fromEntries(
        Object.entries(row).map(([size, { distances, ...rest }]) => [
          size,
          { ...rest, medianDistance: r1(median(distances) * 1000) / 1000 },
        ]),
      );
      out[`photo fit to ${Math.round(fraction * 100)} % of the frame`] = summary;
      log(`fraction ${fraction}: ${JSON.stringify(summary)}`);
    }
  } finally {
    await analyzer.close();
  }
  return { frame: `${W}×${H}`, facesFoundByWorkSize: out };
}

const fractions = (process.argv[2] ?? '1,0.5,0.33,0.25').split(',').map(Number);
const sizes = (process.argv[3] ?? '800,1024,1333,1440,2000').split(',').map(Number);
process.stdout.write(JSON.stringify(await faceScale(fractions, sizes), null, 2) + '\n');
