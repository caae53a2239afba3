import { ThingList } from '../../shared/search-api.js';
import type { Thing } from '../../search/things.js';
import type { Api, ServerContext } from '../context.js';
import { thumbUrl } from '../../shared/urls.js';

const summary = (t: Thing) => ({
  name: t.name,
  photos: t.photos,
  coverUrl: t.cover.hasThumb ? thumbUrl(t.cover.id, t.cover.hash) : null,
  query: t.query,
  ...(t.labels ? { labels: t.labels } : {}),
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
          'the search query that lists its photos (GET /api/search?q=…).',
        response: { 200: ThingList },
      },
    },
    async () => {
      const { tags, groups } = await picto.discovery.things.list();
      return { tags: tags.map(summary), groups: groups.map(summary) };
    },
  );
}
