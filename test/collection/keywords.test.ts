import { describe, expect, it } from 'vitest';
import type { KeywordRow } from '../../src/db/repos/keywords.js';
import { userKeyword, withUserKeyword } from '../../src/collection/keywords.js';

const row = (path: string, source: KeywordRow['source']): KeywordRow => ({
  path,
  leaf: path.split('/').pop()!,
  source,
});

describe('keywords the user types', () => {
  it('splits levels on / or |, tidies them and drops empty ones', () => {
    const k = userKeyword(' Places / Korea|| Seoul ');
    expect(k.path).toBe('Places/Korea/Seoul');
    expect(k.leaf).toBe('Seoul');
    expect(k.levels.map((l) => l.name)).toEqual(['Places', 'Korea', 'Seoul']);
    expect(k.levels.every((l) => l.key !== '')).toBe(true);
  });

  it('refuses a keyword with no word or too many levels', () => {
    expect(() => userKeyword(' / | ')).toThrow(/needs a word/);
    expect(() => userKeyword('a/b/c/d/e/f/g/h/i')).toThrow(/at most 8 levels/);
  });

  it('adds one, keeps the case the photo already has, and takes the user’s own out', () => {
    const current = [row('Trips/Busan', 'user'), row('Places/Seoul', 'xmp')];
    expect(withUserKeyword(current, 'Food', true).map((k) => k.path)).toEqual([
      'Trips/Busan',
      'Food',
    ]);
    expect(withUserKeyword(current, 'trips/busan', true).map((k) => k.path)).toEqual([
      'Trips/Busan',
    ]);
    // Already there from a sidecar: nothing of the user's to add.
    expect(withUserKeyword(current, 'places/seoul', true).map((k) => k.path)).toEqual([
      'Trips/Busan',
    ]);
    expect(withUserKeyword(current, 'TRIPS/busan', false)).toEqual([]);
  });

  it('will not take out a keyword another program wrote', () => {
    const current = [row('Places/Seoul', 'xmp')];
    expect(() => withUserKeyword(current, 'Places/Seoul', false)).toThrow(/another program/);
  });
});
