import { Buckets, TimelinePage, TimelineQuery } from '../api.js';
import { declareRoutes } from './declare.js';

export const timelineRoutes = declareRoutes({
  listTimeline: {
    method: 'GET',
    path: '/api/timeline',
    tag: 'timeline',
    summary: 'Page through the library, newest first',
    description:
      'Keyset-paginated: pass `nextCursor` back as `cursor`. Pages stay stable while photos are added. ' +
      'Trashed photos are left out. With `month`, only that month.',
    query: TimelineQuery,
    response: { 200: TimelinePage },
  },
  getTimelineBuckets: {
    method: 'GET',
    path: '/api/timeline/buckets',
    tag: 'timeline',
    summary: 'Photo counts per month',
    description:
      'Lets a client size the whole timeline (and a date scrubber) before loading photos.',
    response: { 200: Buckets },
  },
});
