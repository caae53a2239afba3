import type { CategoryName } from '../../../src/shared/categories.js';
import type { CategoryChanged } from '../../../src/shared/categories-api.js';
import { request } from '../api/client.js';
import type { Source } from '../timeline/source.js';

export const categoriesApi = {
  /** Takes photos out of a category ("not a screenshot"); kept until undone. */
  remove: (name: CategoryName, ids: string[]) =>
    request<CategoryChanged>('POST', `/api/categories/${name}/removals`, { ids }),
  /** Undoes removals: the photos are back if they still qualify. */
  restore: (name: CategoryName, ids: string[]) =>
    request<CategoryChanged>('DELETE', `/api/categories/${name}/removals`, { ids }),
};

/** A category's photos as a photo grid (the Review page). */
export function categorySource(name: CategoryName): Source {
  return {
    key: `category:${name}`,
    base: `/api/categories/${name}/photos`,
    bucketsBase: `/api/categories/${name}`,
    kind: 'category',
    category: name,
  };
}
