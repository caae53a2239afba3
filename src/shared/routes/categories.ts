import { Buckets, PhotoIds, TimelinePage, TimelineQuery } from '../api.js';
import { CategoryChanged, CategoryList, CategoryParams } from '../categories-api.js';
import { declareRoutes } from './declare.js';

/**
 * What kind of photo (issue 14): the definitions, a category's photos as a timeline (the Review
 * page), and taking photos out of a category (kept across recomputation) and undoing it. A
 * photo's own categories come with its details (GET /api/photos/{id}); counts and covers with
 * GET /api/things; `category:NAME` searches.
 */
export const categoryRoutes = declareRoutes({
  listCategories: {
    method: 'GET',
    path: '/api/categories',
    tag: 'categories',
    summary: 'The photo categories and what each means',
    description:
      'Categories are decided from what Picto already knows (metadata, pixel statistics, ' +
      'faces, objects, the OCR text detector), each with a score from 0.5 and a reason.',
    response: { 200: CategoryList },
  },
  listCategoryPhotos: {
    method: 'GET',
    path: '/api/categories/:name/photos',
    tag: 'categories',
    summary: "Page through a category's photos, newest first (timeline shape)",
    params: CategoryParams,
    query: TimelineQuery,
    response: { 200: TimelinePage },
  },
  getCategoryBuckets: {
    method: 'GET',
    path: '/api/categories/:name/buckets',
    tag: 'categories',
    summary: "A category's photos per month",
    params: CategoryParams,
    response: { 200: Buckets },
  },
  removeFromCategory: {
    method: 'POST',
    path: '/api/categories/:name/removals',
    tag: 'categories',
    summary: 'Take photos out of a category ("not a screenshot")',
    description:
      'Kept across every recomputation (new faces, a new model) until undone with DELETE.',
    params: CategoryParams,
    body: PhotoIds,
    response: { 200: CategoryChanged },
    errors: [404],
  },
  undoCategoryRemovals: {
    method: 'DELETE',
    path: '/api/categories/:name/removals',
    tag: 'categories',
    summary: 'Undo removals: the photos are classified again and are back if they qualify',
    params: CategoryParams,
    body: PhotoIds,
    response: { 200: CategoryChanged },
    errors: [404],
  },
});
