// The import report `picto add` prints (and returns with --json): what came from sidecars. Plain
// data, filled while import runs and merged across folders and workers.

import type { MatchResult } from './faces-match.js';
import type { TakeoutFill } from './takeout/merge.js';
import type { FolderResolution } from './takeout/resolve.js';
import type { InterchangeMetadata } from './xmp-read/map.js';

export interface ImportReport {
  /** Photos that got anything at all from a sidecar or from other tools' XMP. */
  photos: number;
  dates: number;
  places: number;
  descriptions: number;
  favorites: number;
  /** Faces named from outside (regions or the one-face rule). */
  names: number;
  /** Names that could not be placed on a face, or conflicted (offered as suggestions). */
  suggestedNames: number;
  albums: { name: string; folder: string }[];
  keywords: number;
  ratings: number;
  /** Takeout sidecars no photo claimed (paths). */
  unmatchedSidecars: string[];
  /** JSON and XMP files that could not be read, with the reason. */
  unreadable: { path: string; error: string }[];
}

export function emptyImportReport(): ImportReport {
  return {
    photos: 0,
    dates: 0,
    places: 0,
    descriptions: 0,
    favorites: 0,
    names: 0,
    suggestedNames: 0,
    albums: [],
    keywords: 0,
    ratings: 0,
    unmatchedSidecars: [],
    unreadable: [],
  };
}

/** One Takeout folder: its album, and the JSON files that matched nothing or could not be read. */
export function tallyFolder(r: ImportReport, folder: string, res: FolderResolution): void {
  const join = (name: string) => `${folder.replace(/[\\/]+$/, '')}/${name}`;
  if (res.album) r.albums.push({ name: res.album.name, folder });
  r.unmatchedSidecars.push(...res.unmatched.map(join));
  r.unreadable.push(...res.invalid.map((i) => ({ path: join(i.json), error: i.error })));
}

/** One photo: what its Takeout sidecar filled, what other tools' XMP gave, which names landed. */
export function tallyPhoto(
  r: ImportReport,
  p: { takeout?: TakeoutFill | null; xmp?: InterchangeMetadata | null; faces?: MatchResult | null },
): void {
  let any = false;
  const add = (key: 'dates' | 'places' | 'descriptions' | 'favorites', yes: boolean) => {
    if (yes) r[key]++;
    any ||= yes;
  };
  const t = p.takeout;
  add('dates', !!t?.filled.includes('date'));
  add('places', !!t?.filled.includes('place'));
  add('descriptions', !!t?.filled.includes('description') || !!p.xmp?.description);
  add('favorites', !!t?.favorite);
  if (p.xmp?.keywords.length) {
    r.keywords += p.xmp.keywords.length;
    any = true;
  }
  if (p.xmp?.rating !== null && p.xmp?.rating !== undefined) {
    r.ratings++;
    any = true;
  }
  if (p.faces) {
    r.names += p.faces.names.length;
    r.suggestedNames += p.faces.unmatched.length + p.faces.conflicts.length;
    any ||= p.faces.names.length + p.faces.unmatched.length + p.faces.conflicts.length > 0;
  }
  if (any) r.photos++;
}

/** Reports from several workers or folders, as one. */
export function mergeReports(a: ImportReport, b: ImportReport): ImportReport {
  return {
    photos: a.photos + b.photos,
    dates: a.dates + b.dates,
    places: a.places + b.places,
    descriptions: a.descriptions + b.descriptions,
    favorites: a.favorites + b.favorites,
    names: a.names + b.names,
    suggestedNames: a.suggestedNames + b.suggestedNames,
    albums: [...a.albums, ...b.albums],
    keywords: a.keywords + b.keywords,
    ratings: a.ratings + b.ratings,
    unmatchedSidecars: [...a.unmatchedSidecars, ...b.unmatchedSidecars],
    unreadable: [...a.unreadable, ...b.unreadable],
  };
}
