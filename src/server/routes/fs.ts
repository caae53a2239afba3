import { PictoError } from '../../shared/errors.js';
import { directoryRoutes as r } from '../../shared/routes/directories.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';
import { trustedLocal } from '../security.js';

export function fsRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.listDirectories, async (req) => {
    if (!trustedLocal(req))
      throw new PictoError(
        'local-only',
        'the folder picker answers only on the computer running Picto',
      );
    return picto.directories.list(req.query.path);
  });
}
