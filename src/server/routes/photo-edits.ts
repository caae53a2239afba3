import { Changed } from '../../shared/api.js';
import {
  DateEditBody,
  FindPlaceQuery,
  FoundPlaces,
  PlaceEditBody,
  PlaceEditResult,
} from '../../shared/edit-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

/** Dates and places set by the user, and places found by name for them. */
export function photoEditRoutes(app: Api, { picto }: ServerContext): void {
  app.post(
    '/photos/date',
    {
      schema: {
        tags: ['photos'],
        summary: 'Set, shift or reset the date of photos',
        description:
          'Stored in the catalogue only (the original is never written) and kept over rescans and ' +
          're-indexing; `takenAtSource` becomes "user". The timeline order follows. `reset` goes back ' +
          'to the date in the file.',
        body: DateEditBody,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => {
      const { ids, ...edit } = req.body;
      return { changed: picto.edits.editDate(ids, edit) };
    },
  );

  app.post(
    '/photos/place',
    {
      schema: {
        tags: ['photos'],
        summary: 'Set or reset where photos were taken',
        description:
          'A position (picked on a map) or a city name the offline geocoder knows. Stored in the catalogue ' +
          'only and kept over rescans; places, the map and search follow at once. `reset` goes back to the ' +
          'position in the file (or none).',
        body: PlaceEditBody,
        response: { 200: PlaceEditResult, ...errors },
      },
    },
    async (req) => {
      const { ids, ...edit } = req.body;
      return picto.edits.editPlace(ids, edit);
    },
  );

  app.get(
    '/places/find',
    {
      schema: {
        tags: ['places'],
        summary: 'Cities by the start of their name (offline), to give photos a place',
        description: 'The exact name first, then the most populous; with region and country.',
        querystring: FindPlaceQuery,
        response: { 200: FoundPlaces, ...errors },
      },
    },
    async (req) => ({ places: picto.discovery.places.find(req.query.q, req.query.limit ?? 8) }),
  );
}
