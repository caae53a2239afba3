// Memories for the home screen: what was photographed on this day in earlier years, and trips
// that happened around this time of year. Each memory carries a search query that opens all of
// its photos in the search page.

import type { Repos } from '../../db/index.js';
import type { MemoryPhotoRow } from '../../db/repos/memories.js';
import { MONTH_NAMES } from '../dates.js';
import { DEFAULT_TRIPS, findHome, findTrips, type Home, type Trip } from './trips.js';

export interface Memory {
  kind: 'on-this-day' | 'trip';
  /** Stable id, e.g. "day:2019-07-14" or "trip:2019-06-01T10:00:00". */
  id: string;
  title: string;
  subtitle: string;
  /** The year the memory is from and how long ago that is. */
  year: number;
  yearsAgo: number;
  count: number;
  /** Up to PICKS photos, in time order: favourites first to be chosen, then faces, then spread. */
  photos: MemoryPhotoRow[];
  /** Opens every photo of the memory in the search page. */
  query: string;
}

export interface TripsReport {
  home: Home | null;
  trips: (Trip & { query: string })[];
}

const PICKS = 12;
/** Trips shown around their anniversary: this many days either side of today's date. */
const TRIP_WINDOW_DAYS = 7;

export class MemoriesService {
  private tripsCache: { stamp: string; report: TripsReport } | null = null;

  /** `beforeRead`: fills in places not computed yet (trips are named after them). */
  constructor(
    private readonly repos: Repos,
    private readonly beforeRead: () => void = () => undefined,
  ) {}

  /** Every trip, newest first, with where home is. Recomputed only when the library changed. */
  trips(): TripsReport {
    this.beforeRead();
    const repo = this.repos.discovery.memories;
    const stamp = repo.stamp();
    if (this.tripsCache?.stamp === stamp) return this.tripsCache.report;
    const points = repo.timelineWithPlaces();
    const home = findHome(points);
    const trips = findTrips(points, home, DEFAULT_TRIPS)
      .reverse()
      .map((t) => ({ ...t, query: `date:${t.start.slice(0, 10)}..${t.end.slice(0, 10)}` }));
    const report = { home, trips };
    this.tripsCache = { stamp, report };
    return report;
  }

  /** Memories for a day (default today, local time): on this day in earlier years, then trips. */
  forDay(date?: string): Memory[] {
    const today = date ?? localDate(new Date());
    const [y, m, d] = today.split('-').map(Number);
    const mmdd = today.slice(5);
    // 29 February comes back once in four years: in other years it is remembered on the 28th.
    const days = mmdd === '02-28' && !isLeap(y) ? ['02-28', '02-29'] : [mmdd];
    const rows = this.repos.discovery.memories.onDays(days, today);
    const byYear = new Map<number, MemoryPhotoRow[]>();
    for (const r of rows) {
      const year = Number(r.sort_at.slice(0, 4));
      byYear.set(year, [...(byYear.get(year) ?? []), r]);
    }
    const out: Memory[] = [...byYear.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([year, photos]) => ({
        kind: 'on-this-day' as const,
        id: `day:${year}-${mmdd}`,
        title: agoText(y - year),
        subtitle: `${d} ${MONTH_NAMES[m]} ${year}`,
        year,
        yearsAgo: y - year,
        count: photos.length,
        photos: pick(photos, PICKS),
        query: `date:${photos[0].sort_at.slice(0, 10)}`,
      }));
    for (const t of this.trips().trips) {
      const year = Number(t.start.slice(0, 4));
      if (year >= y || !nearAnniversary(t, today)) continue;
      const photos = this.repos.discovery.memories.between(t.start, t.end, 2000);
      if (!photos.length) continue;
      out.push({
        kind: 'trip',
        id: `trip:${t.start}`,
        title: t.title,
        subtitle: `${agoText(y - year)} · ${spanText(t.start, t.end)}`,
        year,
        yearsAgo: y - year,
        count: photos.length,
        photos: pick(photos, PICKS),
        query: t.query,
      });
    }
    return out;
  }
}

/** Favourites first, then photos with faces, the rest spread over the span; back in time order. */
export function pick(rows: MemoryPhotoRow[], n: number): MemoryPhotoRow[] {
  if (rows.length <= n) return [...rows].sort((a, b) => a.sort_at.localeCompare(b.sort_at));
  const chosen = new Set<MemoryPhotoRow>();
  for (const r of rows) if (r.favourite && chosen.size < n) chosen.add(r);
  const rest = rows.filter((r) => !chosen.has(r));
  const withFaces = rest.filter((r) => r.faces > 0);
  const spread = (list: MemoryPhotoRow[], k: number) => {
    for (let i = 0; i < k && list.length; i++)
      chosen.add(list[Math.floor(((i + 0.5) * list.length) / k)]);
  };
  spread(withFaces, Math.min(withFaces.length, Math.ceil((n - chosen.size) / 2)));
  spread(
    rest.filter((r) => !chosen.has(r)),
    n - chosen.size,
  );
  return [...chosen].slice(0, n).sort((a, b) => a.sort_at.localeCompare(b.sort_at));
}

function nearAnniversary(t: Trip, today: string): boolean {
  const dayOfYear = (s: string) => {
    const [, mm, dd] = s.slice(0, 10).split('-').map(Number);
    return Date.UTC(2001, mm - 1, dd) / 86_400_000;
  };
  const now = dayOfYear(today);
  const a = dayOfYear(t.start);
  const b = dayOfYear(t.end) < a ? dayOfYear(t.end) + 365 : dayOfYear(t.end);
  const within = (x: number) => x >= a - TRIP_WINDOW_DAYS && x <= b + TRIP_WINDOW_DAYS;
  return within(now) || within(now + 365);
}

function agoText(years: number): string {
  return years === 1 ? '1 year ago' : `${years} years ago`;
}

function spanText(start: string, end: string): string {
  const [, m1, d1] = start.slice(0, 10).split('-').map(Number);
  const [, m2, d2] = end.slice(0, 10).split('-').map(Number);
  if (start.slice(0, 10) === end.slice(0, 10)) return `${d1} ${MONTH_NAMES[m1]}`;
  if (m1 === m2) return `${d1}–${d2} ${MONTH_NAMES[m1]}`;
  return `${d1} ${MONTH_NAMES[m1]} – ${d2} ${MONTH_NAMES[m2]}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
