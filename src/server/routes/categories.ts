import { Buckets, PhotoIds, TimelinePage, TimelineQuery } from '../../shared/api.js';
import { CategoryChanged, CategoryList, CategoryParams } from '../../shared/categories-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

// What kind of photo (issue 14): the definitions, a category's photos as a timeline (the Review
// page), and taking photos out of a category (kept across recomputation) and undoing it. A
// photo's own categories come with its details (GET /api/photos/{id}); counts and covers with
// GET /api/things; `category:NAME` searches.

export function categoryRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['categories'];
  const { categories } = picto;

  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'The photo categories and what each means',
        description:
          'Categories are decided from what Picto already knows (metadata, pixel statistics, ' +
          'faces, objects, the OCR text detector), each with a score from 0.5 and a reason.',
        response: { 200: CategoryList },
      },
    },
    async () => ({ categories: categories.definitions() }),
  );

  app.get(
    '/categories/:name/photos',
    {
      schema: {
        tags,
        summary: "Page through a category's photos, newest first (timeline shape)",
        params: CategoryParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req) => categories.photos(req.params.name, req.query),
  );

  app.get(
    '/categories/:name/buckets',
    {
      schema: {
        tags,
        summary: "A category's photos per month",
        params: CategoryParams,
        response: { 200: Buckets, ...errors },
      },
    },
    async (req) => categories.buckets(req.params.name),
  );

  app.post(
    '/categories/:name/removals',
    {
      schema: {
        tags,
        summary: 'Take photos out of a category ("not a screenshot")',
        description:
          'Kept across every recomputation (new faces, a new model) until undone with DELETE.',
        params: CategoryParams,
        body: PhotoIds,
        response: { 200: CategoryChanged, ...errors },
      },
    },
    async (req) => categories.remove(req.params.name, req.body.ids),
  );

  app.delete(
    '/categories/:name/removals',
    {
      schema: {
        tags,
        summary: 'Undo removals: the photos are classified again and are back if they qualify',
        params: CategoryParams,
        body: PhotoIds,
        response: { 200: CategoryChanged, ...errors },
      },
    },
    async (req) => categories.restore(req.params.name, req.body.ids),
  );
}
