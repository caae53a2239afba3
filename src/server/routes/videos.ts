import { videoRoutes as r } from '../../shared/routes/videos.js';
import { PictoError } from '../../shared/errors.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

// First cut of the contract: the handlers answer "no video" until the catalogue knows videos.
export function videoRoutes(app: Api, _ctx: ServerContext): void {
  route(app, r.getVideo, async () => {
    throw new PictoError('not-found', 'this photo has no video');
  });
  route(app, r.getVideoPreview, async () => {
    throw new PictoError('not-found', 'this photo has no video');
  });
}
