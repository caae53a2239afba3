// Front door of the media module: everything that turns one file on disk into metadata, an upright
// decoded image, thumbnails and a perceptual hash. Other modules import from here, or from
// files.ts when they run on the main thread and only need to name and recognise files (this door
// loads sharp, and libheif and exiftool on first use; files.ts loads none of them).
//
// Runs inside the indexing workers. Each worker thread lazily starts one exiftool (perl) process
// for the formats exifr cannot read. Call closeMedia() when a worker shuts down; if a worker is
// terminated without it (piscina.destroy()), the perl child notices within ~2 s and exits on its
// own (see [Note: orphaned exiftool] in exiftool.ts).

import { closeExifTool } from './exiftool.js';

export {
  processMedia,
  loadOrientedImage,
  loadVisibleImage,
  visibleImageOf,
  visibleSide,
  MAX_FILE_BYTES,
} from './process.js';
export type { ProcessMediaInput, ProcessMediaResult } from './process.js';
export { readMetadata } from './metadata.js';
// Recognising and naming files (files.ts, the main thread's light door) is part of this door too;
// lowDct is the pHash's 8×8 low-frequency DCT of a 32×32 grey block, for modules that hash windows.
export * from './files.js';
// Writing a derived file into the thumbnail store (here, and as a remote worker's files arrive).
export { writeAtomic } from './write-atomic.js';
export {
  isMediaError,
  mediaError,
  mediaErrorInfo,
  mediaPartial,
  type MediaError,
} from './errors.js';
// For modules that run their own short-lived ExifTool (XMP sidecars): the same guarded perl child.
export { spawnExifTool, threadExifTool } from './exiftool.js';
export { exiftoolVendored } from './lazy-modules.js';
export type * from './types.js';
// Videos and Live Photos: ffmpeg-backed probe, poster, frames, transcodes (see video/index.ts).
export * from './video/index.js';

/** Releases per-worker resources (the exiftool child process). Idempotent. */
export async function closeMedia(): Promise<void> {
  await closeExifTool();
}
