import { describe, expect, it } from 'vitest';
import { rateFrom, timeLeft } from './rate.js';

describe('indexing rate', () => {
  it('is the work done over the time it took', () => {
    expect(
      rateFrom([
        { at: 0, done: 10 },
        { at: 5000, done: 20 },
        { at: 10_000, done: 40 },
      ]),
    ).toBe(3);
  });

  it('says nothing without enough history or when work was re-queued', () => {
    expect(rateFrom([{ at: 0, done: 1 }])).toBeNull();
    expect(
      rateFrom([
        { at: 0, done: 1 },
        { at: 1000, done: 5 },
      ]),
    ).toBeNull();
    expect(
      rateFrom([
        { at: 0, done: 50 },
        { at: 8000, done: 10 },
      ]),
    ).toBeNull();
  });

  it('says how long is left in words', () => {
    expect(timeLeft(100, 10)).toBe('less than a minute left');
    expect(timeLeft(1200, 2)).toBe('about 10 min left');
    expect(timeLeft(9000, 1)).toBe('about 2 h 30 min left');
    expect(timeLeft(10, null)).toBeNull();
    expect(timeLeft(0, 3)).toBeNull();
  });
});
