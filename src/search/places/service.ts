// Keeps photo_places in step with photo positions: a cheap main-thread pass after the media stage
// (geocoding is ~20 µs a photo once the city table is loaded), plus a catch-up pass at start for
// photos indexed by an older build. Searching for a place is then an index lookup.

import type { Repos } from '../../db/index.js';
import type { PlaceCount, PlaceRow } from '../../db/repos/places.js';
import { lastPhotoRowid } from '../../db/photo-windows.js';
import type { EventBus } from '../../shared/events.js';
import { RepeatedWalk, walkPhotos } from '../photo-walk.js';
import { fold, phraseKey } from '../text.js';
import type { VocabularyData } from '../vocabulary.js';
import { Geocoder, placeAliases, type Place } from './geocoder.js';

export type { PlaceCount, PlaceRow };

/** Bump when the geocoding changes: every place is computed again. */
export const PLACES_VERSION = 'places@1';
const BATCH = 500;
const DEBOUNCE_MS = 500;
/** The city table costs ~10 MB: let it go when nothing was geocoded for a while. */
const RELEASE_AFTER_MS = 120_000;

export interface PlacesDeps {
  repos: Repos;
  events: EventBus;
  /**
   * Called after places changed (the search vocabulary learns new place names); `now` when a
   * person set a place and searches it next.
   */
  onChanged?: (now?: boolean) => void;
  /** Tests inject a small geocoder. */
  geocoder?: () => Geocoder;
}

export class PlacesService {
  private geocoder: Geocoder | null = null;
  private releaseTimer: NodeJS.Timeout | null = null;
  private pending = new Set<string>();
  private debounce: NodeJS.Timeout | null = null;
  private caughtUp = false;
  private disposed = false;
  private readonly walking = new RepeatedWalk(() => this.disposed);
  private readonly off: () => void;

