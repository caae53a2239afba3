import type { Changed } from '../../../src/shared/api.js';
import type {
  Face,
  FaceList,
  FoundFaces,
  MoveFaceBody,
  PeopleList,
  Person,
  SuggestionDecision,
  SuggestionList,
  UpdatePersonBody,
} from '../../../src/shared/people-api.js';
import { RequestError } from '../api/client.js';

// The people endpoints (src/server/routes/people.ts), typed from the shared schemas.

async function call<T>(method: string, url: string, body?: unknown, raw?: Blob): Promise<T> {
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
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw new RequestError(res.status, data as never);
  return data as T;
}

export const peopleApi = {
  list: (hidden = false) => call<PeopleList>('GET', `/api/people${hidden ? '?hidden=true' : ''}`),
  get: (id: number) => call<Person>('GET', `/api/people/${id}`),
  update: (id: number, body: UpdatePersonBody) => call<Person>('PATCH', `/api/people/${id}`, body),
  merge: (id: number, ids: number[]) => call<Person>('POST', `/api/people/${id}/merge`, { ids }),
  faces: (id: number, limit = 200) =>
    call<FaceList>('GET', `/api/people/${id}/faces?limit=${limit}`),
  suggestions: (id: number) => call<SuggestionList>('GET', `/api/people/${id}/suggestions`),
  decide: (id: number, verdict: 'confirm' | 'reject', body: SuggestionDecision) =>
    call<Changed>('POST', `/api/people/${id}/suggestions/${verdict}`, body),
  facesInPhoto: (photoId: string) => call<FaceList>('GET', `/api/photos/${photoId}/faces`),
  moveFace: (faceId: string, to: MoveFaceBody) =>
    call<Person>('POST', `/api/faces/${faceId}/move`, to),
  rejectFace: (faceId: string) => call<Changed>('POST', `/api/faces/${faceId}/reject`, {}),
  removeFace: (faceId: string) => call<Changed>('POST', `/api/faces/${faceId}/remove`),
  restoreFace: (faceId: string) => call<Changed>('POST', `/api/faces/${faceId}/restore`),
  findByPhoto: (photoId: string) => call<FoundFaces>('POST', '/api/people/find', { photoId }),
  findByUpload: (file: File) =>
    call<FoundFaces>('POST', '/api/people/find/upload', undefined, file),
};

export type { Face, Person };

/** How to call a person who has no name yet. */
export const displayName = (p: { id: number; name: string | null }) => p.name ?? 'Add a name';
