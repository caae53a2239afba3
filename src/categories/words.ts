// Search words for the categories: what a person types, singular or plural, and what it means.
// `category:NAME` is the explicit form (search/parse.ts will own that syntax).

import type { CategoryName } from './types.js';

export interface CategoryWord {
  /** Lower-case word or phrase as typed ("group photos"). */
  word: string;
  category: CategoryName;
  /** Narrows to a subtype: "receipts" are the documents whose paper is receipt-shaped. */
  subtype?: 'receipt';
}

const plural = (word: string, category: CategoryName, subtype?: 'receipt'): CategoryWord[] => [
  { word, category, ...(subtype ? { subtype } : {}) },
  { word: `${word}s`, category, ...(subtype ? { subtype } : {}) },
];

/**
 * [Note: category words and tags] food, sports and vehicle are already words of the object
 * vocabulary (the Things page groups); the categories follow the same tags with a stricter score
 * and size, so the search may read those words either way. "night", "pets" and the others are new.
 */
export const CATEGORY_WORDS: readonly CategoryWord[] = [
  ...plural('screenshot', 'screenshot'),
  ...plural('screen shot', 'screenshot'),
  ...plural('document', 'document'),
  ...plural('scan', 'document'),
  ...plural('receipt', 'document', 'receipt'),
  ...plural('selfie', 'selfie'),
  ...plural('panorama', 'panorama'),
  ...plural('pano', 'panorama'),
  { word: 'night', category: 'night' },
  ...plural('night photo', 'night'),
  ...plural('group photo', 'group'),
  ...plural('group shot', 'group'),
  ...plural('portrait', 'portrait'),
  { word: 'food', category: 'food' },
  ...plural('pet', 'pets'),
  ...plural('vehicle', 'vehicles'),
  ...plural('sport', 'sports'),
];

const BY_WORD = new Map(CATEGORY_WORDS.map((w) => [w.word, w]));

/** The category a word or phrase names, or null ("Selfies" → selfie). */
export function categoryForWord(text: string): CategoryWord | null {
  return BY_WORD.get(text.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
}
