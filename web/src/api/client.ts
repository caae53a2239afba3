import type { UpdateAlbumBody } from '../../../src/shared/api.js';
import type { DateEditBody, PlaceEditBody } from '../../../src/shared/edit-api.js';
import { routes, urlOf } from '../../../src/shared/routes/index.js';
import { call } from './call.js';

export { call, RequestError } from './call.js';

// The gallery's calls under the names the pages use. Each is one declared route
// (src/shared/routes): URL, body and answer are typed by its declaration.

export const api = {
  system: () => call(routes.getSystem),
  photo: (id: string) => call(routes.getPhoto, { params: { id } }),
  editDate: (body: DateEditBody) => call(routes.editPhotoDate, { body }),
  editPlace: (body: PlaceEditBody) => call(routes.editPhotoPlace, { body }),
  findPlaces: (q: string) => call(routes.findPlaces, { query: { q, limit: 6 } }),
  /** The folder picker's listing (answers on this computer only: 403 elsewhere). */
  dirs: (path?: string) => call(routes.listDirectories, { query: path ? { path } : {} }),

  favourite: (ids: string[], on: boolean) =>
    on
      ? call(routes.addFavourites, { body: { ids } })
      : call(routes.removeFavourites, { body: { ids } }),
  trash: (ids: string[]) => call(routes.moveToTrash, { body: { ids } }),
  restore: (ids: string[]) => call(routes.restoreFromTrash, { body: { ids } }),
  emptyTrash: (ids?: string[]) => call(routes.emptyTrash, { body: { confirm: true, ids } }),

  albums: () => call(routes.listAlbums),
  album: (id: number) => call(routes.getAlbum, { params: { id } }),
  createAlbum: (name: string, photoIds?: string[]) =>
    call(routes.createAlbum, { body: { name, photoIds } }),
  updateAlbum: (id: number, body: UpdateAlbumBody) =>
    call(routes.updateAlbum, { params: { id }, body }),
  deleteAlbum: (id: number) => call(routes.deleteAlbum, { params: { id } }),
  addToAlbum: (id: number, ids: string[]) =>
    call(routes.addAlbumPhotos, { params: { id }, body: { ids } }),
  removeFromAlbum: (id: number, ids: string[]) =>
    call(routes.removeAlbumPhotos, { params: { id }, body: { ids } }),

  folders: () => call(routes.listFolders),
  addFolder: (path: string, ai: boolean) => call(routes.addFolder, { body: { path, ai } }),
  removeFolder: (id: number) => call(routes.removeFolder, { params: { id } }),
  rescan: (id: number) => call(routes.rescanFolder, { params: { id } }),
  setFolderAi: (id: number, ai: boolean) =>
    call(routes.updateFolder, { params: { id }, body: { ai } }),
  folderIssues: (id: number) => call(routes.getFolderIssues, { params: { id } }),

  jobs: () => call(routes.getJobs),
  pause: () => call(routes.pauseJobs),
  resume: () => call(routes.resumeJobs),
  retry: () => call(routes.retryJobs, { body: {} }),
  failedJobs: () => call(routes.listFailedJobs),
};

/** The screen-sized preview of a photo: same content version as the thumbnail URL it was given. */
export function previewOf(id: string, thumbUrl: string | null): string | null {
  if (!thumbUrl) return null;
  const v = new URL(thumbUrl, window.location.origin).searchParams.get('v') ?? undefined;
  return urlOf(routes.getPreview, { params: { id }, query: { v } });
}

/** Where the original is downloaded from (as an attachment, under its file name). */
export const downloadUrl = (id: string) =>
  urlOf(routes.getOriginal, { params: { id }, query: { download: true } });
