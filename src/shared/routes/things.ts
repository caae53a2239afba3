import { ThingList } from '../search-api.js';
import { declareRoutes } from './declare.js';

export const thingRoutes = declareRoutes({
  listThings: {
    method: 'GET',
    path: '/api/things',
    tag: 'search',
    summary:
      'Object tags found in the library, their groups, and the photo categories, with counts',
    description:
      'Tags are the COCO-80 labels of the objects model (person, dog, car, …) at its shipped ' +
      'threshold; groups (animal, vehicle, food, …) gather related labels. Each entry carries ' +
      'the search query that lists its photos (GET /api/search?q=…). Categories (screenshot, ' +
      'document, selfie, …) say what kind of photo it is (GET /api/categories defines them).',
    response: { 200: ThingList },
  },
});
