import { describe, expect, it } from 'vitest';
import { isCopyName, suggestKeep, type KeepFacts } from '../../src/search/duplicates/keep.js';

const photo = (id: string, over: Partial<KeepFacts> = {}): KeepFacts => ({
  id,
  favourite: false,
  albums: 0,
  namedFaces: 0,
  firstSeen: '2024-05-01T10:00:00.000Z',
  modified: Date.parse('2024-04-30T09:00:00Z'),
  copyName: false,
  width: 4000,
  height: 3000,
  size: 3_000_000,
  takenAt: '2024-04-30T09:00:00',
  sortAt: '2024-04-30T09:00:00',
  ...over,
});

describe('the keep suggestion of a duplicate group', () => {
  it('keeps the favourite over a sharper copy, and says so', () => {
    const original = photo('a', { favourite: true, width: 2000, height: 1500 });
    const copy = photo('b');
    expect(suggestKeep([copy, original])).toEqual({ keep: 'a', reason: 'it is a favourite' });
  });

  it('then the one in albums, then the one with named people', () => {
    expect(suggestKeep([photo('a'), photo('b', { albums: 2, width: 10, height: 10 })])).toEqual({
      keep: 'b',
      reason: 'it is in 2 albums',
    });
    expect(
      suggestKeep([photo('a', { albums: 1 }), photo('b', { albums: 3, width: 10, height: 10 })]),
    ).toMatchObject({ keep: 'b', reason: 'it is in more albums (3)' });
    expect(suggestKeep([photo('a'), photo('b', { namedFaces: 1, size: 10 })])).toEqual({
      keep: 'b',
      reason: 'people in it have names',
    });
    // A favourite still beats albums.
    expect(suggestKeep([photo('a', { albums: 4 }), photo('b', { favourite: true })]).keep).toBe(
      'b',
    );
  });

  it('then the original file: not named as a copy, in the library first, written first', () => {
    expect(
      suggestKeep([photo('a', { copyName: true, width: 8000, height: 6000 }), photo('b')]),
    ).toEqual({ keep: 'b', reason: 'it is the original (the other file is named as a copy)' });
    expect(
      suggestKeep([
        photo('new', { firstSeen: '2025-01-01T00:00:00.000Z', width: 8000, height: 6000 }),
        photo('old', { firstSeen: '2024-01-01T00:00:00.000Z' }),
      ]),
    ).toEqual({ keep: 'old', reason: 'it is the original (it was in your library first)' });
    expect(
      suggestKeep([
        photo('edit', { modified: Date.parse('2024-06-01T00:00:00Z'), width: 8000, height: 6000 }),
        photo('camera'),
      ]),
    ).toEqual({ keep: 'camera', reason: 'it is the original (its file is older)' });
  });

  it('does not read an order into files found by one scan or written in the same minute', () => {
    const a = photo('a', { firstSeen: '2024-05-01T10:00:00.010Z', modified: 1_000_000 });
    const b = photo('b', {
      firstSeen: '2024-05-01T10:00:00.900Z',
      modified: 1_020_000,
      width: 6000,
      height: 4000,
    });
    expect(suggestKeep([a, b])).toEqual({ keep: 'b', reason: 'highest resolution (6000×4000)' });
  });

  it('falls back to size, capture date and age', () => {
    expect(suggestKeep([photo('a'), photo('b', { size: 5_000_000 })]).reason).toBe(
      'same resolution, largest file',
    );
    expect(suggestKeep([photo('a', { takenAt: null }), photo('b')])).toEqual({
      keep: 'b',
      reason: 'same picture, it has the capture date',
    });
    expect(suggestKeep([photo('a', { sortAt: '2025-01-01' }), photo('b')]).keep).toBe('b');
  });
});

describe('copy file names', () => {
  it('knows the usual ways a copy is named', () => {
    for (const f of [
      '/p/Copy of beach.jpg',
      '/p/beach - Copy.jpg',
      '/p/beach copy.jpg',
      '/p/beach copy 2.jpg',
      '/p/beach_copy.jpg',
      '/p/beach (1).jpg',
      '/p/Strand - Kopie.jpg',
    ])
      expect(isCopyName(f), f).toBe(true);
    for (const f of ['/p/beach.jpg', '/copy/beach.jpg', '/p/copyright.jpg', '/p/IMG_1234.jpg'])
      expect(isCopyName(f), f).toBe(false);
  });
});
