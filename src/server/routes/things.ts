import type { CategoryThing, Thing } from '../../search/things.js';
import { thingRoutes as r } from '../../shared/routes/things.js';
import { thumbUrl } from '../../shared/routes/urls.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

const summary = (t: Thing) => ({
  name: t.name,
  photos: t.photos,
  coverUrl: t.cover.hasThumb ? thumbUrl(t.cover.id, t.cover.hash) : null,
  query: t.query,
  ...(t.labels ? { labels: t.labels } : {}),
});

const categorySummary = (c: CategoryThing) => ({
  name: c.name,
  photos: c.photos,
  coverUrl: c.cover.hasThumb ? thumbUrl(c.cover.id, c.cover.hash) : null,
  query: c.query,
  label: c.label,
  definition: c.definition,
  ...(c.tagGroup ? { tagGroup: c.tagGroup } : {}),
});

export function thingRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.listThings, async () => {
    const { tags, groups, categories } = await picto.discovery.things.list();
    return {
      tags: tags.map(summary),
      groups: groups.map(summary),
      categories: categories.map(categorySummary),
    };
  });
}
