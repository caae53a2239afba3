import { Type, type Static } from '@sinclair/typebox';

// The category names (src/categories defines what each means) and the shape of a photo's
// categories, shared by the catalogue, the API and the web app. No import of api.ts: it uses
// these for the photo details.

export const CATEGORY_NAMES = [
  'screenshot',
  'document',
  'selfie',
  'panorama',
  'night',
  'group',
  'portrait',
  'food',
  'pets',
  'vehicles',
  'sports',
] as const;

export type CategoryName = (typeof CATEGORY_NAMES)[number];

export const CategoryNameSchema = Type.Union(
  CATEGORY_NAMES.map((n) => Type.Literal(n)),
  { description: 'a category (definitions: GET /api/categories)' },
);

export const PhotoCategory = Type.Object({
  name: CategoryNameSchema,
  label: Type.String({ description: 'one photo of it: "Selfie", "Receipt", "Group photo"' }),
  score: Type.Number({ minimum: 0, maximum: 1, description: 'confidence; given from 0.5' }),
  reason: Type.String({ description: 'why, for a person: "front camera", "5 faces"' }),
  subtype: Type.Optional(Type.Literal('receipt', { description: 'a receipt-shaped document' })),
});
export type PhotoCategory = Static<typeof PhotoCategory>;

export const RemovedCategory = Type.Object({
  name: CategoryNameSchema,
  label: Type.String(),
});
export type RemovedCategory = Static<typeof RemovedCategory>;
