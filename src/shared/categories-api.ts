import { Type, type Static } from '@sinclair/typebox';
import { CategoryNameSchema } from './categories.js';

// Request and response shapes of the categories API (src/server/routes/categories.ts). The
// photo details carry a photo's categories (categories.ts); the things page lists them.

export const CategoryParams = Type.Object({ name: CategoryNameSchema });
export type CategoryParams = Static<typeof CategoryParams>;

export const CategoryDefinition = Type.Object({
  name: CategoryNameSchema,
  label: Type.String({ description: 'the category as a page names it: "Group photos"' }),
  one: Type.String({ description: 'one photo of it: "Group photo"' }),
  definition: Type.String({ description: 'when a photo is in it' }),
  tagGroup: Type.Optional(
    Type.String({ description: 'the object-tag group it follows with a stricter score' }),
  ),
});
export type CategoryDefinition = Static<typeof CategoryDefinition>;

export const CategoryList = Type.Object({ categories: Type.Array(CategoryDefinition) });
export type CategoryList = Static<typeof CategoryList>;

/** A category on the things page: its photos (not in the trash), a cover and its search. */
export const CategorySummary = Type.Object({
  name: CategoryNameSchema,
  label: Type.String(),
  definition: Type.String(),
  photos: Type.Integer({ description: 'photos (not in the trash) in it' }),
  coverUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'thumbnail of a photo in it, not used by an earlier card when one will do',
  }),
  query: Type.String({ description: 'the search that lists these photos, e.g. category:selfie' }),
  tagGroup: Type.Optional(
    Type.String({ description: 'the group of tags it follows (the page shows that kind once)' }),
  ),
});
export type CategorySummary = Static<typeof CategorySummary>;

export const CategoryChanged = Type.Object({
  changed: Type.Array(Type.String(), {
    description: 'removing: the photos that were in it; undoing: the photos that had a removal',
  }),
});
export type CategoryChanged = Static<typeof CategoryChanged>;
