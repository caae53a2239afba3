import { Type, type Static } from '@sinclair/typebox';
import { PhotoId } from './api.js';

// Which photos an album holds, as ids only (GET /api/albums/:id/photo-ids): a picker marks them.

export const AlbumPhotoIds = Type.Object({
  ids: Type.Array(PhotoId, { description: 'photos in the album outside the trash, newest first' }),
});
export type AlbumPhotoIds = Static<typeof AlbumPhotoIds>;
