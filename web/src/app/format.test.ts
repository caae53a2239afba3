import { describe, expect, it } from 'vitest';
import { listWords, tileLabel } from './format.js';

const base = { takenAt: '2019-06-14T12:00:03', favourite: false, status: 'ready' };

describe('tile names', () => {
  it('say who, what and where before the date, so neighbours differ', () => {
    const name = tileLabel({
      ...base,
      people: ['Alice', 'Bob'],
      tags: ['person', 'dog'],
      place: 'Nice',
    });
    expect(name).toMatch(/^Photo of Alice and Bob with dog in Nice, .*2019.*, /);
    expect(tileLabel({ ...base, tags: ['wine glass', 'cup'] })).toMatch(
      /^Photo of wine glass and cup, /,
    );
    // "person" says nothing once the people are named; it says something when they are not.
    expect(tileLabel({ ...base, tags: ['person'] })).toMatch(/^Photo of person, /);
    expect(tileLabel({ ...base, place: 'Paris', favourite: true })).toMatch(
      /^Photo in Paris, .*favourite$/,
    );
    expect(tileLabel(base)).toMatch(/^Photo, /);
  });

  it('lists words as a sentence does', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
