import { PhotoIdParams } from '../api.js';
import { WorkInfo, WorkOriginalQuery } from '../work-api.js';
import { binary, declareRoutes } from './declare.js';

const TOKEN =
  'Unlike every other route this needs the access token over loopback too (a remote worker is ' +
  'a program given the token).';

/** What remote workers (`picto worker`, issue 17) ask the primary. */
export const workRoutes = declareRoutes({
  getWorkInfo: {
    method: 'GET',
    path: '/api/work/info',
    tag: 'work',
    summary: 'For remote workers: the queue of this library and the stage versions it writes',
    description: TOKEN,
    response: { 200: WorkInfo },
  },
  getWorkOriginal: {
    method: 'GET',
    path: '/api/work/:id/original',
    tag: 'work',
    summary: 'For remote workers: the original of a photo whose job they took',
    description:
      `${TOKEN} Answers 409 when the photo’s content is no longer \`hash\` (it changed since ` +
      'the job was published). `x-picto-name` is the file name in the library, `x-picto-mtime` ' +
      'its modification time in ms: dates read from names and file times come out as they do here.',
    params: PhotoIdParams,
    query: WorkOriginalQuery,
    response: {
      200: binary('The file as it is on disk', 'image/*', 'application/octet-stream'),
      206: binary('A byte range of it', 'image/*', 'application/octet-stream'),
    },
    errors: [404, 409, 416],
  },
});
