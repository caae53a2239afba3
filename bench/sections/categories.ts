import { benchCategories, documentPhotos } from '../categories.js';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { benchPhotos, corpus, log } from './common.js';

/**
 * Issue 14: the extra cost per photo of the categories (pixel statistics, classification, the
 * text detector where a sheet of paper is seen) next to the media stage, on 12 MP JPEGs.
 * `npm run bench -- --only categories` runs it alone.
 */
export async function run() {
  const photos = await benchPhotos(Number(process.env.PICTO_BENCH_CATEGORY_PHOTOS ?? 40));
  log('12 MP document photos (generated once, then cached)…');
  const documents = await documentPhotos(Number(process.env.PICTO_BENCH_CATEGORY_DOCUMENTS ?? 8));
  log('categories next to the media stage, one photo at a time…');
  const objects = path.join(corpus, 'objects/coco128/images');
  const ordinary = readdirSync(objects).map((f) => path.join(objects, f));
  const result = await benchCategories(photos, documents, ordinary);
  return { ...result, targets: { ratioToMedia: 0.1 } };
}
