import { describe, expect, it } from 'vitest';

import {
  altitudeMetres,
  coordinateToDecimal,
  isValidPosition,
  makeGps,
} from '../../src/media/gps.js';

describe('coordinateToDecimal', () => {
  it('converts EXIF [deg, min, sec] with a hemisphere ref', () => {
    expect(coordinateToDecimal([43, 28, 2.814], 'N')).toBeCloseTo(43.467448, 6);
    expect(coordinateToDecimal([3, 43, 29.11], 'W')).toBeCloseTo(-3.724753, 5);
  });

  it('converts XMP "DDD,MM.mmk" and "DDD,MM,SSk" strings', () => {
    expect(coordinateToDecimal('48,53.323582N')).toBeCloseTo(48.888726, 6);
    expect(coordinateToDecimal('21,2.595070E')).toBeCloseTo(21.043251, 6);
    expect(coordinateToDecimal('33,51,21.91S')).toBeCloseTo(-33.856086, 5);
  });

  it('keeps signed decimals and applies S/W to unsigned ones', () => {
    expect(coordinateToDecimal(-84.681725)).toBe(-84.681725);
    expect(coordinateToDecimal(84.681725, 'W')).toBe(-84.681725);
  });

  it('rejects malformed values', () => {
    for (const bad of [
      [],
      [NaN, 1, 2],
      [10, 75, 0],
      '',
      'N',
      'abc',
      null,
      undefined,
      [1, 2, 3, 4],
    ]) {
      expect(coordinateToDecimal(bad as unknown), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('position validation', () => {
  it('rejects null island and out-of-range positions', () => {
    expect(isValidPosition(0, 0)).toBe(false);
    expect(isValidPosition(91, 10)).toBe(false);
    expect(isValidPosition(10, -181)).toBe(false);
    expect(isValidPosition(NaN, 10)).toBe(false);
    expect(isValidPosition(0, 36.05)).toBe(true); // on the equator is fine
    expect(isValidPosition(-0.3713, 36.056417)).toBe(true);
  });

  it('builds GpsInfo with signed altitude, or null', () => {
    expect(makeGps([43, 28, 2.814], 'N', [11, 53, 6.456], 'E', 100, 1)).toEqual({
      lat: expect.closeTo(43.467448, 5),
      lon: expect.closeTo(11.885127, 5),
      alt: -100,
    });
    expect(makeGps([0, 0, 0], 'N', [0, 0, 0], 'E')).toBeNull();
    expect(makeGps(undefined, 'N', [1, 0, 0], 'E')).toBeNull();
  });

  it('reads altitudes', () => {
    expect(altitudeMetres(324.145)).toBe(324.145);
    expect(altitudeMetres('12.5 m')).toBe(12.5);
    expect(altitudeMetres(5, 'Below Sea Level')).toBe(-5);
    expect(altitudeMetres(1e9)).toBeNull();
    expect(altitudeMetres(undefined)).toBeNull();
  });
});
