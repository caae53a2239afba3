import { Changed } from '../api.js';
import {
  DateEditBody,
  FindPlaceQuery,
  FoundPlaces,
  PlaceEditBody,
  PlaceEditResult,
} from '../edit-api.js';
import { declareRoutes } from './declare.js';

/** Dates and places set by the user, and places found by name for them. */
export const photoEditRoutes = declareRoutes({
  editPhotoDate: {
    method: 'POST',
    path: '/api/photos/date',
    tag: 'photos',
    summary: 'Set, shift or reset the date of photos',
    description:
      'Stored in the catalogue only (the original is never written) and kept over rescans and ' +
      're-indexing; `takenAtSource` becomes "user". The timeline order follows. `reset` goes back ' +
      'to the date in the file.',
    body: DateEditBody,
    response: { 200: Changed },
    errors: [404],
  },
  editPhotoPlace: {
    method: 'POST',
    path: '/api/photos/place',
    tag: 'photos',
    summary: 'Set or reset where photos were taken',
    description:
      'A position (picked on a map) or a city name the offline geocoder knows. Stored in the catalogue ' +
      'only and kept over rescans; places, the map and search follow at once. `reset` goes back to the ' +
      'position in the file (or none).',
    body: PlaceEditBody,
    response: { 200: PlaceEditResult },
    errors: [404],
  },
  findPlaces: {
    method: 'GET',
    path: '/api/places/find',
    tag: 'places',
    summary: 'Cities by the start of their name (offline), to give photos a place',
    description: 'The exact name first, then the most populous; with region and country.',
    query: FindPlaceQuery,
    response: { 200: FoundPlaces },
  },
});
