import { Type } from '@sinclair/typebox';
import {
  Album,
  AlbumList,
  Buckets,
  Changed,
  CreateAlbumBody,
  NumericIdParams,
  PhotoIds,
  TimelinePage,
  TimelineQuery,
  UpdateAlbumBody,
} from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { errors, errors409 } from './common.js';

export function albumRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['albums'];
  const { collection, gallery } = picto;

  app.get(
    '/albums',
    {
      schema: { tags, summary: 'All albums with counts and covers', response: { 200: AlbumList } },
    },
    async () => ({ albums: gallery.albums() }),
  );

  app.post(
    '/albums',
    {
      schema: {
        tags,
        summary: 'Create an album (optionally with photos)',
        body: CreateAlbumBody,
        response: { 201: Album, ...errors409 },
      },
    },
    async (req, reply) => {
      const { name, description, photoIds } = req.body;
      const created = collection.createAlbum(name, description ?? '', photoIds ?? []);
      return reply.code(201).send(gallery.album(created.id));
    },
  );

  app.get(
    '/albums/:id',
    {
      schema: {
        tags,
        summary: 'One album',
        params: NumericIdParams,
        response: { 200: Album, ...errors },
      },
    },
    async (req) => gallery.album(req.params.id),
  );

  app.patch(
    '/albums/:id',
    {
      schema: {
        tags,
        summary: 'Rename, describe or choose the cover',
        description: '`coverPhotoId: null` goes back to the newest photo as cover.',
        params: NumericIdParams,
        body: UpdateAlbumBody,
        response: { 200: Album, ...errors409 },
      },
    },
    async (req) => {
      collection.updateAlbum(req.params.id, req.body);
      return gallery.album(req.params.id);
    },
  );

  app.delete(
    '/albums/:id',
    {
      schema: {
        tags,
        summary: 'Delete an album (its photos stay in the library)',
        params: NumericIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      collection.deleteAlbum(req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/albums/:id/photos',
    {
      schema: {
        tags,
        summary: "Page through an album's photos, newest first",
        params: NumericIdParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req) => gallery.page({ kind: 'album', albumId: req.params.id }, req.query),
  );

  app.get(
    '/albums/:id/buckets',
    {
      schema: {
        tags,
        summary: "An album's photos per month",
        params: NumericIdParams,
        response: { 200: Buckets, ...errors },
      },
    },
    async (req) => gallery.buckets({ kind: 'album', albumId: req.params.id }),
  );

  app.post(
    '/albums/:id/photos',
    {
      schema: {
        tags,
        summary: 'Add photos to an album',
        params: NumericIdParams,
        body: PhotoIds,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => ({ changed: collection.addToAlbum(req.params.id, req.body.ids) }),
  );

  app.delete(
    '/albums/:id/photos',
    {
      schema: {
        tags,
        summary: 'Remove photos from an album (they stay in the library)',
        params: NumericIdParams,
        body: PhotoIds,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => ({ changed: collection.removeFromAlbum(req.params.id, req.body.ids) }),
  );
}
