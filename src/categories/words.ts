// Search words for the categories: what a person types, singular or plural, and what it means.
// `category:NAME` is the explicit form (search/parse.ts will own that syntax).

import type { CategoryName } from './types.js';

export interface CategoryWord {
  /** Lower-case word or phrase as typed ("group photos"). */
  word: string;
  category: CategoryName;
  /** Narrows to a subtype: "receipts" are the documents whose paper is receipt-shaped. */
  subtype?: 'receipt';
  /**
   * False: the word names the category only after `category:`; typed alone it keeps the meaning
   * it already had in the search box (see [Note: category words and tags]).
   */
  plain: boolean;
}

const plural = (
  word: string,
  category: CategoryName,
  opts: { subtype?: 'receipt'; plain?: boolean } = {},
): CategoryWord[] =>
  [word, `${word}s`].map((w) => ({
    word: w,
    category,
    ...(opts.subtype ? { subtype: opts.subtype } : {}),
    plain: opts.plain ?? true,
  }));

/**
 * [Note: category words and tags] food, pets, sports and vehicles are already words of the
 * object vocabulary (tags and the Things page's groups, ranked by detection score); the
 * categories follow the same tags with a stricter score and size. Typed alone those words stay
 * tags, so every search that worked goes on finding the same photos; `category:food` asks for the
 * category. "scans" names folders and files more often than documents ("Scans/"): it too is a
 * category word only after `category:`. The other words are new to the search box.
 */
export const CATEGORY_WORDS: readonly CategoryWord[] = [
  ...plural('screenshot', 'screenshot'),
  ...plural('screen shot', 'screenshot'),
  ...plural('document', 'document'),
  ...plural('scan', 'document', { plain: false }),
  ...plural('receipt', 'document', { subtype: 'receipt' }),
  ...plural('selfie', 'selfie'),
  ...plural('panorama', 'panorama'),
  ...plural('pano', 'panorama'),
  { word: 'night', category: 'night', plain: true },
  ...plural('night photo', 'night'),
  ...plural('night shot', 'night'),
  ...plural('group photo', 'group'),
  ...plural('group shot', 'group'),
  { word: 'group', category: 'group', plain: false },
  ...plural('portrait', 'portrait'),
  { word: 'food', category: 'food', plain: false },
  ...plural('pet', 'pets', { plain: false }),
  ...plural('vehicle', 'vehicles', { plain: false }),
  ...plural('sport', 'sports', { plain: false }),
];

const BY_WORD = new Map(CATEGORY_WORDS.map((w) => [w.word, w]));

/** The category a word or phrase names, or null ("Selfies" → selfie). */
export function categoryForWord(text: string): CategoryWord | null {
  return BY_WORD.get(text.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
}
