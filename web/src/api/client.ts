import type {
  AddFolderResult,
  Album,
  AlbumList,
  ApiError,
  Buckets,
  Changed,
  EmptyTrashResult,
  FailedJobs,
  Folder,
  FolderIssues,
  FolderList,
  JobsStatus,
  PhotoDetails,
  Requeued,
  SystemInfo,
  TimelinePage,
  UpdateAlbumBody,
} from '../../../src/shared/api.js';
import type {
  DateEditBody,
  FoundPlaces,
  PlaceEditBody,
  PlaceEditResult,
} from '../../../src/shared/edit-api.js';
import type { DirListing } from '../../../src/shared/fs-api.js';

/** An API error with the server's message, ready to show to the user. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.message ?? `request failed (${status})`);
  }
}

/** One API call: a JSON body (or raw bytes, e.g. an uploaded photo) in, JSON out. */
export async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  raw?: Blob,
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: raw
      ? { 'content-type': raw.type || 'application/octet-stream' }
      : body === undefined
        ? undefined
        : { 'content-type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw new RequestError(res.status, data as ApiError | null);
  return data as T;
}

const get = <T>(url: string) => request<T>('GET', url);

export const api = {
  system: () => get<SystemInfo>('/api/system'),
  page: (base: string, params: { cursor?: string; month?: string; limit?: number }) => {
    const q = new URLSearchParams();
    if (params.cursor) q.set('cursor', params.cursor);
    if (params.month) q.set('month', params.month);
    if (params.limit) q.set('limit', String(params.limit));
    return get<TimelinePage>(`${base}?${q}`);
  },
  buckets: (base: string) => get<Buckets>(`${base}/buckets`),
  photo: (id: string) => get<PhotoDetails>(`/api/photos/${id}`),
  editDate: (body: DateEditBody) => request<Changed>('POST', '/api/photos/date', body),
  editPlace: (body: PlaceEditBody) => request<PlaceEditResult>('POST', '/api/photos/place', body),
  findPlaces: (q: string) =>
    get<FoundPlaces>(`/api/places/find?${new URLSearchParams({ q, limit: '6' })}`),
  /** The folder picker's listing (answers on this computer only: 403 elsewhere). */
  dirs: (path?: string) =>
    get<DirListing>(`/api/fs/dirs${path ? `?${new URLSearchParams({ path })}` : ''}`),

  favourite: (ids: string[], on: boolean) =>
    request<Changed>(on ? 'POST' : 'DELETE', '/api/favourites', { ids }),
  trash: (ids: string[]) => request<Changed>('POST', '/api/trash', { ids }),
  restore: (ids: string[]) => request<Changed>('POST', '/api/trash/restore', { ids }),
  emptyTrash: (ids?: string[]) =>
    request<EmptyTrashResult>('POST', '/api/trash/empty', { confirm: true, ids }),

  albums: () => get<AlbumList>('/api/albums'),
  album: (id: number) => get<Album>(`/api/albums/${id}`),
  createAlbum: (name: string, photoIds?: string[]) =>
    request<Album>('POST', '/api/albums', { name, photoIds }),
  updateAlbum: (id: number, body: UpdateAlbumBody) =>
    request<Album>('PATCH', `/api/albums/${id}`, body),
  deleteAlbum: (id: number) => request<void>('DELETE', `/api/albums/${id}`),
  addToAlbum: (id: number, ids: string[]) =>
    request<Changed>('POST', `/api/albums/${id}/photos`, { ids }),
  removeFromAlbum: (id: number, ids: string[]) =>
    request<Changed>('DELETE', `/api/albums/${id}/photos`, { ids }),

  folders: () => get<FolderList>('/api/folders'),
  addFolder: (path: string, ai: boolean) =>
    request<AddFolderResult>('POST', '/api/folders', { path, ai }),
  removeFolder: (id: number) => request<void>('DELETE', `/api/folders/${id}`),
  rescan: (id: number) => request<{ accepted: boolean }>('POST', `/api/folders/${id}/rescan`),
  setFolderAi: (id: number, ai: boolean) => request<Folder>('PATCH', `/api/folders/${id}`, { ai }),
  folderIssues: (id: number) => get<FolderIssues>(`/api/folders/${id}/issues`),

  jobs: () => get<JobsStatus>('/api/jobs'),
  pause: () => request<JobsStatus>('POST', '/api/jobs/pause'),
  resume: () => request<JobsStatus>('POST', '/api/jobs/resume'),
  retry: () => request<Requeued>('POST', '/api/jobs/retry', {}),
  failedJobs: () => get<FailedJobs>('/api/jobs/failed'),
};

/** The screen-sized preview of a photo, derived from its thumbnail URL (same content version). */
export function previewOf(thumbUrl: string | null): string | null {
  return thumbUrl ? thumbUrl.replace('/thumbnail?', '/preview?') : null;
}
