// Every route of the HTTP API, declared once ([Note: One declaration per route] in declare.ts).
//
// How to add a route:
//   1. Declare it in the group it belongs to (a new group: a new file here, imported and added to
//      GROUPS below). The key is its operationId; the path is the full URL path, fastify style:
//
//        // src/shared/routes/albums.ts, inside declareRoutes({ … })
//        listAlbumPhotoIds: {
//          method: 'GET',
//          path: '/api/albums/:id/photo-ids',
//          tag: 'albums',
//          summary: "Every photo id of an album, newest first",
//          params: NumericIdParams,
//          response: { 200: PhotoIds },   // schemas live in src/shared/*-api.ts
//          errors: [404],                 // 400, 401, 403 and 429 are added where they apply
//        },
//
//      Bytes are `binary('what', 'image/webp', …)` as a response or a body, an event stream is
//      `eventStream('what')`.
//   2. Handle it in the matching route file of src/server/routes (a new file: add it to ROUTE_FILES
//      in src/server/api-routes.ts), calling a service:
//
//        route(app, albumRoutes.listAlbumPhotoIds, async (req) => ({
//          ids: gallery.albumPhotoIds(req.params.id),   // req.params typed { id: number }
//        }));
//
//   3. Call it from the web: `call(routes.listAlbumPhotoIds, { params: { id } })` (typed answer),
//      or `urlOf(routes.X, { params, query })` for an <img>, a download or an EventSource.
//
// test/server/contract.test.ts fails when a declaration has no route or a route no declaration,
// and when the OpenAPI document stops validating.

import { albumRoutes } from './albums.js';
import { categoryRoutes } from './categories.js';
import { correctionRoutes } from './corrections.js';
import { directoryRoutes } from './directories.js';
import type { RouteDecl } from './declare.js';
import { duplicateRoutes } from './duplicates.js';
import { eventRoutes } from './events.js';
import { faceRoutes } from './faces.js';
import { favouriteRoutes } from './favourites.js';
import { fileRoutes } from './files.js';
import { findByFaceRoutes } from './find-by-face.js';
import { folderRoutes } from './folders.js';
import { jobRoutes } from './jobs.js';
import { mapRoutes } from './map.js';
import { memoryRoutes } from './memories.js';
import { peopleRoutes } from './people.js';
import { peopleReviewRoutes } from './people-review.js';
import { photoRoutes } from './photos.js';
import { photoEditRoutes } from './photo-edits.js';
import { placeRoutes } from './places.js';
import { searchRoutes } from './search.js';
import { systemRoutes } from './system.js';
import { thingRoutes } from './things.js';
import { timelineRoutes } from './timeline.js';
import { trashRoutes } from './trash.js';
import { videoRoutes } from './videos.js';
import { workRoutes } from './work.js';

/** Every group, in the order the OpenAPI document lists their routes. */
export const GROUPS = [
  timelineRoutes,
  photoRoutes,
  photoEditRoutes,
  fileRoutes,
  videoRoutes,
  favouriteRoutes,
  albumRoutes,
  trashRoutes,
  folderRoutes,
  directoryRoutes,
  jobRoutes,
  eventRoutes,
  systemRoutes,
  searchRoutes,
  placeRoutes,
  thingRoutes,
  categoryRoutes,
  mapRoutes,
  duplicateRoutes,
  memoryRoutes,
  peopleRoutes,
  correctionRoutes,
  peopleReviewRoutes,
  faceRoutes,
  findByFaceRoutes,
  workRoutes,
] as const;

type Merged<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Every route by operationId, `routes.getAlbum`: the groups merged into one object. */
export const routes = Object.assign({}, ...GROUPS) as Merged<(typeof GROUPS)[number]>;

/** Every declaration once (the contract test checks that no two share an operationId). */
export const ALL_ROUTES: readonly RouteDecl[] = GROUPS.flatMap((g) => Object.values(g));

export { TAGS, type Tag } from './tags.js';
export * from './declare.js';
export { urlOf } from './urls.js';
