import { describe, expect, it } from 'vitest';
import { localTime, shiftLocal } from '../../src/collection/edit-dates.js';

describe('dates a person types or shifts', () => {
  it('are stored as local wall-clock time, seconds added', () => {
    expect(localTime('2019-06-14T12:00')).toBe('2019-06-14T12:00:00');
    expect(localTime('2019-06-14 12:00:59')).toBe('2019-06-14T12:00:59');
  });

  it('refuses dates that do not exist, or far outside a photo’s lifetime', () => {
    for (const bad of ['2019-02-29T10:00', '2019-13-01T10:00', '2019-06-14T24:00', 'yesterday'])
      expect(() => localTime(bad), bad).toThrow(/not/);
    expect(() => localTime('1650-01-01T00:00')).toThrow(/outside/);
    expect(localTime('2020-02-29T10:00')).toBe('2020-02-29T10:00:00');
  });

  it('shift the wall clock across days, months, leap days and years', () => {
    expect(shiftLocal('2019-12-31T23:30:00', 3600)).toBe('2020-01-01T00:30:00');
    expect(shiftLocal('2020-03-01T00:10:00', -20 * 60)).toBe('2020-02-29T23:50:00');
    expect(shiftLocal('2019-06-14T12:00:00', -365 * 86400)).toBe('2018-06-14T12:00:00');
    // Stored times may carry more than seconds: the shift keeps to the second.
    expect(shiftLocal('2019-06-14T12:00:00.250', 1)).toBe('2019-06-14T12:00:01');
    expect(() => shiftLocal('2200-12-31T23:00:00', 7200)).toThrow(/outside/);
  });
});
