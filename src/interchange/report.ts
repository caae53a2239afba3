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
import type { ImportReport } from '../shared/interchange-api.js';

// The shape is the API's (src/shared/interchange-api.ts): `picto add --json` and
// GET /api/folders/:id/imported return the same document.
export type { ImportReport };

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
