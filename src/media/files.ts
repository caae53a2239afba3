// The media module's light front door, for the main thread (the app, the gallery, the people
// pages, the library's clean-up): recognising photo files and naming their derived files, with no
// decoder loaded. Everything here is also exported by index.ts, the door for the workers.
// See [Note: lazy start] in cli/main.ts.

export { detectFormat, isCandidateFile } from './formats.js';
export type { FormatInfo, DecodePath } from './formats.js';
export { readFileHead, sniffFile } from './sniff.js';
export {
  previewFile,
  thumbFile,
  thumbnailPaths,
  thumbnailSize,
  THUMB_SHORT_SIDE,
  THUMB_MAX_LONG_SIDE,
  BROWSER_FORMATS,
} from './thumbnail-paths.js';
export type { ThumbnailPaths } from './thumbnail-paths.js';
export { WORK_SIZE, MAX_PIXELS } from './limits.js';
// Pure arithmetic on pixels already decoded (the duplicate finder compares hashes on the main thread).
export { phash, hammingDistance, lowDct } from './phash.js';
