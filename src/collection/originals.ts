import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LocationRow } from '../db/repos/locations.js';
import { describeFsError } from '../library/walker.js';
import { sniffFile } from '../media/files.js';
import { PictoError } from '../shared/errors.js';

export interface OriginalFile {
  /** The real location of the file (links resolved once, see [Note: Links and real paths]). */
  path: string;
  mime: string;
  /** The file name the photo has in the library (a link's own name, not its target's). */
  name: string;
}

/**
 * The photo's original as it may be served: its first file still on disk (copies are the same
 * bytes), and only when that file's content is an image Picto recognises now (see
 * [Note: Links and real paths] in library/real-path.ts).
 */
export async function servableOriginal(
  photoId: string,
  locations: LocationRow[],
): Promise<OriginalFile> {
  if (!locations.length)
    throw new PictoError('not-found', `photo ${photoId} has no file in the library`);
  for (const loc of locations) {
    const real = await fs.realpath(loc.path).catch(() => null);
    if (real === null) continue;
    let format;
    try {
      format = await sniffFile(real);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new PictoError('not-found', `cannot read ${loc.path}: ${describeFsError(err)}`);
    }
    if (!format) {
      throw new PictoError(
        'not-a-photo',
        `${loc.path} is not a photo Picto recognises${real !== loc.path ? ` (it leads to ${real})` : ''}: not served`,
      );
    }
    return { path: real, mime: format.mimeType, name: path.basename(loc.path) };
  }
  throw new PictoError('not-found', 'the file is missing on disk (is its folder offline?)');
}
