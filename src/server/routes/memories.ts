import { memoryRoutes as r } from '../../shared/routes/memories.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function memoryRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.listMemories, async (req) => ({
    memories: picto.discovery.memories
      .forDay(req.query.date)
      .map((m) => ({ ...m, photos: picto.gallery.items(m.photos) })),
  }));

  route(app, r.listTrips, async () => {
    const found = picto.discovery.memories.trips();
    return {
      home: found.home ? { city: found.home.city, lat: found.home.lat, lon: found.home.lon } : null,
      trips: found.trips.map((t) => ({
        title: t.title,
        start: t.start,
        end: t.end,
        photos: t.photoIds.length,
        countries: t.countries,
        km: t.km,
        query: t.query,
      })),
    };
  });
}
