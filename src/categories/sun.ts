// Where the sun stands, offline: its elevation above the horizon at an instant and a place.
//
// [Note: solar position] NOAA's solar calculator equations (after Meeus, "Astronomical
// Algorithms"): the sun's mean longitude and anomaly, the equation of centre, apparent longitude,
// obliquity, then declination and the equation of time give the hour angle and the elevation.
// Good to about a minute of time for years 1800–2100, far better than "is it night" needs.
// Refraction is left out: "below the horizon" is the geometric centre below −0.833°, the
// standard sunrise/sunset altitude (refraction 34′ + the sun's radius 16′).

const RAD = Math.PI / 180;

/** Altitude of the sun's centre at sunrise and sunset. */
export const SUNSET_ELEVATION = -0.833;
/** Civil twilight ends (street lights on, sky dark enough for night photos) at −6°. */
export const CIVIL_DUSK_ELEVATION = -6;

/** Solar elevation in degrees (negative: below the horizon) at `utcMs` at latitude/longitude. */
export function solarElevation(utcMs: number, lat: number, lon: number): number {
  const jd = utcMs / 86_400_000 + 2_440_587.5;
  const t = (jd - 2_451_545) / 36_525; // Julian centuries since J2000.0
  const l0 = mod360(280.46646 + t * (36_000.76983 + t * 0.0003032));
  const m = 357.52911 + t * (35_999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const c =
    Math.sin(m * RAD) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * m * RAD) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * m * RAD) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const apparentLong = l0 + c - 0.00569 - 0.00478 * Math.sin(omega * RAD);
  const meanObliquity =
    23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = meanObliquity + 0.00256 * Math.cos(omega * RAD);
  const declination = Math.asin(Math.sin(obliquity * RAD) * Math.sin(apparentLong * RAD));
  const y = Math.tan((obliquity / 2) * RAD) ** 2;
  const eqTimeMinutes =
    (4 / RAD) *
    (y * Math.sin(2 * l0 * RAD) -
      2 * e * Math.sin(m * RAD) +
      4 * e * y * Math.sin(m * RAD) * Math.cos(2 * l0 * RAD) -
      0.5 * y * y * Math.sin(4 * l0 * RAD) -
      1.25 * e * e * Math.sin(2 * m * RAD));
  const utcMinutes = (((utcMs % 86_400_000) + 86_400_000) % 86_400_000) / 60_000;
  const trueSolarMinutes = (((utcMinutes + eqTimeMinutes + 4 * lon) % 1440) + 1440) % 1440;
  const hourAngle = trueSolarMinutes / 4 - 180;
  const cosZenith =
    Math.sin(lat * RAD) * Math.sin(declination) +
    Math.cos(lat * RAD) * Math.cos(declination) * Math.cos(hourAngle * RAD);
  return 90 - Math.acos(Math.max(-1, Math.min(1, cosZenith))) / RAD;
}

function mod360(v: number): number {
  return ((v % 360) + 360) % 360;
}

/**
 * The UTC instant of a local wall-clock time ("2024-06-21T22:10:00", seconds and fraction
 * optional) at an offset east of UTC in minutes; null when the text is no such time.
 */
export function utcOf(local: string, offsetMinutes: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(local);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  return Number.isFinite(ms) ? ms - offsetMinutes * 60_000 : null;
}
