import { mapRoutes as r } from '../../shared/routes/map.js';
import { thumbUrl } from '../../shared/routes/urls.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function mapRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.getMapClusters, async (req) => {
    const found = picto.discovery.map.clusters(req.query);
    return {
      clusters: found.clusters.map((c) => ({
        lat: c.lat,
        lon: c.lon,
        count: c.count,
        photoId: c.photoId,
        thumbUrl: c.hasThumb ? thumbUrl(c.photoId, c.contentHash) : null,
        bounds: c.bounds,
      })),
      total: found.total,
      cellDeg: found.cellDeg,
    };
  });
}
