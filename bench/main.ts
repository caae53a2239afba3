import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grainyPhotos } from './generate.js';
import { decodeOnlyRate, ingestRate } from './ingest.js';
import { rescanUnchanged } from './rescan.js';
import { peakRssMb } from './rss.js';

// `npm run bench` prints one JSON document; `-- --save` also writes bench/results.json for the README.
const args = new Set(process.argv.slice(2));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');
const photoCount = Number(process.env.PICTO_BENCH_PHOTOS ?? 120);
const rescanCount = Number(process.env.PICTO_BENCH_FILES ?? 100_000);
const workers = Number(process.env.PICTO_WORKERS ?? os.availableParallelism());

const sources = [
  'objects/coco128/images/000000000009.jpg',
  'objects/coco128/images/000000000025.jpg',
  'objects/coco128/images/000000000030.jpg',
  'objects/coco128/images/000000000034.jpg',
  'objects/coco128/images/000000000036.jpg',
  'objects/coco128/images/000000000042.jpg',
  'exif/gps/DSCN0010.jpg',
  'exif/orientation/recurser/Portrait_6.jpg',
].map((p) => path.join(corpus, p));

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

log(`generating ${photoCount} grainy 12 MP JPEGs (cached between runs)…`);
const files = await grainyPhotos(sources, photoCount);

log('decode-only rate…');
const decode = await decodeOnlyRate(files, workers);
log(`ingest rate (thumbnails + metadata, no AI), ${workers} workers…`);
const ingest = await ingestRate(files, workers);
log(`rescan of an unchanged ${rescanCount}-file library…`);
const rescan = await rescanUnchanged(rescanCount);

const result = {
  machine: { cpus: os.availableParallelism(), node: process.version, workers },
  ingest: {
    photos: ingest.photos,
    photosPerSecond: round(ingest.photosPerSecond),
    decodeOnlyPhotosPerSecond: round(decode.photosPerSecond),
    ratioToDecode: round(ingest.photosPerSecond / decode.photosPerSecond),
    targets: { photosPerSecond: 25, ratioToDecode: 0.6 },
  },
  rescan: {
    files: rescan.files,
    firstScanSeconds: round(rescan.firstScanSeconds),
    unchangedRescanSeconds: round(rescan.rescanSeconds),
    target: { seconds: 5 },
  },
  peakRssMb: peakRssMb(),
  targets: { peakRssMb: 500 },
  at: new Date().toISOString(),
};
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
if (args.has('--save')) {
  writeFileSync(
    path.join(repoRoot, 'bench', 'results.json'),
    JSON.stringify(result, null, 2) + '\n',
  );
  log('saved bench/results.json');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
