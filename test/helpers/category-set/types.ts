import { CATEGORY_NAMES, type CategoryName } from '../../../src/categories/index.js';
import { OBJECT_GROUPS } from '../../../src/categories/objects.js';

/** One photo of the labelled set and what the categories must say about it. */
export interface LabelledPhoto {
  /** Absolute path in the set's cache directory (never in the project). */
  file: string;
  /** What kind of generated photo it is ("screenshot-phone", "document-photo", …). */
  group: string;
  /** How it was made, for failure messages. */
  note: string;
  /** true: must be in the category; false: must not be; absent: either is acceptable. */
  expect: Partial<Record<CategoryName, boolean>>;
  /** A document that is a till receipt: its reason should say so. */
  receipt?: boolean;
}

/**
 * What a photo made for one of the categories with a classifier of their own (not the object
 * groups) must say: `yes` (null: none of them), every other one no, except those in `either`.
 */
export function expectOnly(
  yes: CategoryName | null,
  either: CategoryName[] = [],
): LabelledPhoto['expect'] {
  const own = CATEGORY_NAMES.filter((c) => !(c in OBJECT_GROUPS) && !either.includes(c));
  return Object.fromEntries(own.map((c) => [c, c === yes]));
}
