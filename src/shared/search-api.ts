import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { FourNumbers, PhotoId, TimelineItem } from './api.js';
import { CategorySummary } from './categories-api.js';

// Request and response shapes of search and discovery (search, places, duplicates, memories,
// map), next to the gallery's in api.ts.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

// Search --------------------------------------------------------------------------------------

export const SortOrder = Type.Union([
  Type.Literal('relevance'),
  Type.Literal('newest'),
  Type.Literal('oldest'),
]);

export const SearchQuery = Type.Object({
  q: Type.String({
    maxLength: 2000,
    default: '',
    description:
      'What to look for, as typed: "alice dog beach 2019". Plain words are matched against tags (and groups: ' +
      '"animal"), people, albums, places, cameras, file types, folders and dates ("june 2021", "last summer", ' +
      '"2019-2021"); other words search file names and text found in photos. Explicit keys: tag:, person:, ' +
      'album:, year:, date:, after:, before:, city:, country:, place:, camera:, type:, folder:, text:, ocr:, ' +
      'name:, is:favourite, has:gps|text|faces, area:south,west,north,east, sort:; "-" excludes, "or" joins.',
  }),
  cursor: Type.Optional(
    Type.String({ maxLength: 400, description: 'nextCursor of the previous page' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  sort: Type.Optional(SortOrder),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const Chip = Type.Object({
  kind: Type.String({
    description:
      'tag, person, album, date, place, camera, type, folder, favourite, text, area, has, category, or mixed',
  }),
  label: Type.String(),
  negate: Type.Boolean(),
  query: Type.String({ description: 'this filter alone in explicit syntax' }),
  without: Type.String({ description: 'the search text with this filter removed' }),
  note: Type.Optional(Type.String()),
});
export type Chip = Static<typeof Chip>;

export const Understood = Type.Object({
  chips: Type.Array(Chip),
  canonical: Type.String({ description: 'the whole query in explicit syntax' }),
  ignored: Type.Array(Type.String(), { description: 'words without meaning ("photos", "of")' }),
});
export type Understood = Static<typeof Understood>;

export const SearchResult = Type.Object({
  items: Type.Array(TimelineItem),
  nextCursor: Nullable(Type.String()),
  /** On the first page: matches counted up to 2000 ("2,000+"). */
  total: Nullable(Type.Integer()),
  totalCapped: Type.Boolean(),
  sort: SortOrder,
  understood: Understood,
  ms: Type.Number(),
});
export type SearchResult = Static<typeof SearchResult>;

// Places --------------------------------------------------------------------------------------

export const PhotoPlace = Type.Object({
  city: Nullable(Type.String()),
  region: Nullable(Type.String()),
  country: Nullable(Type.String()),
  countryCode: Nullable(Type.String()),
  continent: Nullable(Type.String()),
  /** Distance to the city's centre, km. */
  cityKm: Nullable(Type.Number()),
  /** Opens the photos of the same city (or country) in search. */
  query: Type.String(),
});
export type PhotoPlace = Static<typeof PhotoPlace>;

export const PlaceSummary = Type.Object({
  key: Type.String(),
  name: Type.String(),
  country: Nullable(Type.String()),
  photos: Type.Integer(),
  lat: Type.Number(),
  lon: Type.Number(),
  coverUrl: Nullable(Type.String()),
  query: Type.String(),
});
export type PlaceSummary = Static<typeof PlaceSummary>;

export const PlaceList = Type.Object({
  countries: Type.Array(PlaceSummary),
  cities: Type.Array(PlaceSummary),
});
export type PlaceList = Static<typeof PlaceList>;

// Things (object tags) ------------------------------------------------------------------------

export const ThingSummary = Type.Object({
  name: Type.String({ description: 'a COCO object label ("dog") or a group ("animal")' }),
  photos: Type.Integer({ description: 'photos (not in the trash) carrying it' }),
  coverUrl: Nullable(Type.String({ description: 'thumbnail of the photo where it is clearest' })),
  query: Type.String({ description: 'the search that lists these photos, e.g. tag:dog' }),
  labels: Type.Optional(
    Type.Array(Type.String(), { description: "a group's tags found in the library" }),
  ),
});
export type ThingSummary = Static<typeof ThingSummary>;

export const ThingList = Type.Object({
  tags: Type.Array(ThingSummary, { description: 'most frequent first' }),
  groups: Type.Array(ThingSummary, {
    description: 'animal, vehicle, food, … (most frequent first)',
  }),
  categories: Type.Array(CategorySummary, {
    description: 'photo categories with photos (screenshots, documents, selfies, …), in order',
  }),
});
export type ThingList = Static<typeof ThingList>;

// Map -----------------------------------------------------------------------------------------

export const MapQuery = Type.Object({
  south: Type.Number({ minimum: -90, maximum: 90, default: -90 }),
  west: Type.Number({ minimum: -180, maximum: 180, default: -180 }),
  north: Type.Number({ minimum: -90, maximum: 90, default: 90 }),
  east: Type.Number({ minimum: -180, maximum: 180, default: 180 }),
  zoom: Type.Integer({
    minimum: 0,
    maximum: 22,
    default: 2,
    description: 'map zoom: sets the cluster cell size',
  }),
  q: Type.Optional(
    Type.String({ maxLength: 2000, description: 'only photos matching this search' }),
  ),
});
export type MapQuery = Static<typeof MapQuery>;

export const MapCluster = Type.Object({
  lat: Type.Number(),
  lon: Type.Number(),
  count: Type.Integer(),
  /** The newest photo of the cluster. */
  photoId: PhotoId,
  thumbUrl: Nullable(Type.String()),
  /** The cluster's cell, for "show these photos": area:south,west,north,east. */
  bounds: FourNumbers('south, west, north, east'),
});
export type MapCluster = Static<typeof MapCluster>;

export const MapClusters = Type.Object({
  clusters: Type.Array(MapCluster),
  total: Type.Integer(),
  cellDeg: Type.Number(),
});
export type MapClusters = Static<typeof MapClusters>;

// Duplicates ----------------------------------------------------------------------------------

export const DuplicatePhoto = Type.Object({
  id: PhotoId,
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  size: Type.Integer(),
  format: Nullable(Type.String()),
  takenAt: Type.String(),
  favourite: Type.Boolean(),
  albums: Type.Integer(),
  thumbUrl: Nullable(Type.String()),
  path: Nullable(Type.String()),
});
export type DuplicatePhoto = Static<typeof DuplicatePhoto>;

export const DuplicateKind = Type.Union([
  Type.Literal('identical'),
  Type.Literal('near'),
  Type.Literal('mirror'),
  Type.Literal('rotated'),
  Type.Literal('crop'),
]);

export const DuplicateGroup = Type.Object({
  id: Type.String(),
  photos: Type.Array(DuplicatePhoto),
  pairs: Type.Array(
    Type.Object({
      a: PhotoId,
      b: PhotoId,
      kind: DuplicateKind,
      distance: Type.Integer({ description: 'hash bits that differ (0 = same picture)' }),
    }),
  ),
  keep: PhotoId,
  reason: Type.String({ description: 'why keeping that one is suggested' }),
});
export type DuplicateGroup = Static<typeof DuplicateGroup>;

export const DuplicatesReport = Type.Object({
  groups: Type.Array(DuplicateGroup),
  copies: Type.Array(Type.Object({ id: PhotoId, paths: Type.Array(Type.String()) })),
  compared: Type.Integer(),
  ms: Type.Integer(),
});
export type DuplicatesReport = Static<typeof DuplicatesReport>;

export const GroupParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) });
export const ResolveBody = Type.Object({ keep: PhotoId });
export const ResolveResult = Type.Object({ kept: PhotoId, trashed: Type.Array(PhotoId) });
export type ResolveResult = Static<typeof ResolveResult>;
export const DismissResult = Type.Object({
  dismissed: Type.Integer({ description: 'pairs remembered as not duplicates' }),
});

// Memories ------------------------------------------------------------------------------------

export const MemoriesQuery = Type.Object({
  date: Type.Optional(
    Type.String({
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      description: 'default: today (server time)',
    }),
  ),
});

export const Memory = Type.Object({
  kind: Type.Union([Type.Literal('on-this-day'), Type.Literal('trip')]),
  id: Type.String(),
  title: Type.String(),
  subtitle: Type.String(),
  year: Type.Integer(),
  yearsAgo: Type.Integer(),
  count: Type.Integer(),
  photos: Type.Array(TimelineItem),
  query: Type.String({ description: 'opens all photos of the memory in search' }),
});
export type Memory = Static<typeof Memory>;

export const MemoryList = Type.Object({ memories: Type.Array(Memory) });
export type MemoryList = Static<typeof MemoryList>;

export const Trip = Type.Object({
  title: Type.String(),
  start: Type.String(),
  end: Type.String(),
  photos: Type.Integer(),
  countries: Type.Array(Type.String()),
  km: Type.Integer({ description: 'furthest distance from home' }),
  query: Type.String(),
});
export const TripList = Type.Object({
  home: Nullable(
    Type.Object({ city: Nullable(Type.String()), lat: Type.Number(), lon: Type.Number() }),
  ),
  trips: Type.Array(Trip),
});
export type TripList = Static<typeof TripList>;

// Settings --------------------------------------------------------------------------------------

export const SearchSettings = Type.Object({
  ocr: Type.Object({
    enabled: Type.Boolean({
      description: 'read text in photos (low priority, folders with AI on)',
    }),
    read: Type.Integer({ description: 'photos read so far' }),
    queued: Type.Integer(),
    withText: Type.Integer({ description: 'photos where text was found' }),
  }),
  semantic: Type.Object({
    available: Type.Boolean(),
    name: Nullable(Type.String()),
    reason: Type.String({ description: 'why no model is used (none ships with Picto)' }),
  }),
});
export type SearchSettings = Static<typeof SearchSettings>;

export const UpdateSearchSettings = Type.Object({ ocr: Type.Boolean() });
