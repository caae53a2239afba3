import { MemoriesQuery, MemoryList, TripList } from '../../shared/search-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

export function memoryRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/memories',
    {
      schema: {
        tags: ['memories'],
        summary:
          'Memories of a day: on this day in earlier years, and trips around this time of year',
        description:
          'Trips are runs of photos taken more than 100 km from home (the city photographed on the most ' +
          'days). Each memory has a few chosen photos and a search `query` that opens all of them.',
        querystring: MemoriesQuery,
        response: { 200: MemoryList, ...errors },
      },
    },
    async (req) => ({
      memories: picto.discovery.memories
        .forDay(req.query.date)
        .map((m) => ({ ...m, photos: picto.gallery.items(m.photos) })),
    }),
  );

  app.get(
    '/memories/trips',
    {
      schema: {
        tags: ['memories'],
        summary: 'Every trip away from home, newest first',
        response: { 200: TripList },
      },
    },
    async () => {
      const r = picto.discovery.memories.trips();
      return {
        home: r.home ? { city: r.home.city, lat: r.home.lat, lon: r.home.lon } : null,
        trips: r.trips.map((t) => ({
          title: t.title,
          start: t.start,
          end: t.end,
          photos: t.photoIds.length,
          countries: t.countries,
          km: t.km,
          query: t.query,
        })),
      };
    },
  );
}
