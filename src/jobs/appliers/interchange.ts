// Main-thread half of the interchange stage: the merge itself lives with the readers
// (interchange/photo-import.ts); this writes it and says what has to run again.

import type { Repos } from '../../db/index.js';
import { applyPhotoImport } from '../../interchange/photo-import.js';
import type { PhotoSidecarData } from '../../interchange/read-photo.js';
import type { Applied } from '../stage.js';

export function applyInterchange(
  repos: Repos,
  photoId: string,
  data: PhotoSidecarData,
  done: Applied,
): void {
  applyPhotoImport(repos, photoId, data, done.now, () =>
    // The photo's date or place came from a Takeout sidecar that is gone: read the file again
    // (media is followed by this stage once more, see `rerunAfter` in the pipeline table).
    repos.jobs.enqueue(photoId, 'media', done.now, 10),
  );
}
