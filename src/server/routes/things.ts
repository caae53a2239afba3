import { ThingList } from '../../shared/search-api.js';
import type { CategoryThing, Thing } from '../../search/things.js';
import type { Api, ServerContext } from '../context.js';
import { thumbUrl } from '../../shared/urls.js';

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
  app.get(
    '/things',
    {
      schema: {
        tags: ['search'],
        summary: 'Object tags found in the library, and their groups, with counts',
        description:
          'Tags are the COCO-80 labels of the objects model (person, dog, car, …) at its shipped ' +
          'threshold; groups (animal, vehicle, food, …) gather related labels. Each entry carries ' +
          'the search query that lists its photos (GET /api/search?q=…). Categories (screenshot, ' +
          'document, selfie, …) say what kind of photo it is (GET /api/categories defines them).',
        response: { 200: ThingList },
      },
    },
    async () => {
      const { tags, groups, categories } = await picto.discovery.things.list();
      return {
        tags: tags.map(summary),
        groups: groups.map(summary),
        categories: categories.map(categorySummary),
      };
    },
  );
}
