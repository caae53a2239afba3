import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PhotoNotesFields } from './interchange-api.js';
import { DurationMs, MediaKind, VideoInfo } from './video-api.js';
import { PhotoCategory, RemovedCategory } from './categories.js';
import { QueueState, WorkerInfo } from './work-api.js';

// The HTTP API's request and response shapes: one TypeBox schema per shape. The route declarations
// (src/shared/routes) put them together per route; fastify validates and serialises with them and
// publishes them as OpenAPI, and the web client types its calls with them. Videos and Live
// Photos: [Note: The video contract] in video-api.ts.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

// Errors --------------------------------------------------------------------------------------

export const ApiError = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String({ description: 'short machine-readable kind: validation, not-found, …' }),
    message: Type.String({ description: 'what went wrong, written for a person' }),
    field: Type.Optional(
      Type.String({ description: 'the request field at fault, e.g. body/name' }),
    ),
  },
  { $id: 'ApiError' },
);
export type ApiError = Static<typeof ApiError>;

// Shared fragments ----------------------------------------------------------------------------

export const PhotoId = Type.String({
  pattern: '^[0-9a-f]{16,64}$',
  description: 'stable photo id (hex); survives renames, moves and edits in place',
});

/**
 * Four numbers in a fixed order (a box, a map cell): a tuple for TypeScript, and in the schema an
 * array of exactly four numbers, because OpenAPI 3.0 has no tuples (its `items` is one schema).
 * The JSON is the same either way.
 */
export const FourNumbers = (description?: string) =>
  Type.Unsafe<[number, number, number, number]>(
    Type.Array(Type.Number(), { minItems: 4, maxItems: 4, ...(description && { description }) }),
  );

export const PhotoIdParams = Type.Object({ id: PhotoId });
export type PhotoIdParams = Static<typeof PhotoIdParams>;

export const NumericIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type NumericIdParams = Static<typeof NumericIdParams>;

/** A selection of photos; the cap keeps one request bounded whatever the UI sends. */
export const PhotoIds = Type.Object({
  ids: Type.Array(PhotoId, { minItems: 1, maxItems: 10_000, uniqueItems: true }),
});
export type PhotoIds = Static<typeof PhotoIds>;

export const Changed = Type.Object({
  changed: Type.Integer({ description: 'rows actually changed' }),
});
export type Changed = Static<typeof Changed>;

export const PhotoStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('ready'),
  Type.Literal('error'),
]);
export type PhotoStatus = Static<typeof PhotoStatus>;

// Timeline ------------------------------------------------------------------------------------

export const TimelineItem = Type.Object({
  id: PhotoId,
  /** null until the indexer has made the thumbnail. */
  thumbUrl: Nullable(Type.String()),
  /** Local wall-clock time used for ordering (capture time, else file time). */
  takenAt: Type.String({ description: 'local time, ISO 8601 without offset' }),
  /** Displayed size (after orientation), from the thumbnail when it exists; null when unknown. */
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  favourite: Type.Boolean(),
  status: PhotoStatus,
  kind: MediaKind,
  durationMs: Type.Optional(DurationMs),
  // What names the tile besides its date (screen readers, titles): cheap lookups for the page.
  place: Nullable(Type.String({ description: 'city (else region or country) it was taken in' })),
  people: Type.Array(Type.String(), { description: 'named people in it, left to right' }),
  tags: Type.Array(Type.String(), { description: 'the clearest object tags, best first (≤ 3)' }),
});
export type TimelineItem = Static<typeof TimelineItem>;

export const TimelineQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({ maxLength: 200, description: 'nextCursor of the previous page' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  month: Type.Optional(
    Type.String({
      pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
      description: 'only photos of this month: YYYY-MM',
    }),
  ),
});
export type TimelineQuery = Static<typeof TimelineQuery>;

export const TimelinePage = Type.Object({
  items: Type.Array(TimelineItem),
  /** Pass as `cursor` for the next page; null at the end. Stable while photos are added. */
  nextCursor: Nullable(Type.String()),
});
export type TimelinePage = Static<typeof TimelinePage>;

