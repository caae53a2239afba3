import type { KeywordInput, KeywordRow } from '../db/repos/keywords.js';
import { phraseKey } from '../search/text.js';
import { PictoError } from '../shared/errors.js';
import { cleanName } from '../shared/names.js';

const MAX_LEVEL = 100;
const MAX_LEVELS = 8;

/**
 * A keyword a person types in the info panel, as stored: levels split on "/" (digiKam) or "|"
 * (Lightroom), each tidied like every user-given name, empty levels dropped ("Places / Seoul" →
 * Places/Seoul), each level folded for the search box like imported keywords.
 */
export function userKeyword(raw: string): KeywordInput {
  const levels = raw
    .split(/[/|]/)
    .map((l) => cleanName(l, 'a keyword', MAX_LEVEL))
    .filter((l) => l !== '');
  if (levels.length === 0) throw new PictoError('invalid', 'a keyword needs a word in it');
  if (levels.length > MAX_LEVELS) {
    throw new PictoError('invalid', `a keyword has at most ${MAX_LEVELS} levels`);
  }
  return {
    path: levels.join('/'),
    leaf: levels[levels.length - 1],
    levels: levels.map((name) => ({ key: phraseKey(name), name })),
  };
}

/**
 * The user's keywords with one added or taken out. An imported keyword is not the user's to drop
 * here: it comes back the next time its sidecar is read, so the refusal says where to change it.
 */
export function withUserKeyword(
  current: readonly KeywordRow[],
  raw: string,
  on: boolean,
): KeywordInput[] {
  const k = userKeyword(raw);
  const lower = k.path.toLowerCase();
  const same = current.find((c) => c.path.toLowerCase() === lower);
  if (!on && same && same.source !== 'user') {
    throw new PictoError(
      'conflict',
      `"${same.path}" comes from another program's metadata; change it there (Picto reads it again)`,
    );
  }
  const mine = current
    .filter((c) => c.source === 'user' && c.path.toLowerCase() !== lower)
    .map((c) => userKeyword(c.path));
  // Adding a keyword the photo already has (in any case) keeps the one it has.
  if (on && !same) mine.push(k);
  else if (on && same?.source === 'user') mine.push(userKeyword(same.path));
  return mine;
}
