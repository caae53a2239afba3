import { categoryRoutes as r } from '../../shared/routes/categories.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

/** The categories' routes (declared in src/shared/routes/categories.ts). */
export function categoryRoutes(app: Api, { picto }: ServerContext): void {
  const { categories } = picto;

  route(app, r.listCategories, async () => ({ categories: categories.definitions() }));

  route(app, r.listCategoryPhotos, async (req) => categories.photos(req.params.name, req.query));

  route(app, r.getCategoryBuckets, async (req) => categories.buckets(req.params.name));

  route(app, r.removeFromCategory, async (req) => categories.remove(req.params.name, req.body.ids));

  route(app, r.undoCategoryRemovals, async (req) =>
    categories.restore(req.params.name, req.body.ids),
  );
}
