import { describe, expect, it } from 'vitest';
import { solarElevation, SUNSET_ELEVATION, utcOf } from '../../src/categories/sun.js';

const at = (iso: string) => Date.parse(iso);

/** The highest elevation of a UTC day at a place, and when (minutes after midnight UTC). */
function solarNoon(day: string, lat: number, lon: number): { elevation: number; minute: number } {
  let best = { elevation: -90, minute: 0 };
  for (let m = 0; m < 1440; m += 0.5) {
    const e = solarElevation(at(`${day}T00:00:00Z`) + m * 60_000, lat, lon);
    if (e > best.elevation) best = { elevation: e, minute: m };
  }
  return best;
}

describe('solar elevation (NOAA equations) against almanac facts', () => {
  it('noon height at the solstices and the equinox: 90° − latitude ± 23.44°', () => {
    // Greenwich, June solstice 2024: 90 − 51.477 + 23.44 = 61.96°.
    expect(solarNoon('2024-06-20', 51.4769, -0.0005).elevation).toBeCloseTo(61.96, 1);
    // Sydney, December solstice: 90 − 33.87 + 23.44 = 79.57°.
    expect(solarNoon('2024-12-21', -33.8688, 151.2093).elevation).toBeCloseTo(79.57, 1);
    // The equator at the March equinox: overhead within half a degree.
    expect(solarNoon('2024-03-20', 0, 0).elevation).toBeGreaterThan(89.5);
  });

  it('the equation of time: solar noon at Greenwich ~11:43:35 UTC on 3 November, ~12:14 on 11 February', () => {
    expect(Math.abs(solarNoon('2024-11-03', 51.4769, 0).minute - (11 * 60 + 43.6))).toBeLessThan(1);
    expect(Math.abs(solarNoon('2024-02-11', 51.4769, 0).minute - (12 * 60 + 14.2))).toBeLessThan(1);
  });

  it('sunrise and sunset times of the almanac are where the sun crosses −0.833°', () => {
    // London, 21 June 2024: sunrise 04:43 BST, sunset 21:21 BST.
    expect(solarElevation(at('2024-06-21T03:43:00Z'), 51.5074, -0.1278)).toBeCloseTo(
      SUNSET_ELEVATION,
      0,
    );
    expect(solarElevation(at('2024-06-21T20:21:00Z'), 51.5074, -0.1278)).toBeCloseTo(
      SUNSET_ELEVATION,
      0,
    );
    // New York, 21 December 2024: sunrise 07:17 EST, sunset 16:32 EST.
    expect(solarElevation(at('2024-12-21T12:17:00Z'), 40.7128, -74.006)).toBeCloseTo(
      SUNSET_ELEVATION,
      0,
    );
    expect(solarElevation(at('2024-12-21T21:32:00Z'), 40.7128, -74.006)).toBeCloseTo(
      SUNSET_ELEVATION,
      0,
    );
  });

  it('midnight sun and polar night at Tromsø (69.65° N)', () => {
    // Local midnight in June (22:00 UTC): still 3° up. Noon in December: 3° below.
    expect(solarElevation(at('2024-06-20T22:00:00Z'), 69.6492, 18.9553)).toBeGreaterThan(2);
    expect(solarElevation(at('2024-12-21T10:45:00Z'), 69.6492, 18.9553)).toBeLessThan(-2);
  });

  it('local wall-clock times become UTC instants by their offset', () => {
    expect(utcOf('2024-06-21T22:10:00', 120)).toBe(at('2024-06-21T20:10:00Z'));
    expect(utcOf('2023-11-20T21:10', -300)).toBe(at('2023-11-21T02:10:00Z'));
    expect(utcOf('2024-06-21T22:10:00.250', 0)).toBe(at('2024-06-21T22:10:00Z'));
    expect(utcOf('21 June', 0)).toBeNull();
  });
});
