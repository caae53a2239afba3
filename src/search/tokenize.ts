// Splits a search box's text into tokens: words, "quoted phrases", key:value and key:"quoted
// value", each optionally negated with a leading "-". Never throws: an unbalanced quote runs to
// the end of the text, a lone "-" is a word like any other.

export interface Token {
  /** The text of the token without its "-", key and quotes. */
  value: string;
  /** Lower-cased key of key:value tokens (only keys the parser knows; see isKey). */
  key?: string;
  negate: boolean;
  quoted: boolean;
  /** [start, end) of the whole token in the input, for chip removal. */
  start: number;
  end: number;
}

const WS = /\s/;

/** The phrase opened by the quote at `open`: its text up to the next quote (or the end of the
 * text, when it is unbalanced) and where the token ends, after the closing quote. */
function phrase(text: string, open: number): { value: string; end: number } {
  const close = text.indexOf('"', open + 1);
  const end = close < 0 ? text.length : close;
  return { value: text.slice(open + 1, end), end: Math.min(text.length, end + 1) };
}

export function tokenize(text: string, isKey: (key: string) => boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && WS.test(text[i])) i++;
    if (i >= n) break;
    const start = i;
    let negate = false;
    // "-word" negates; "-" alone or "--" is just a word.
    if (
      (text[i] === '-' || text[i] === '!') &&
      i + 1 < n &&
      !WS.test(text[i + 1]) &&
      text[i + 1] !== '-'
    ) {
      negate = true;
      i++;
    }
    if (text[i] === '"') {
      const p = phrase(text, i);
      out.push({ value: p.value, negate, quoted: true, start, end: p.end });
      i = p.end;
      continue;
    }
    // A bare word, possibly key:value or key:"value with spaces".
    let j = i;
    while (j < n && !WS.test(text[j]) && text[j] !== '"') j++;
    const word = text.slice(i, j);
    const colon = word.indexOf(':');
    const key = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
    if (key && isKey(key)) {
      if (colon === word.length - 1 && text[j] === '"') {
        const p = phrase(text, j);
        out.push({ value: p.value, key, negate, quoted: true, start, end: p.end });
        i = p.end;
        continue;
      }
      out.push({ value: word.slice(colon + 1), key, negate, quoted: false, start, end: j });
      i = j;
      continue;
    }
    if (j < n && text[j] === '"') {
      // A quote glued to a word (`foo"bar`): the word ends here, the quote starts a phrase.
      out.push({ value: word, negate, quoted: false, start, end: j });
      i = j;
      continue;
    }
    out.push({ value: word, negate, quoted: false, start, end: j });
    i = j;
  }
  return out.filter((t) => t.value.length > 0 || t.key !== undefined);
}
