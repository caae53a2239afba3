import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { MAX_DESCRIPTION } from './names.js';

// Schemas of moving in: what a person, another program or Google Photos said about a photo
// (description, rating, keywords), and the import report of a library folder.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Rating = Type.Integer({ minimum: 1, maximum: 5, description: 'stars, 1 to 5' });

/** What a person writes about a photo or sets on it in the info panel. */
export const UpdatePhotoBody = Type.Object(
  {
    rating: Type.Optional(Nullable(Rating)),
    description: Type.Optional(
      Nullable(
        Type.String({
          maxLength: MAX_DESCRIPTION,
          description: "the photo's description; empty or null clears it",
        }),
      ),
    ),
  },
  { minProperties: 1 },
);
export type UpdatePhotoBody = Static<typeof UpdatePhotoBody>;

/** A keyword added to a photo or taken out: levels joined by "/" or "|" ("Places/Seoul"). */
export const KeywordBody = Type.Object({
  keyword: Type.String({ minLength: 1, maxLength: 800, description: 'levels joined by / or |' }),
});
export type KeywordBody = Static<typeof KeywordBody>;

/** Where a value came from: the user in Picto, another program's XMP, or Google Takeout. */
export const NoteSource = Nullable(
  Type.Union([Type.Literal('user'), Type.Literal('xmp'), Type.Literal('takeout')]),
);

/** The notes part of a photo's details (spread into PhotoDetails). */
export const PhotoNotesFields = {
  description: Nullable(Type.String()),
  descriptionSource: NoteSource,
  rating: Nullable(Rating),
  ratingSource: NoteSource,
  /** Keyword paths, levels joined by "/" ("Places/Korea/Seoul"); 'user' ones can be taken out. */
  keywords: Type.Array(
    Type.Object({
      path: Type.String(),
      source: Type.Union([Type.Literal('user'), Type.Literal('xmp')]),
    }),
  ),
  /** 'takeout' when the position came from a Google Takeout sidecar, null for the file's own. */
  placeSource: Nullable(Type.Literal('takeout')),
};

export const ImportReport = Type.Object({
  photos: Type.Integer({
    description: 'photos that got anything from a sidecar or from other programs’ metadata',
  }),
  dates: Type.Integer({ description: 'dates from Takeout (own date missing or weak)' }),
  places: Type.Integer({ description: 'places from Takeout (no position of their own)' }),
  descriptions: Type.Integer(),
  favorites: Type.Integer(),
  names: Type.Integer({ description: 'faces named from outside' }),
  suggestedNames: Type.Integer({
    description: 'names not placed on a face (conflicts, no face there): offered as suggestions',
  }),
  albums: Type.Array(Type.Object({ name: Type.String(), folder: Type.String() })),
  keywords: Type.Integer(),
  ratings: Type.Integer(),
  unmatchedSidecars: Type.Array(Type.String(), {
    description: 'sidecars (Takeout JSON, XMP) that no photo claimed, as paths',
  }),
  unreadable: Type.Array(Type.Object({ path: Type.String(), error: Type.String() })),
  pending: Type.Integer({
    description: 'photos whose sidecars or faces are still to be read: the numbers may still grow',
  }),
});
export type ImportReport = Static<typeof ImportReport>;
