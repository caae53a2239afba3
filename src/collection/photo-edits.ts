// Dates and places a person sets in the gallery: one photo from the info panel or many selected
// at once. Stored in the catalogue only — an original is never written — and kept over rescans
// and re-indexing ([Note: the user's date wins] in jobs/appliers/media.ts).

import type { Repos } from '../db/index.js';
import { PictoError } from '../shared/errors.js';
import type { EventBus } from '../shared/events.js';
import { localOffsetAt } from '../media/timezone.js';
import { localTime, shiftLocal } from './edit-dates.js';

/** Exactly one of them: a new date, a shift of each photo's own date, or back to the file's. */
export interface DateEdit {
  /** Local wall-clock time "YYYY-MM-DDTHH:MM[:SS]". */
  set?: string;
  /**
   * UTC offset of `set` in minutes. Left out: the offset in force at the photo's position on the
   * new date (a summer photo moved to January leaves daylight time), else the one it had.
   */
  offsetMinutes?: number | null;
  shiftSeconds?: number;
  reset?: boolean;
}

/** Exactly one of them: a position, a place name the offline geocoder knows, or the file's. */
export interface PlaceEdit {
  lat?: number;
  lon?: number;
  name?: string;
  reset?: boolean;
}

export interface PhotoEditsDeps {
  repos: Repos;
  events: EventBus;
  /** Geocodes these photos now: their place follows their new position. */
  placesMoved: (ids: string[]) => void;
  /** The position of a place by name (offline geocoder), or null when it knows none. */
  findPlace: (name: string) => { lat: number; lon: number } | null;
  /** Classifies these photos again: `night` follows a new date or place. */
  recategorize: (ids: string[]) => void;
}

const MAX_SHIFT_S = 100 * 366 * 86_400;

/** The offset at a position for a newly set wall-clock time; null without both (or no zone). */
function offsetAtPlace(set: string | null, lat: number | null, lon: number | null): number | null {
  if (set === null || lat === null || lon === null) return null;
  return localOffsetAt(set, lat, lon);
}

export class PhotoEdits {
  constructor(private readonly deps: PhotoEditsDeps) {}

  private check(ids: string[]): void {
    const missing = ids.filter((id) => !this.deps.repos.photos.idExists(id));
    if (missing.length)
      throw new PictoError('not-found', `no photo with id ${missing.slice(0, 5).join(', ')}`);
  }

  /** Sets, shifts or resets the capture date of photos; returns how many changed. */
  editDate(ids: string[], edit: DateEdit): number {
    const given = [edit.set !== undefined, edit.shiftSeconds !== undefined, edit.reset === true];
    if (given.filter(Boolean).length !== 1)
      throw new PictoError('invalid', 'give exactly one of set, shiftSeconds or reset');
    if (edit.offsetMinutes !== undefined && edit.set === undefined)
      throw new PictoError('invalid', 'offsetMinutes goes with set');
    if (edit.shiftSeconds !== undefined && Math.abs(edit.shiftSeconds) > MAX_SHIFT_S)
      throw new PictoError('invalid', 'shiftSeconds is more than a hundred years');
    this.check(ids);
    const { repos } = this.deps;
    const now = new Date().toISOString();
    const set = edit.set !== undefined ? localTime(edit.set) : null;
    let changed = 0;
    repos.db.transaction(() => {
      for (const id of ids) {
        const p = repos.photos.get(id)!;
        if (edit.reset) {
          if (repos.photoEdits.resetDate(id, now)) changed++;
          continue;
        }
        const at = set ?? shiftLocal(p.taken_at ?? p.sort_at, edit.shiftSeconds!);
        const offset =
          edit.offsetMinutes !== undefined
            ? edit.offsetMinutes
            : (offsetAtPlace(set, p.lat, p.lon) ?? p.taken_offset);
        repos.photoEdits.setDate(id, at, offset, now);
        changed++;
      }
    })();
    if (changed) {
      this.deps.recategorize(ids);
      this.deps.events.emit({ type: 'photos.changed', ids, reason: 'updated' });
    }
    return changed;
  }

  /** Sets or resets where photos were taken; returns how many changed and the position set. */
  editPlace(
    ids: string[],
    edit: PlaceEdit,
  ): { changed: number; lat: number | null; lon: number | null } {
    const hasPos = edit.lat !== undefined || edit.lon !== undefined;
    const given = [hasPos, edit.name !== undefined, edit.reset === true];
    if (given.filter(Boolean).length !== 1)
      throw new PictoError('invalid', 'give exactly one of lat and lon, name or reset');
    if (hasPos && (edit.lat === undefined || edit.lon === undefined))
      throw new PictoError('invalid', 'a position needs both lat and lon');
    this.check(ids);
    let pos: { lat: number; lon: number } | null = hasPos
      ? { lat: edit.lat!, lon: edit.lon! }
      : null;
    if (edit.name !== undefined) {
      pos = this.deps.findPlace(edit.name);
      if (!pos)
        throw new PictoError('invalid', `Picto knows no place called "${edit.name.trim()}"`);
    }
    const { repos } = this.deps;
    const now = new Date().toISOString();
    let changed = 0;
    repos.db.transaction(() => {
      for (const id of ids) {
        if (!pos) {
          if (repos.photoEdits.resetPlace(id, now)) changed++;
        } else {
          repos.photoEdits.setPlace(id, pos.lat, pos.lon, now);
          changed++;
        }
      }
    })();
    if (changed) {
      this.deps.placesMoved(ids);
      this.deps.recategorize(ids);
      this.deps.events.emit({ type: 'photos.changed', ids, reason: 'updated' });
    }
    return { changed, lat: pos?.lat ?? null, lon: pos?.lon ?? null };
  }
}
