// The import report `picto add` prints (and returns with --json): what came from sidecars.
//
// [Note: the import report is read from the catalogue] Import happens in three places at three
// times — the scan pairs Takeout sidecars and makes albums, the interchange stage merges dates,
// places, descriptions, ratings and keywords in the workers' results, and names land on faces
// when indexing is idle — and `picto add` without --wait ends before most of it. So nothing is
// tallied on the way: the report counts what the catalogue holds from imports (the sources
// recorded on each value, the sidecar files seen) for the photos of the given folders. It is the
// same after --wait, on a later `picto scan`, or from another process, and `pending` says how
// many photos have not been read yet.

import type { Repos } from '../db/index.js';

export interface ImportReport {
  /** Photos that got anything at all from a sidecar or from other programs' metadata. */
  photos: number;
  /** Dates from Takeout (photos whose own date was missing or weak). */
  dates: number;
  /** Places from Takeout (photos without a position of their own). */
  places: number;
  descriptions: number;
  favorites: number;
  /** Faces named from outside (regions, or one name on a photo of one face). */
  names: number;
  /** Names not placed on a face: conflicts, no face there, several faces (offered as suggestions). */
  suggestedNames: number;
  albums: { name: string; folder: string }[];
  keywords: number;
  ratings: number;
  /** Sidecars (Takeout JSON, XMP) that no photo claimed, as paths. */
  unmatchedSidecars: string[];
  /** Sidecars that could not be read, with the reason. */
  unreadable: { path: string; error: string }[];
  /** Photos whose sidecars or faces are still to be read: the numbers above may still grow. */
  pending: number;
}

/** What came in from sidecars, for the photos of some library folders. */
export function importReport(repos: Repos, folderIds: readonly number[]): ImportReport {
  const { imports } = repos;
  const counts = imports.reportCounts(folderIds);
  const files = imports.reportFiles(folderIds);
  return {
    photos: imports.reportPhotos(folderIds),
    dates: counts.dates,
    places: counts.places,
    descriptions: counts.descriptions,
    favorites: counts.favorites,
    names: counts.names,
    suggestedNames: counts.suggestedNames,
    albums: imports.reportAlbums(folderIds).map((a) => ({ name: a.name, folder: a.folder })),
    keywords: counts.keywords,
    ratings: counts.ratings,
    unmatchedSidecars: files.unmatched,
    unreadable: files.unreadable,
    pending: imports.reportPending(folderIds),
  };
}
