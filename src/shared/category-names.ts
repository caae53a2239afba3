// The category names (src/categories defines what each means), apart from their TypeBox schema
// (categories.ts) so the catalogue opens without TypeBox ([Note: lazy start] in src/cli/main.ts).

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
