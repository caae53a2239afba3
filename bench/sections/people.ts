import { peopleBench } from '../people.js';
import { log } from './common.js';

/** Issue 5: clustering 100k synthetic faces, adding 1,000, against a naive n×n DBSCAN. */
export async function run() {
  log('people clustering on 100k synthetic faces…');
  return peopleBench();
}
