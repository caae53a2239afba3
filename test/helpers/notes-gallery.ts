import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexLibrary, startGallery, type Gallery } from '../server/harness.js';
import { sidecarJson } from './takeout-tree.js';
import { LIGHTROOM_XMP } from './xmp-shapes.js';

/**
 * A gallery of two photos with what other programs said about them, indexed: a Takeout sidecar
 * beside DSCN0010 (a caption, a favourite), Lightroom's XMP beside DSCN0012 (stars, a caption,
 * keywords), and a Takeout sidecar whose photo is not there (the import report's unmatched one).
 */
export async function startNotesGallery(): Promise<Gallery> {
  const g = await startGallery({ photos: ['exif/gps/DSCN0010.jpg', 'exif/gps/DSCN0012.jpg'] });
  writeFileSync(
    path.join(g.lib, 'DSCN0010.jpg.json'),
    sidecarJson({ title: 'DSCN0010.jpg', description: 'Lunch by the river', favorited: true }),
  );
  writeFileSync(path.join(g.lib, 'DSCN0012.jpg.xmp'), LIGHTROOM_XMP);
  writeFileSync(
    path.join(g.lib, 'gone.jpg.json'),
    sidecarJson({ title: 'gone.jpg', taken: '2019-01-01T00:00:00Z' }),
  );
  await indexLibrary(g);
  return g;
}
