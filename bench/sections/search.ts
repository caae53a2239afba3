import { searchBench } from '../search.js';
import { log } from './common.js';

/** Issue 6: combined search queries on a 100k-photo catalogue. */
export async function run() {
  log('search on a generated 100k-photo catalogue…');
  return searchBench({ log });
}
