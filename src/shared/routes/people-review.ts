import { NumericIdParams } from '../api.js';
import { FaceIdParams } from '../people-api.js';
import {
  SimilarPeople,
  SimilarQuery,
  UndoRejectBody,
  UndoRejectResult,
} from '../people-review-api.js';
import { declareRoutes } from './declare.js';

/** Merge candidates by likeness, and "not this person" taken back. */
export const peopleReviewRoutes = declareRoutes({
  listSimilarPeople: {
    method: 'GET',
    path: '/api/people/:id/similar',
    tag: 'people',
    summary: 'Every other person, likeliest to be this one first (merge candidates)',
    description:
      'Ranked by the average-linkage distance clustering uses; `likeness` reads it against the same ' +
      'threshold. Hidden people are included (they can be merged too).',
    params: NumericIdParams,
    query: SimilarQuery,
    response: { 200: SimilarPeople },
    errors: [404],
  },
  undoFaceRejection: {
    method: 'POST',
    path: '/api/faces/:id/reject/undo',
    tag: 'people',
    summary: 'Take back a "not this person"',
    description:
      'Removes the rejection; a face that was in the person and is in no one now goes back, confirmed ' +
      'only if it was confirmed before. Nothing else the rejection did is undone.',
    params: FaceIdParams,
    body: UndoRejectBody,
    response: { 200: UndoRejectResult },
    errors: [404],
  },
});
