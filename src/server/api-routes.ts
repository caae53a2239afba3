import type { FastifyInstance } from 'fastify';
import type { Api, ServerContext } from './context.js';
import { albumRoutes } from './routes/albums.js';
import { correctionRoutes } from './routes/corrections.js';
import { duplicateRoutes } from './routes/duplicates.js';
import { eventRoutes } from './routes/events.js';
import { faceRoutes } from './routes/faces.js';
import { favouriteRoutes } from './routes/favourites.js';
import { fileRoutes } from './routes/files.js';
import { findByFaceRoutes } from './routes/find-by-face.js';
import { folderRoutes } from './routes/folders.js';
import { jobRoutes } from './routes/jobs.js';
import { mapRoutes } from './routes/map.js';
import { memoryRoutes } from './routes/memories.js';
import { peopleRoutes } from './routes/people.js';
import { photoRoutes } from './routes/photos.js';
import { placeRoutes } from './routes/places.js';
import { searchRoutes } from './routes/search.js';
import { systemRoutes } from './routes/system.js';
import { thingRoutes } from './routes/things.js';
import { timelineRoutes } from './routes/timeline.js';
import { trashRoutes } from './routes/trash.js';
import { workRoutes } from './routes/work.js';

/** One function per route file; each registers the handlers of its declarations. */
const ROUTE_FILES: ((app: Api, ctx: ServerContext) => void)[] = [
  timelineRoutes,
  photoRoutes,
  fileRoutes,
  favouriteRoutes,
  albumRoutes,
  trashRoutes,
  folderRoutes,
  jobRoutes,
  eventRoutes,
  systemRoutes,
  searchRoutes,
  placeRoutes,
  thingRoutes,
  mapRoutes,
  duplicateRoutes,
  memoryRoutes,
  peopleRoutes,
  correctionRoutes,
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
