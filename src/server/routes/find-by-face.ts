import { FindByPhotoBody, FoundFaces } from '../../shared/people-api.js';
import { ApiError } from '../../shared/api.js';
import { PictoError } from '../../shared/errors.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

/** Uploads are decoded in full: 60 MiB covers any camera's JPEG or HEIC. */
const MAX_UPLOAD = 60 * 2 ** 20;

const IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/tiff',
  'application/octet-stream',
];

/** Find by face: who is in a photo of the library, or in an image sent for the purpose. */
export function findByFaceRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['people'];
  const { people } = picto;

  app.post(
    '/people/find',
    {
      schema: {
        tags,
        summary: 'Find by face: the people in a library photo and their photos',
        body: FindByPhotoBody,
        response: { 200: FoundFaces, ...errors },
      },
    },
    async (req) => {
      picto.collection.photo(req.body.photoId);
      return { faces: people.findByPhoto(req.body.photoId) };
    },
  );

  // Uploads: raw image bytes as the body, parsed only in this scope.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      IMAGE_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
      (_req, body, done) => done(null, body),
    );
    (scope as unknown as Api).post(
      '/people/find/upload',
      {
        schema: {
          tags,
          summary: 'Find by face with a photo from outside the library',
          description:
            'Send the image bytes as the body (Content-Type image/jpeg, image/png, …). Nothing is ' +
            'stored. An image Picto cannot use is refused: 415 when it is not an image format it ' +
            'knows, 413 when it is over the pixel or size limit, 422 when it is broken.',
          response: {
            200: FoundFaces,
            ...errors,
            413: ApiError,
            415: ApiError,
            422: ApiError,
          },
        },
      },
      async (req) => {
        const bytes = req.body as unknown as Buffer;
        if (!Buffer.isBuffer(bytes) || !bytes.length)
          throw new PictoError('invalid', 'send the image bytes as the body');
        return { faces: await people.findByImage(bytes) };
      },
    );
  });
}
