import { MapClusters, MapQuery } from '../../shared/search-api.js';
import type { Api, ServerContext } from '../context.js';
import { thumbUrl } from '../../shared/urls.js';
import { errors } from './common.js';

export function mapRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/map/clusters',
    {
      schema: {
        tags: ['map'],
        summary: 'Photos with a position in a map view, clustered',
        description:
          'Groups photos in cells about 60 screen pixels wide at `zoom`, each with its count, mean position ' +
          'and newest photo. With `q`, only photos matching that search. To list a cluster or a selected ' +
          'rectangle, search `area:south,west,north,east`.',
        querystring: MapQuery,
        response: { 200: MapClusters, ...errors },
      },
    },
    async (req) => {
      const r = picto.discovery.map.clusters(req.query);
      return {
        clusters: r.clusters.map((c) => ({
          lat: c.lat,
          lon: c.lon,
          count: c.count,
          photoId: c.photoId,
          thumbUrl: c.hasThumb ? thumbUrl(c.photoId, c.contentHash) : null,
          bounds: c.bounds,
        })),
        total: r.total,
        cellDeg: r.cellDeg,
      };
    },
  );
}
