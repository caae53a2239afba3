import { describe, expect, it } from 'vitest';
import { codecName, duration, fpsLabel, kindLabel, listWords, tileLabel } from './format.js';

describe('video durations', () => {
  it('reads as players show it', () => {
    expect(duration(7_000)).toBe('0:07');
    expect(duration(12_400)).toBe('0:12');
    expect(duration(59_600)).toBe('1:00');
    expect(duration(754_000)).toBe('12:34');
    expect(duration(3_723_000)).toBe('1:02:03');
    expect(duration(7_200_000)).toBe('2:00:00');
  });

  it('rounds a short clip up to a second, never down to nothing', () => {
    expect(duration(2_600)).toBe('0:03');
    expect(duration(300)).toBe('0:01');
    expect(duration(0)).toBe('0:00');
  });
});

describe('tile names', () => {
  const at = '2024-06-01T12:00:05';
  it('say what the item is first', () => {
    expect(kindLabel('video', 12_000)).toBe('Video, 0:12');
    expect(kindLabel('video')).toBe('Video');
    expect(kindLabel('live', 2_500)).toBe('Live Photo');
    expect(kindLabel('photo')).toBe('Photo');
    expect(kindLabel(undefined)).toBe('Photo');
    const name = tileLabel({
      takenAt: at,
      favourite: true,
      status: 'ready',
      kind: 'video',
      durationMs: 12_000,
    });
    expect(name.startsWith('Video, 0:12, ')).toBe(true);
    expect(name.endsWith(', favourite')).toBe(true);
    expect(tileLabel({ takenAt: at, favourite: false, status: 'ready', kind: 'live' })).toMatch(
      /^Live Photo, /,
    );
    const named = { takenAt: at, favourite: false, status: 'ready', people: ['Alice'] };
    expect(tileLabel({ ...named, kind: 'video', durationMs: 3_000 })).toMatch(
      /^Video of Alice, 0:03, /,
    );
    expect(tileLabel({ ...named, kind: 'live', place: 'Nice' })).toMatch(
      /^Live Photo of Alice in Nice, /,
    );
  });
});

describe('video facts', () => {
  it('name codecs as people know them and frame rates without noise', () => {
    expect(codecName('hevc')).toBe('HEVC (H.265)');
    expect(codecName('h264')).toBe('H.264');
    expect(codecName('theora')).toBe('THEORA');
    expect(fpsLabel(30)).toBe('30 fps');
    expect(fpsLabel(29.97002997)).toBe('29.97 fps');
  });
});

const base = { takenAt: '2019-06-14T12:00:03', favourite: false, status: 'ready' };

describe('tile names of photos', () => {
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