  constructor(private readonly deps: PlacesDeps) {
    this.off = deps.events.on((e) => {
      if (e.type === 'photos.changed' && (e.reason === 'indexed' || e.reason === 'updated')) {
        for (const id of e.ids) this.pending.add(id);
        this.debounce ??= setTimeout(() => this.flushPending(), DEBOUNCE_MS);
        this.debounce.unref?.();
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    this.off();
    if (this.debounce) clearTimeout(this.debounce);
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.debounce = null;
    this.geocoder = null;
  }

  /** Geocodes every photo whose place is missing or stale (first call only, unless forced). */
  catchUp(force = false): number {
    if (this.caughtUp && !force) return 0;
    this.caughtUp = true;
    let done = 0;
    const { repos } = this.deps;
    repos.db.transaction(() => repos.discovery.places.dropOrphans())();
    for (;;) {
      const batch = repos.discovery.places.stale(PLACES_VERSION, BATCH);
      if (!batch.length) break;
      this.write(batch);
      done += batch.length;
    }
    if (done) this.deps.onChanged?.();
    return done;
  }

  /**
   * `catchUp(true)` when indexing ends, while people may be scrolling: the photos table a slice
   * at a time ([Note: passes over every photo in slices]); one walk at a time, again if asked.
   */
  catchUpInSteps(): Promise<void> {
    this.caughtUp = true;
    return this.walking.run(() => this.catchUpWalk());
  }

  private async catchUpWalk(): Promise<void> {
    let done = 0;
    const { repos } = this.deps;
    const { places } = repos.discovery;
    await walkPhotos(
      lastPhotoRowid(repos.db),
      (window) => {
        repos.db.transaction(() => places.dropOrphansIn(window))();
        for (;;) {
          const batch = places.stale(PLACES_VERSION, BATCH, undefined, window);
          if (!batch.length) break;
          this.write(batch);
          done += batch.length;
        }
      },
      () => this.disposed,
    );
    if (done && !this.disposed) this.deps.onChanged?.();
  }

  /** Geocodes photos that were just indexed (their positions may be new). */
  private flushPending(): void {
    this.debounce = null;
    const ids = [...this.pending];
    this.pending.clear();
    const { places } = this.deps.repos.discovery;
    let changed = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = places.stale(PLACES_VERSION, BATCH, ids.slice(i, i + BATCH));
      if (batch.length) this.write(batch);
      changed += batch.length;
    }
    if (changed) this.deps.onChanged?.();
  }

  private write(batch: { id: string; lat: number; lon: number }[]): void {
    const geo = this.load();
    const rows = batch.map((p) => placeRow(p.id, p.lat, p.lon, geo.lookup(p.lat, p.lon)));
    const { repos } = this.deps;
    repos.db.transaction(() => repos.discovery.places.upsert(rows))();
  }

  private load(): Geocoder {
    this.geocoder ??= (this.deps.geocoder ?? Geocoder.load)();
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(() => {
      this.geocoder = null;
    }, RELEASE_AFTER_MS);
    this.releaseTimer.unref?.();
    return this.geocoder;
  }

  /**
   * Places the gallery can name, found by the start of their name, for a place typed for a photo:
   * the city with its region and country, and its position. Offline, like everything here.
   */
  find(text: string, limit = 8): FoundPlace[] {
    const geo = this.load();
    return geo.findCities(text, limit).map((c) => {
      const p = geo.lookup(c.lat, c.lon);
      return { city: c.name, region: p.region, country: p.country, lat: c.lat, lon: c.lon };
    });
  }

  /**
   * The place a typed name means: a city of exactly that name ("Lisbon"), the most populous
   * when several are, or the one of the country or region given after a comma ("Paris, Texas").
   */
  byName(text: string): FoundPlace | null {
    const [city, ...rest] = text.split(',');
    const within = fold(rest.join(','));
    const hits = this.find(city, 200).filter(
      (p) =>
        fold(p.city) === fold(city) &&
        (!within || fold(p.country ?? '') === within || fold(p.region ?? '') === within),
    );
    return hits[0] ?? null;
  }

  /** Geocodes these photos now (their position was just set), rather than after a while. */
  refresh(ids: string[]): void {
    const { places } = this.deps.repos.discovery;
    this.deps.repos.db.transaction(() => places.dropOrphans(ids))();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = places.stale(PLACES_VERSION, BATCH, ids.slice(i, i + BATCH));
      if (batch.length) this.write(batch);
    }
    this.deps.onChanged?.(true);
  }

  /** The place of one photo (null without GPS). */
  forPhoto(id: string): PlaceRow | null {
    return this.deps.repos.discovery.places.forPhoto(id) ?? null;
  }

  counts(field: 'city' | 'country'): PlaceCount[] {
    return this.deps.repos.discovery.places.counts(field);
  }
}

/** A place found by its name, with the position a photo gets when it is given this place. */
export interface FoundPlace {
  city: string;
  region: string | null;
  country: string | null;
  lat: number;
  lon: number;
}

export function placeRow(id: string, lat: number, lon: number, p: Place): PlaceRow {
  return {
    photo_id: id,
    lat,
    lon,
    city: p.city,
    city_key: p.city ? phraseKey(p.city) : null,
    city_id: p.cityId,
    city_km: p.cityKm,
    region: p.region,
    region_key: p.region ? phraseKey(p.region) : null,
    country_code: p.countryCode,
    country: p.country,
    continent: p.continent,
    continent_key: p.continent ? phraseKey(p.continent) : null,
    version: PLACES_VERSION,
  };
}

/** Adds other names of countries and continents to the places the search vocabulary knows. */
export function withAliases(places: VocabularyData['places']): VocabularyData['places'] {
  return places.map((p) =>
    p.field === 'country' || p.field === 'continent'
      ? { ...p, aliases: placeAliases(p.field, p.field === 'continent' ? fold(p.key) : p.key) }
      : p,
  );
}
