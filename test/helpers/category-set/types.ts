import type { CategoryName } from '../../../src/categories/index.js';

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
