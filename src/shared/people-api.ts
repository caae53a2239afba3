import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { FourNumbers, PhotoId } from './api.js';

// Request and response shapes of the people API (src/server/routes/people.ts), next to the
// gallery's in api.ts.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const FaceId = Type.String({ pattern: '^[0-9a-f]{8,64}$', description: 'face id' });
export const FaceIdParams = Type.Object({ id: FaceId });
export type FaceIdParams = Static<typeof FaceIdParams>;

const Box = FourNumbers('x, y, w, h as fractions (0..1) of the displayed photo');

export const Person = Type.Object({
  id: Type.Integer(),
  name: Nullable(Type.String()),
  hidden: Type.Boolean(),
  faceCount: Type.Integer(),
  photoCount: Type.Integer({ description: 'photos outside the trash' }),
  coverFaceId: Nullable(FaceId),
  /** Square crop of the cover face (WebP), null when the person has no face with a preview. */
  coverUrl: Nullable(Type.String()),
});
export type Person = Static<typeof Person>;

export const PeopleList = Type.Object({ people: Type.Array(Person) });
export type PeopleList = Static<typeof PeopleList>;

export const PeopleQuery = Type.Object({
  hidden: Type.Optional(Type.Boolean({ description: 'include hidden people' })),
});

export const UpdatePersonBody = Type.Object(
  {
    name: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: 'null or "" removes it' })),
    ),
    hidden: Type.Optional(Type.Boolean()),
    coverFaceId: Type.Optional(FaceId),
  },
  { minProperties: 1 },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const MergeBody = Type.Object({
  ids: Type.Array(Type.Integer({ minimum: 1 }), {
    minItems: 1,
    maxItems: 1000,
    description: 'people that are the same person as :id; they join it and become aliases',
  }),
});
export type MergeBody = Static<typeof MergeBody>;

export const Face = Type.Object({
  id: FaceId,
  photoId: PhotoId,
  box: Box,
  quality: Type.Number(),
  personId: Nullable(Type.Integer()),
  personName: Nullable(Type.String()),
  cropUrl: Type.String(),
});
export type Face = Static<typeof Face>;

export const FaceList = Type.Object({ faces: Type.Array(Face) });
export type FaceList = Static<typeof FaceList>;

export const PagingQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const CropQuery = Type.Object({
  size: Type.Optional(Type.Integer({ minimum: 32, maximum: 512, default: 160 })),
  v: Type.Optional(
    Type.String({ maxLength: 64, description: 'version from the URL the API gave' }),
  ),
});

export const Suggestion = Type.Object({
  kind: Type.Union([Type.Literal('person'), Type.Literal('face')]),
  /** Unnamed person (kind person) or lone face (kind face). */
  personId: Nullable(Type.Integer()),
  faceId: Nullable(FaceId),
  faceCount: Type.Integer(),
  distance: Type.Number({ description: 'average-linkage cosine distance to the person' }),
  cropUrl: Nullable(Type.String()),
  photoId: Nullable(PhotoId),
});
export type Suggestion = Static<typeof Suggestion>;

export const SuggestionList = Type.Object({ suggestions: Type.Array(Suggestion) });
export type SuggestionList = Static<typeof SuggestionList>;

export const SuggestionDecision = Type.Object({
  personIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 })),
  faceIds: Type.Optional(Type.Array(FaceId, { maxItems: 5000 })),
});
export type SuggestionDecision = Static<typeof SuggestionDecision>;

export const MoveFaceBody = Type.Union([
  Type.Object({ personId: Type.Integer({ minimum: 1 }) }),
  Type.Object({ name: Type.String({ minLength: 1, maxLength: 200, description: 'a new person' }) }),
]);
export type MoveFaceBody = Static<typeof MoveFaceBody>;

export const RejectFaceBody = Type.Object({
  personId: Type.Optional(Type.Integer({ minimum: 1, description: 'default: its current person' })),
});
export type RejectFaceBody = Static<typeof RejectFaceBody>;

export const FindByPhotoBody = Type.Object({ photoId: PhotoId });

export const FoundFace = Type.Object({
  box: Box,
  person: Nullable(Type.Object({ id: Type.Integer(), name: Nullable(Type.String()) })),
  distance: Nullable(Type.Number()),
  photoIds: Type.Array(PhotoId),
});
export const FoundFaces = Type.Object({ faces: Type.Array(FoundFace) });
export type FoundFaces = Static<typeof FoundFaces>;

export const PeopleStatus = Type.Object({
  faces: Type.Integer(),
  people: Type.Integer(),
  lastPassAt: Nullable(Type.String()),
  pending: Type.Integer({ description: 'new faces not grouped yet' }),
});
export type PeopleStatus = Static<typeof PeopleStatus>;

export const PassResult = Type.Object({
  faces: Type.Integer(),
  people: Type.Integer(),
  newPeople: Type.Integer(),
  changedFaces: Type.Integer(),
  deletedPeople: Type.Integer(),
  unassigned: Type.Integer(),
  ms: Type.Integer(),
  clusterMs: Type.Integer(),
  inWorker: Type.Boolean(),
});
