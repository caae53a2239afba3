import type {
  Face,
  MoveFaceBody,
  Person,
  SuggestionDecision,
  UpdatePersonBody,
} from '../../../src/shared/people-api.js';
import { routes } from '../../../src/shared/routes/index.js';
import { call } from '../api/client.js';

// The people calls under the names the pages use, each one declared route (src/shared/routes).

export const peopleApi = {
  list: (hidden = false) => call(routes.listPeople, { query: hidden ? { hidden } : undefined }),
  get: (id: number) => call(routes.getPerson, { params: { id } }),
  update: (id: number, body: UpdatePersonBody) =>
    call(routes.updatePerson, { params: { id }, body }),
  merge: (id: number, ids: number[]) => call(routes.mergePeople, { params: { id }, body: { ids } }),
  faces: (id: number, limit = 200) =>
    call(routes.listPersonFaces, { params: { id }, query: { limit } }),
  suggestions: (id: number) => call(routes.listPersonSuggestions, { params: { id } }),
  decide: (id: number, verdict: 'confirm' | 'reject', body: SuggestionDecision) =>
    verdict === 'confirm'
      ? call(routes.confirmSuggestions, { params: { id }, body })
      : call(routes.rejectSuggestions, { params: { id }, body }),
  facesInPhoto: (photoId: string) => call(routes.listPhotoFaces, { params: { id: photoId } }),
  moveFace: (faceId: string, to: MoveFaceBody) =>
    call(routes.moveFace, { params: { id: faceId }, body: to }),
  rejectFace: (faceId: string) => call(routes.rejectFace, { params: { id: faceId }, body: {} }),
  /** Takes a "not this person" back exactly: the face returns, confirmed only if it was. */
  undoReject: (faceId: string, personId: number) =>
    call(routes.undoFaceRejection, { params: { id: faceId }, body: { personId } }),
  /** Every other person, the likeliest to be this one first (merge candidates). */
  similar: (id: number) => call(routes.listSimilarPeople, { params: { id } }),
  removeFace: (faceId: string) => call(routes.removeFace, { params: { id: faceId } }),
  restoreFace: (faceId: string) => call(routes.restoreFace, { params: { id: faceId } }),
  findByPhoto: (photoId: string) => call(routes.findByPhoto, { body: { photoId } }),
  findByUpload: (file: File) => call(routes.findByUpload, { body: file }),
};

export type { Face, Person };

/** How to call a person in sentences and titles ("Add a name" is an invitation, not a name). */
export const displayName = (p: { id: number; name: string | null }) => p.name ?? 'Unnamed person';
