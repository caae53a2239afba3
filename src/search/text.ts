// Text folding shared by the parser, the vocabulary and the places index: a query word and a name
// in the catalogue meet only after both went through the same fold, so "Zürich", "zurich" and
// "ZURICH" are one key.

/** Lower-case, strip diacritics, collapse whitespace. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a name as the parser sees them: folded, split on anything that is not a letter or digit. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The folded key of a multi-word name ("New  York-City" → "new york city"). */
export function phraseKey(text: string): string {
  return words(text).join(' ');
}
