// Main-thread half of the interchange stage: what other programs and Google Takeout say about a
// photo, merged into the catalogue. The worker read the XMP (read-photo.ts); the scan stored the
// photo's Takeout sidecar (folder-import.ts); the media stage wrote what the file itself says.
// Runs inside the runner's batched transaction: database only.
//
// [Note: what an import may change] Metadata inside the file wins; sidecars fill gaps (see
// [Note: file first, sidecar fills gaps] in takeout/merge.ts for the one exception, dates of
// files whose EXIF was stripped). What the user set in Picto wins over every import: a rating or
// description with source 'user' is never replaced. An import is read again whenever its files
// change, so what it gave is replaced by what it says now (a description removed in digiKam goes
// away), except two things given once per sidecar content: the favourite and the album, so that
// a photo unfavourited or taken out of the album in Picto stays so.

import path from 'node:path';

import type { Repos } from '../db/index.js';
import type { ImportColumns, PhotoRow } from '../db/repos/photos.js';
import type { ImportedRegionInput } from '../db/repos/imported-regions.js';
import type { DateSource } from '../media/types.js';
import { phraseKey } from '../search/text.js';
import type { PhotoSidecarData } from './read-photo.js';
import { mergeTakeout, type FileFacts } from './takeout/merge.js';
import type { TakeoutPhoto } from './takeout/parse.js';
import { zoneAt } from './takeout/tz-lookup.js';

function parseStored(data: string): TakeoutPhoto | null {
  try {
    return JSON.parse(data) as TakeoutPhoto;
  } catch {
    return null;
  }
}

/** The file's own facts, as far as the catalogue still knows them apart from earlier imports. */
function fileFacts(photo: PhotoRow, description: string | null): FileFacts {
  const own = photo.place_source !== 'takeout' && photo.lat !== null && photo.lon !== null;
  return {
    takenAt: photo.taken_at,
    takenOffsetMinutes: photo.taken_offset,
    takenAtSource: photo.taken_source as DateSource | null,
    gps: own ? { lat: photo.lat!, lon: photo.lon!, alt: photo.alt } : null,
    description,
  };
}

/**
 * Date and place from the Takeout sidecar, where the file has none (or only a weak date). A date
 * or place the user set in Picto (photo_edits) is left alone, as a user's rating is.
 */
function datePlace(
  photo: PhotoRow,
  takeout: TakeoutPhoto,
  description: string | null,
  edited: { date: boolean; place: boolean },
) {
  const cols: Partial<ImportColumns> = {};
  const fill = mergeTakeout(fileFacts(photo, description), takeout, zoneAt);
  if (edited.date) fill.takenAt = null;
  if (edited.place) fill.gps = null;
  if (fill.takenAt) {
    cols.taken_at = fill.takenAt.local;
    cols.taken_offset = fill.takenAt.offsetMinutes;
    cols.taken_source = 'takeout';
    cols.sort_at = fill.takenAt.local;
  }
  if (fill.gps) {
    cols.lat = fill.gps.lat;
    cols.lon = fill.gps.lon;
    cols.alt = fill.gps.alt;
    cols.place_source = 'takeout';
  } else if (photo.place_source === 'takeout' && !edited.place) {
    // The sidecar no longer has a place, and the file never had one.
    Object.assign(cols, { lat: null, lon: null, alt: null, place_source: null });
  }
  return { cols, fill };
}

/** Only the columns whose value changes (each write moves the timeline's caches). */
function changed(photo: PhotoRow, cols: Partial<ImportColumns>): Partial<ImportColumns> {
  const out: Partial<ImportColumns> = {};
  for (const [k, v] of Object.entries(cols) as [keyof ImportColumns, unknown][]) {
    if (photo[k] !== v) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function importedNames(
  data: PhotoSidecarData,
  takeout: TakeoutPhoto | null,
): ImportedRegionInput[] {
  const rows: ImportedRegionInput[] = data.regions.map((r) => ({
    name: r.name,
    x: r.rect[0],
    y: r.rect[1],
    w: r.rect[2],
    h: r.rect[3],
    source: 'xmp',
  }));
  const seen = new Set(rows.map((r) => r.name.toLowerCase()));
  const boxless = (name: string, source: 'xmp' | 'takeout') => {
    if (seen.has(name.toLowerCase())) return;
    seen.add(name.toLowerCase());
    rows.push({ name, x: null, y: null, w: null, h: null, source });
  };
  for (const n of data.people) boxless(n, 'xmp');
  for (const n of takeout?.people ?? []) boxless(n, 'takeout');
  return rows;
}

/** Merges one photo's imports into the catalogue. Returns false when the photo is gone. */
export function applyPhotoImport(
  repos: Repos,
  photoId: string,
  data: PhotoSidecarData,
  now: string,
  requeueMedia: () => void,
): boolean {
  const photo = repos.photos.get(photoId);
  if (!photo) return false;
  const paths = repos.locations.forPhoto(photoId).map((l) => l.path);
  const match = repos.imports.takeoutFor(paths);
  const takeout = match ? parseStored(match.data) : null;

  let cols: Partial<ImportColumns> = {};
  let takeoutDescription: string | null = null;
  if (takeout) {
    const edit = repos.photoEdits.get(photoId);
    const dp = datePlace(photo, takeout, data.description, {
      date: edit?.date_set === 1,
      place: edit?.place_set === 1,
    });
    cols = dp.cols;
    takeoutDescription = dp.fill.description;
  } else if (photo.taken_source === 'takeout' || photo.place_source === 'takeout') {
    // The sidecar that gave the date or place is gone: what the file says is read again.
    requeueMedia();
  }
  if (photo.description_source !== 'user') {
    const description = data.description ?? takeoutDescription;
    cols.description = description;
    cols.description_source = data.description ? 'xmp' : description ? 'takeout' : null;
  }
  if (photo.rating_source !== 'user') {
    cols.rating = data.rating;
    cols.rating_source = data.rating !== null ? 'xmp' : null;
  }
  repos.photos.setImported(photoId, changed(photo, cols), now);

  if (match && takeout && match.applied_to !== photoId) {
    if (takeout.favorited) repos.photos.setFavourite([photoId], true, now);
    const album = repos.imports.takeoutAlbum(path.dirname(match.media_path));
    if (album?.album_id) repos.albums.addPhotos(album.album_id, [photoId], now);
    repos.imports.markTakeoutApplied(match.media_path, photoId);
  }

  repos.keywords.replace(
    photoId,
    'xmp',
    data.keywords.map((k) => ({
      path: k.text,
      leaf: k.leaf,
      levels: k.path.map((level) => ({ key: phraseKey(level), name: level })),
    })),
  );
  const gone = repos.importedRegions.replace(photoId, importedNames(data, takeout), now);
  // A name the sidecar no longer gives takes back what it did (never what the user did): the
  // confirmation, and the face's place in that person, which the import gave it.
  for (const g of gone) {
    if (g.status !== 'named' || !g.face_id || g.person_id === null) continue;
    if (!repos.faceFeedback.withdrawImported(g.face_id, g.person_id)) continue;
    if (repos.people.face(g.face_id)?.person_id === g.person_id)
      repos.people.assign([[g.face_id, null]]);
  }
  return true;
}
