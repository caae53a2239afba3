import type { CategoryName } from '../../../src/shared/categories.js';
import { routes } from '../../../src/shared/routes/index.js';
import { call } from '../api/call.js';
import type { Source } from '../timeline/source.js';

export const categoriesApi = {
  /** Takes photos out of a category ("not a screenshot"); kept until undone. */
  remove: (name: CategoryName, ids: string[]) =>
    call(routes.removeFromCategory, { params: { name }, body: { ids } }),
  /** Undoes removals: the photos are back if they still qualify. */
  restore: (name: CategoryName, ids: string[]) =>
    call(routes.undoCategoryRemovals, { params: { name }, body: { ids } }),
};

/** A category's photos as a photo grid (the Review page). */
export function categorySource(name: CategoryName): Source {
  return {
    key: `category:${name}`,
    kind: 'category',
    category: name,
    page: (query) => call(routes.listCategoryPhotos, { params: { name }, query }),
    buckets: () => call(routes.getCategoryBuckets, { params: { name } }),
  };
}
