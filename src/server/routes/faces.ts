import type { FastifyReply } from 'fastify';
import { faceRoutes as r } from '../../shared/routes/faces.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';

/** Faces as the viewer and the people pages show them: the boxes in a photo, and face crops. */
export function faceRoutes(app: Api, { picto }: ServerContext): void {
  const { people } = picto;

  route(app, r.listPhotoFaces, async (req) => {
    picto.collection.photo(req.params.id);
    return { faces: people.facesInPhoto(req.params.id).map((f) => people.pages.face(f)) };
  });

  route(app, r.getFaceCrop, async (req, reply) => {
    const crop = await people.pages.crop(req.params.id, req.query.size ?? 160, req.query.v);
    return (reply as FastifyReply)
      .type('image/webp')
      .header('cache-control', crop.current ? IMMUTABLE : 'private, no-cache')
      .send(crop.body);
  });
}
