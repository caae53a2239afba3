import { promises as fs } from 'node:fs';
import path from 'node:path';

// [Note: Links and real paths]
//
// A library folder may hold symbolic links: to single files, and to folders (the walker follows
// those once, with loop detection). Where a link really leads decides what Picto does with it:
//
// - Reading follows links wherever they lead: indexing, thumbnails, metadata. A linked folder is
//   part of the library because the user put the link there.
// - Serving an original (`/api/photos/{id}/original`) sends the file only when its content, read
//   at the moment of the request, is an image format Picto recognises (media/sniff.ts): a link
//   named like a photo but leading to anything else (a text file, a key, a device) is refused
//   with a 404 that says so, whatever the catalogue remembers about it. The bytes sent are those
//   of the link's real location, resolved once.
// - Deleting (emptying the trash, the only place Picto deletes originals) acts on the real
//   location, and only when that location is inside a library folder (compared real path to real
//   path) and still holds the recognised, unchanged file. A location whose real path is outside
//   every library folder is kept and reported in the result's `kept` with its real path, so the
//   user knows where the file is and that Picto did not touch it. When the path was itself a
//   link, the link is removed with the file it led to (it would only dangle).

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The library folders' real paths (folders that cannot be resolved now are left out). */
export async function realRoots(folderPaths: string[]): Promise<string[]> {
  const roots = await Promise.all(folderPaths.map((p) => fs.realpath(p).catch(() => null)));
  return roots.filter((r): r is string => r !== null);
}

/** Whether a real path lies inside one of the (real) library roots. */
export function insideLibrary(realPath: string, roots: string[]): boolean {
  return roots.some((r) => isInside(realPath, r));
}
