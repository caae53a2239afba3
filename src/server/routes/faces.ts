import type { FastifyReply } from 'fastify';
import { PhotoIdParams } from '../../shared/api.js';
import { CropQuery, FaceIdParams, FaceList } from '../../shared/people-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';

/** Faces as the viewer and the people pages show them: the boxes in a photo, and face crops. */
export function faceRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['people'];
  const { people } = picto;

  app.get(
    '/photos/:id/faces',
    {
      schema: {
        tags,
        summary: 'Faces in a photo with their people (for the viewer)',
        params: PhotoIdParams,
        response: { 200: FaceList, ...errors },
      },
    },
    async (req) => {
      picto.collection.photo(req.params.id);
      return { faces: people.facesInPhoto(req.params.id).map((f) => people.pages.face(f)) };
    },
  );

  app.get(
    '/faces/:id/crop',
    {
      schema: {
        tags,
        summary: 'A square crop around a face (WebP)',
        description:
          'Cut from the preview; cached for a year when `v` matches the URL the API gave.',
        params: FaceIdParams,
        querystring: CropQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      const crop = await people.pages.crop(req.params.id, req.query.size ?? 160, req.query.v);
      // The schema documents error replies only; the success body is bytes.
      return (reply as FastifyReply)
        .type('image/webp')
        .header('cache-control', crop.current ? IMMUTABLE : 'private, no-cache')
        .send(crop.body);
    },
  );
}
