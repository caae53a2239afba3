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
import type { SimilarPeople, UndoRejectResult } from '../../../src/shared/people-review-api.js';
import { request } from '../api/client.js';

// The people endpoints (src/server/routes/people.ts), typed from the shared schemas.

export const peopleApi = {
  list: (hidden = false) =>
    request<PeopleList>('GET', `/api/people${hidden ? '?hidden=true' : ''}`),
  get: (id: number) => request<Person>('GET', `/api/people/${id}`),
  update: (id: number, body: UpdatePersonBody) =>
    request<Person>('PATCH', `/api/people/${id}`, body),
  merge: (id: number, ids: number[]) => request<Person>('POST', `/api/people/${id}/merge`, { ids }),
  faces: (id: number, limit = 200) =>
    request<FaceList>('GET', `/api/people/${id}/faces?limit=${limit}`),
  suggestions: (id: number) => request<SuggestionList>('GET', `/api/people/${id}/suggestions`),
  decide: (id: number, verdict: 'confirm' | 'reject', body: SuggestionDecision) =>
    request<Changed>('POST', `/api/people/${id}/suggestions/${verdict}`, body),
  facesInPhoto: (photoId: string) => request<FaceList>('GET', `/api/photos/${photoId}/faces`),
  moveFace: (faceId: string, to: MoveFaceBody) =>
    request<Person>('POST', `/api/faces/${faceId}/move`, to),
  rejectFace: (faceId: string) => request<Changed>('POST', `/api/faces/${faceId}/reject`, {}),
  /** Takes a "not this person" back exactly: the face returns, confirmed only if it was. */
  undoReject: (faceId: string, personId: number) =>
    request<UndoRejectResult>('POST', `/api/faces/${faceId}/reject/undo`, { personId }),
  /** Every other person, the likeliest to be this one first (merge candidates). */
  similar: (id: number) => request<SimilarPeople>('GET', `/api/people/${id}/similar`),
  removeFace: (faceId: string) => request<Changed>('POST', `/api/faces/${faceId}/remove`),
  restoreFace: (faceId: string) => request<Changed>('POST', `/api/faces/${faceId}/restore`),
  findByPhoto: (photoId: string) => request<FoundFaces>('POST', '/api/people/find', { photoId }),
  findByUpload: (file: File) =>
    request<FoundFaces>('POST', '/api/people/find/upload', undefined, file),
};

export type { Face, Person };

/** How to call a person in sentences and titles ("Add a name" is an invitation, not a name). */
export const displayName = (p: { id: number; name: string | null }) => p.name ?? 'Unnamed person';
