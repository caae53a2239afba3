import type { FastifyInstance } from 'fastify';
import type { Api, ServerContext } from './context.js';
import { albumMemberRoutes } from './routes/album-members.js';
import { albumRoutes } from './routes/albums.js';
import { categoryRoutes } from './routes/categories.js';
import { correctionRoutes } from './routes/corrections.js';
import { duplicateRoutes } from './routes/duplicates.js';
import { eventRoutes } from './routes/events.js';
import { faceRoutes } from './routes/faces.js';
import { favouriteRoutes } from './routes/favourites.js';
import { fileRoutes } from './routes/files.js';
import { findByFaceRoutes } from './routes/find-by-face.js';
import { folderRoutes } from './routes/folders.js';
import { fsRoutes } from './routes/fs.js';
import { jobRoutes } from './routes/jobs.js';
import { mapRoutes } from './routes/map.js';
import { memoryRoutes } from './routes/memories.js';
import { peopleRoutes } from './routes/people.js';
import { peopleReviewRoutes } from './routes/people-review.js';
import { photoEditRoutes } from './routes/photo-edits.js';
import { photoRoutes } from './routes/photos.js';
import { placeRoutes } from './routes/places.js';
import { searchRoutes } from './routes/search.js';
import { suggestRoutes } from './routes/suggest.js';
import { systemRoutes } from './routes/system.js';
import { thingRoutes } from './routes/things.js';
import { timelineRoutes } from './routes/timeline.js';
import { trashRoutes } from './routes/trash.js';
import { videoRoutes } from './routes/videos.js';
import { workRoutes } from './routes/work.js';

/** One function per route file; each registers the handlers of its declarations. */
const ROUTE_FILES: ((app: Api, ctx: ServerContext) => void)[] = [
  timelineRoutes,
  photoRoutes,
  photoEditRoutes,
  fileRoutes,
  videoRoutes,
  favouriteRoutes,
  albumRoutes,
  albumMemberRoutes,
  trashRoutes,
  folderRoutes,
  fsRoutes,
  jobRoutes,
  eventRoutes,
  systemRoutes,
  searchRoutes,
  suggestRoutes,
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
];

/**
 * Registers every route of the API (the paths come from the declarations, /api included) in one
 * encapsulated plugin. test/server/contract.test.ts calls it to check routes against declarations.
 */
export async function registerApi(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await app.register(async (api) => {
    for (const routes of ROUTE_FILES) routes(api, ctx);
  });
}
