// Trips: runs of photos taken away from home, found from capture times and GPS positions. Pure.
//
// Home is the city where photos were taken on the most different days (not the most photos: one
// wedding abroad can outnumber a year of everyday pictures). A trip starts at a photo taken more
// than AWAY_KM from home and goes on while photos away keep coming less than GAP_HOURS apart; a
// photo at home, or a long silence, ends it. Photos without a position taken between two photos
// of the trip belong to it (the camera without GPS, the scanned ticket).

import type { TimelinePlaceRow } from '../../db/repos/memories.js';
import { distanceKm } from '../places/geocoder.js';

/** A photo as trips read it: the timeline's row with its place (the favourite flag is not needed). */
export type TripPoint = Omit<TimelinePlaceRow, 'favourite'>;

export interface Home {
  city: string | null;
  lat: number;
  lon: number;
  days: number;
}

export interface Trip {
  /** Local times of the first and last photo. */
  start: string;
  end: string;
  photoIds: string[];
  /** Cities (or countries when no city is known) by photos taken there, most first. */
  places: { city: string | null; country: string | null; photos: number }[];
  countries: string[];
  title: string;
  /** Furthest distance from home, km. */
  km: number;
}

export interface TripOptions {
  awayKm: number;
  gapHours: number;
  minPhotos: number;
}

export const DEFAULT_TRIPS: TripOptions = { awayKm: 100, gapHours: 36, minPhotos: 5 };

const ms = (sortAt: string) => Date.parse(`${sortAt.slice(0, 19)}Z`);

/** The city photographed on the most different days, with the centre of its photos. */
export function findHome(points: TripPoint[]): Home | null {
  const byCity = new Map<
    string,
    { days: Set<string>; lat: number; lon: number; n: number; city: string | null }
  >();
  for (const p of points) {
    if (p.lat === null || p.lon === null) continue;
    // Without a city name (open country), a ~50 km grid cell stands in for it.
    const key = p.city
      ? `${p.city}|${p.country}`
      : `@${Math.round(p.lat * 2)},${Math.round(p.lon * 2)}`;
    let c = byCity.get(key);
    if (!c) {
      c = { days: new Set(), lat: 0, lon: 0, n: 0, city: p.city };
      byCity.set(key, c);
    }
    c.days.add(p.sort_at.slice(0, 10));
    c.lat += p.lat;
    c.lon += p.lon;
    c.n++;
  }
  let best: Home | null = null;
  for (const c of byCity.values()) {
    if (!best || c.days.size > best.days)
      best = { city: c.city, lat: c.lat / c.n, lon: c.lon / c.n, days: c.days.size };
  }
  return best;
}

export function findTrips(
  points: TripPoint[],
  home: Home | null,
  opts: TripOptions = DEFAULT_TRIPS,
): Trip[] {
  if (!home) return [];
  const gap = opts.gapHours * 3_600_000;
  const trips: Trip[] = [];
  let current: { points: TripPoint[]; lastAway: number; km: number } | null = null;
  let pending: TripPoint[] = [];

  const close = () => {
    if (current && current.points.length >= opts.minPhotos)
      trips.push(describe(current.points, current.km));
    current = null;
    pending = [];
  };

  for (const p of points) {
    const t = ms(p.sort_at);
    if (p.lat === null || p.lon === null) {
      if (current && t - current.lastAway <= gap) pending.push(p);
      continue;
    }
    const km = distanceKm(home.lat, home.lon, p.lat, p.lon);
    if (km < opts.awayKm) {
      close();
      continue;
    }
    if (current && t - current.lastAway <= gap) {
      current.points.push(...pending, p);
      current.lastAway = t;
      current.km = Math.max(current.km, km);
      pending = [];
    } else {
      close();
      current = { points: [p], lastAway: t, km };
    }
  }
  close();
  return trips;
}

function describe(points: TripPoint[], km: number): Trip {
  const counts = new Map<string, { city: string | null; country: string | null; photos: number }>();
  for (const p of points) {
    if (!p.city && !p.country) continue;
    const key = `${p.city}|${p.country}`;
    const c = counts.get(key) ?? { city: p.city, country: p.country, photos: 0 };
    c.photos++;
    counts.set(key, c);
  }
  const places = [...counts.values()].sort((a, b) => b.photos - a.photos);
  const countries = [
    ...new Set(places.map((p) => p.country).filter((c): c is string => Boolean(c))),
  ];
  return {
    start: points[0].sort_at,
    end: points[points.length - 1].sort_at,
    photoIds: points.map((p) => p.id),
    places,
    countries,
    title: tripTitle(places, countries),
    km: Math.round(km),
  };
}

/** "Rome", "Rome & Florence", "Rome, Florence & Venice"; countries when a trip crosses many. */
export function tripTitle(places: Trip['places'], countries: string[]): string {
  const cities = places.filter((p) => p.city).map((p) => p.city as string);
  const list = (xs: string[]) =>
    xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} & ${xs[xs.length - 1]}`;
  if (cities.length > 0 && cities.length <= 3) return list(cities);
  if (countries.length > 0 && countries.length <= 3) return list(countries);
  if (cities.length) return `${list(cities.slice(0, 2))} and more`;
  return 'A trip';
}
