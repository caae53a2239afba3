import { albumRoutes as r } from '../../shared/routes/albums.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function albumRoutes(app: Api, { picto }: ServerContext): void {
  const { collection, gallery } = picto;

  route(app, r.listAlbums, async () => ({ albums: gallery.albums() }));

  route(app, r.createAlbum, async (req, reply) => {
    const { name, description, photoIds } = req.body;
    const created = collection.createAlbum(name, description ?? '', photoIds ?? []);
    return reply.code(201).send(gallery.album(created.id));
  });

  route(app, r.getAlbum, async (req) => gallery.album(req.params.id));

  route(app, r.updateAlbum, async (req) => {
    collection.updateAlbum(req.params.id, req.body);
    return gallery.album(req.params.id);
  });

  route(app, r.deleteAlbum, async (req, reply) => {
    collection.deleteAlbum(req.params.id);
    return reply.code(204).send(null);
  });

  route(app, r.listAlbumPhotos, async (req) =>
    gallery.page({ kind: 'album', albumId: req.params.id }, req.query),
  );

  route(app, r.getAlbumBuckets, async (req) =>
    gallery.buckets({ kind: 'album', albumId: req.params.id }),
  );

  route(app, r.addAlbumPhotos, async (req) => ({
    changed: collection.addToAlbum(req.params.id, req.body.ids),
  }));

  route(app, r.removeAlbumPhotos, async (req) => ({
    changed: collection.removeFromAlbum(req.params.id, req.body.ids),
  }));
}
