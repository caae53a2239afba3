import { Type, type Static } from '@sinclair/typebox';
import { PhotoId } from './api.js';

// Dates and places set by the user (POST /api/photos/date, /api/photos/place) and places found by
// name for them (GET /api/places/find). Stored in the catalogue only, never in the original.

const Ids = Type.Array(PhotoId, { minItems: 1, maxItems: 10_000, uniqueItems: true });

export const DateEditBody = Type.Object(
  {
    ids: Ids,
    set: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$',
        description: 'the capture time, local wall clock: 2019-06-14T12:00 (seconds optional)',
      }),
    ),
    offsetMinutes: Type.Optional(
      Type.Union([Type.Integer({ minimum: -840, maximum: 840 }), Type.Null()], {
        description: 'UTC offset of `set` (null: unknown); left out, each photo keeps its own',
      }),
    ),
    shiftSeconds: Type.Optional(
      Type.Integer({ description: "moves each photo's own date by this much (negative: earlier)" }),
    ),
    reset: Type.Optional(Type.Literal(true, { description: 'back to the date in the file' })),
  },
  { description: 'exactly one of set, shiftSeconds or reset' },
);
export type DateEditBody = Static<typeof DateEditBody>;

export const PlaceEditBody = Type.Object(
  {
    ids: Ids,
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'a city the offline geocoder knows: "Lisbon", or "Paris, Texas" to choose',
      }),
    ),
    reset: Type.Optional(Type.Literal(true, { description: 'back to the position in the file' })),
  },
  { description: 'exactly one of lat and lon, name or reset' },
);
export type PlaceEditBody = Static<typeof PlaceEditBody>;

export const PlaceEditResult = Type.Object({
  changed: Type.Integer(),
  /** The position set (null after a reset). */
  lat: Type.Union([Type.Number(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
});
export type PlaceEditResult = Static<typeof PlaceEditResult>;

export const FindPlaceQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'the start of a city name' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 8 })),
});

export const FoundPlace = Type.Object({
  city: Type.String(),
  region: Type.Union([Type.String(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  lat: Type.Number(),
  lon: Type.Number(),
});
export type FoundPlace = Static<typeof FoundPlace>;

export const FoundPlaces = Type.Object({ places: Type.Array(FoundPlace) });
export type FoundPlaces = Static<typeof FoundPlaces>;