export const MonthBucket = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  count: Type.Integer(),
});
export type MonthBucket = Static<typeof MonthBucket>;

export const Buckets = Type.Object({
  buckets: Type.Array(MonthBucket, { description: 'newest month first' }),
  total: Type.Integer(),
});
export type Buckets = Static<typeof Buckets>;

// Photo details -------------------------------------------------------------------------------

export const PhotoFile = Type.Object({
  path: Type.String(),
  folderId: Type.Integer(),
  size: Type.Integer(),
  modifiedAt: Type.String(),
});
export type PhotoFile = Static<typeof PhotoFile>;

/** What the user changed about one photo, and what its file says (PhotoDetails.edits). */
export const PhotoEdits = Type.Object({
  date: Type.Boolean({ description: 'the date was set in Picto (takenAtSource "user")' }),
  place: Type.Boolean({ description: 'the position was set in Picto' }),
  file: Type.Object({
    takenAt: Nullable(Type.String()),
    takenAtSource: Nullable(Type.String()),
    gps: Nullable(
      Type.Object({ lat: Type.Number(), lon: Type.Number(), alt: Nullable(Type.Number()) }),
    ),
  }),
});
export type PhotoEdits = Static<typeof PhotoEdits>;

export const PhotoDetails = Type.Object({
  id: PhotoId,
  contentHash: Type.String(),
  status: PhotoStatus,
  error: Nullable(Type.String()),
  warnings: Type.Array(Type.String()),
  takenAt: Nullable(
    Type.String({ description: 'capture time with the offset when the file records one' }),
  ),
  takenAtSource: Nullable(Type.String()),
  sortAt: Type.String(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  format: Nullable(Type.String()),
  mime: Nullable(Type.String()),
  size: Type.Integer({ description: 'bytes' }),
  orientation: Nullable(Type.Integer()),
  camera: Type.Object({
    make: Nullable(Type.String()),
    model: Nullable(Type.String()),
    lens: Nullable(Type.String()),
  }),
  exposure: Type.Object({
    exposureTime: Nullable(Type.Number({ description: 'seconds' })),
    fNumber: Nullable(Type.Number()),
    iso: Nullable(Type.Integer()),
    focalLength: Nullable(Type.Number({ description: 'millimetres' })),
  }),
  gps: Nullable(
    Type.Object({ lat: Type.Number(), lon: Type.Number(), alt: Nullable(Type.Number()) }),
  ),
  /** Named place from the offline geocoder, once it has run for this photo. */
  place: Nullable(
    Type.Object({
      city: Nullable(Type.String()),
      region: Nullable(Type.String()),
      country: Nullable(Type.String()),
    }),
  ),
  /** Things the AI found (labels, best first), empty when AI is off or has not run yet. */
  things: Type.Array(Type.String()),
  faces: Type.Integer({ description: 'faces found by the AI' }),
  /** What kind of photo (issue 14): "Selfie — front camera"; see GET /api/categories. */
  categories: Type.Array(PhotoCategory, { description: 'in the catalogue order of categories' }),
  removedCategories: Type.Array(RemovedCategory, {
    description: 'categories the user took this photo out of (kept across recomputation)',
  }),
  favourite: Type.Boolean(),
  ...PhotoNotesFields,
  trashedAt: Nullable(Type.String()),
  files: Type.Array(PhotoFile),
  albums: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  stages: Type.Array(
    Type.Object({ stage: Type.String(), status: Type.String(), error: Nullable(Type.String()) }),
  ),
  thumbUrl: Nullable(Type.String()),
  previewUrl: Nullable(Type.String()),
  previewWidth: Nullable(Type.Integer()),
  previewHeight: Nullable(Type.Integer()),
  originalUrl: Type.String(),
  /** Whether a browser can show the original as is (JPEG, PNG, WebP, AVIF, GIF). */
  originalViewable: Type.Boolean(),
  kind: MediaKind,
  durationMs: Type.Optional(DurationMs),
  /** Videos and Live Photos: the codec and whether (or when) it plays in a browser. */
  video: Type.Optional(VideoInfo),
  /** A date or place set in Picto (null: none), with what the file says. */
  edits: Nullable(PhotoEdits),
});
export type PhotoDetails = Static<typeof PhotoDetails>;

export const ImageQuery = Type.Object({
  v: Type.Optional(
    Type.String({ maxLength: 64, description: 'content version from the URL the API gave' }),
  ),
});
export const OriginalQuery = Type.Object({
  download: Type.Optional(Type.Boolean({ description: 'send as an attachment' })),
});

// Favourites & trash --------------------------------------------------------------------------

export const EmptyTrashBody = Type.Object({
  confirm: Type.Literal(true, {
    description: 'must be true: emptying the trash deletes the original files from disk',
  }),
  ids: Type.Optional(
    Type.Array(PhotoId, {
      minItems: 1,
      maxItems: 10_000,
      uniqueItems: true,
      description: 'only these trashed photos (default: the whole trash)',
    }),
  ),
});
export type EmptyTrashBody = Static<typeof EmptyTrashBody>;

export const EmptyTrashResult = Type.Object({
  deletedPhotos: Type.Integer(),
  deletedFiles: Type.Integer(),
  /** Photos kept in the trash because a file could not be deleted safely. */
  kept: Type.Array(Type.Object({ id: PhotoId, path: Type.String(), reason: Type.String() })),
});
export type EmptyTrashResult = Static<typeof EmptyTrashResult>;

// Albums --------------------------------------------------------------------------------------

const AlbumName = Type.String({ minLength: 1, maxLength: 200 });
const AlbumDescription = Type.String({ maxLength: 5000 });

export const Album = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  photoCount: Type.Integer(),
  coverPhotoId: Nullable(PhotoId),
  coverThumbUrl: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Album = Static<typeof Album>;

export const AlbumList = Type.Object({ albums: Type.Array(Album) });
export type AlbumList = Static<typeof AlbumList>;

export const CreateAlbumBody = Type.Object({
  name: AlbumName,
  description: Type.Optional(AlbumDescription),
  photoIds: Type.Optional(Type.Array(PhotoId, { maxItems: 10_000, uniqueItems: true })),
});
export type CreateAlbumBody = Static<typeof CreateAlbumBody>;

export const UpdateAlbumBody = Type.Object(
  {
    name: Type.Optional(AlbumName),
    description: Type.Optional(AlbumDescription),
    coverPhotoId: Type.Optional(Nullable(PhotoId)),
  },
  { minProperties: 1 },
);
export type UpdateAlbumBody = Static<typeof UpdateAlbumBody>;

// Folders -------------------------------------------------------------------------------------

export const ScanActivity = Type.Object({
  phase: Type.Union([
    Type.Literal('queued'),
    Type.Literal('walk'),
    Type.Literal('hash'),
    Type.Literal('apply'),
  ]),
  done: Type.Integer(),
  total: Type.Integer(),
});
export type ScanActivity = Static<typeof ScanActivity>;

export const Folder = Type.Object({
  id: Type.Integer(),
  path: Type.String(),
  online: Type.Boolean(),
  ai: Type.Boolean(),
  /**
   * Photos and videos in the folder as the Photos page counts them: outside the trash, a Live
   * Photo once, two copies of one photo once (only `scanning` counts files).
   */
  photos: Type.Integer(),
  /** Of those photos: still waiting for thumbnails and metadata. */
  pending: Type.Integer(),
  /** Of those photos: could not be decoded. */
  errors: Type.Integer(),
  /** The folder's photos in the trash, each once, counted apart (not in `photos`). */
  trashed: Type.Integer(),
  /** Files that could not be read at all (files: they have no photo). */
  unreadable: Type.Integer(),
  addedAt: Type.String(),
  lastScanAt: Nullable(Type.String()),
  lastScanMs: Nullable(Type.Integer()),
  /** Set while this folder is being scanned. */
  scanning: Nullable(ScanActivity),
});
export type Folder = Static<typeof Folder>;

/** The library in the same counts, each photo once (one in two folders is one photo here). */
export const LibraryTotals = Type.Object({
  /** What the Photos page shows: photos and videos outside the trash. */
  photos: Type.Integer(),
  /** Of those: with thumbnails and metadata. */
  ready: Type.Integer(),
  pending: Type.Integer(),
  errors: Type.Integer(),
  trashed: Type.Integer(),
});
export type LibraryTotals = Static<typeof LibraryTotals>;

export const FolderList = Type.Object({ folders: Type.Array(Folder), totals: LibraryTotals });
export type FolderList = Static<typeof FolderList>;

export const AddFolderBody = Type.Object({
  path: Type.String({
    minLength: 1,
    maxLength: 4096,
    description: 'absolute path on this machine (~ allowed)',
  }),
  ai: Type.Optional(Type.Boolean({ default: true })),
});
export type AddFolderBody = Static<typeof AddFolderBody>;

export const AddFolderResult = Type.Object({
  folder: Folder,
  created: Type.Boolean(),
  absorbed: Type.Array(Type.String(), {
    description: 'library folders inside it that it now covers',
  }),
});
export type AddFolderResult = Static<typeof AddFolderResult>;

export const UpdateFolderBody = Type.Object({ ai: Type.Boolean() });
export type UpdateFolderBody = Static<typeof UpdateFolderBody>;

export const FolderIssues = Type.Object({
  unreadable: Type.Array(
    Type.Object({ path: Type.String(), error: Type.String(), seenAt: Type.String() }),
  ),
  failed: Type.Array(
    Type.Object({
      photoId: PhotoId,
      path: Type.String(),
      stage: Type.String(),
      error: Type.String(),
    }),
  ),
});
export type FolderIssues = Static<typeof FolderIssues>;

export const Accepted = Type.Object({ accepted: Type.Boolean() });
export type Accepted = Static<typeof Accepted>;

// Jobs ----------------------------------------------------------------------------------------

export const StageStatus = Type.Object({
  stage: Type.String(),
  pending: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
});
export type StageStatus = Static<typeof StageStatus>;

export const JobsStatus = Type.Object({
  paused: Type.Boolean(),
  /** Photos per second over the last seconds. */
  rate: Type.Number(),
  stages: Type.Array(StageStatus),
  /** This machine's worker threads and the remote workers (issue 17, shared/work-api.ts). */
  workers: Type.Array(WorkerInfo),
  /** The Redis queue, when `serve --queue` gave one. */
  queue: Type.Optional(QueueState),
});
export type JobsStatus = Static<typeof JobsStatus>;

export const RetryBody = Type.Object({
  stage: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export type RetryBody = Static<typeof RetryBody>;

export const Requeued = Type.Object({ requeued: Type.Integer() });
export type Requeued = Static<typeof Requeued>;

export const FailedJob = Type.Object({
  photoId: PhotoId,
  stage: Type.String(),
  error: Type.String(),
  attempts: Type.Integer(),
  path: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type FailedJob = Static<typeof FailedJob>;

export const FailedJobs = Type.Object({ failed: Type.Array(FailedJob) });
export type FailedJobs = Static<typeof FailedJobs>;

export const LimitQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
});

// System --------------------------------------------------------------------------------------

export const SystemInfo = Type.Object({
  name: Type.Literal('picto'),
  version: Type.String(),
  dataDir: Type.String(),
  schemaVersion: Type.Integer(),
  photos: Type.Object({
    total: Type.Integer(),
    pending: Type.Integer(),
    ready: Type.Integer(),
    error: Type.Integer(),
    favourites: Type.Integer(),
    trashed: Type.Integer(),
  }),
  folders: Type.Integer(),
  albums: Type.Integer(),
});
export type SystemInfo = Static<typeof SystemInfo>;

// Events (SSE) --------------------------------------------------------------------------------
// Each SSE message has `event: <type>` and the JSON of src/shared/events.ts as data, plus
// `event: hello` on connect and comment heartbeats.

export type { PictoEvent } from './events.js';
