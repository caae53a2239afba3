import { PictoError } from '../../shared/errors.js';
import { findByFaceRoutes as r, UPLOAD_TYPES } from '../../shared/routes/find-by-face.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

/** Uploads are decoded in full: 60 MiB covers any camera's JPEG or HEIC. */
const MAX_UPLOAD = 60 * 2 ** 20;

/** Find by face: who is in a photo of the library, or in an image sent for the purpose. */
export function findByFaceRoutes(app: Api, { picto }: ServerContext): void {
  const { people } = picto;

  route(app, r.findByPhoto, async (req) => {
    picto.collection.photo(req.body.photoId);
    return { faces: people.findByPhoto(req.body.photoId) };
  });

  // Uploads: raw image bytes as the body, parsed only in this scope.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
      (_req, body, done) => done(null, body),
    );
    route(scope, r.findByUpload, async (req) => {
      const bytes = req.body;
      if (!Buffer.isBuffer(bytes) || !bytes.length)
        throw new PictoError('invalid', 'send the image bytes as the body');
      return { faces: await people.findByImage(bytes) };
    });
  });
}
