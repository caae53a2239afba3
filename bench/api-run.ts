import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grainyPhotos } from './generate.js';
import { apiBenchmarks } from './api.js';

// `node dist/bench/api-run.js [photos]`: the gallery benchmark on its own, printing one JSON
// document (bench/main.ts runs the same functions as part of the full benchmark).

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');
const photos = Number(process.argv[2] ?? 100_000);
const sources = [
  'exif/gps/DSCN0010.jpg',
  'objects/coco128/images/000000000009.jpg',
  'objects/coco128/images/000000000025.jpg',
].map((p) => path.join(corpus, p));
const files = await grainyPhotos(sources, 120);
const result = await apiBenchmarks({ photos, indexFolder: path.dirname(files[0]) });
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
