import { MapClusters, MapQuery } from '../search-api.js';
import { declareRoutes } from './declare.js';

export const mapRoutes = declareRoutes({
  getMapClusters: {
    method: 'GET',
    path: '/api/map/clusters',
    tag: 'map',
    summary: 'Photos with a position in a map view, clustered',
    description:
      'Groups photos in cells about 60 screen pixels wide at `zoom`, each with its count, mean position ' +
      'and newest photo. With `q`, only photos matching that search. To list a cluster or a selected ' +
      'rectangle, search `area:south,west,north,east`.',
    query: MapQuery,
    response: { 200: MapClusters },
    errors: [404],
  },
});
