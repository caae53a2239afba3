// Front door of the categories: "what kind of photo is this?" from signals Picto already has.
//
//   const cheap = { meta: metaSignals(fileName, media.metadata), pixels: imageStats(rawImage) };
//   classifyCheap(cheap)                       // at ingest: screenshot, panorama, night, …
//   textDetectionRegion(cheap)                 // where (whether) to run the text detector
//   classify({ ...cheap, faces, objects, text }) // all of them once the detections are in
//
// Classification is pure and quick (microseconds): store the signals or recompute them, and
// re-run it when a signal changes (affectedBy). Definitions: README.md in this folder.

export * from './types.js';
export { imageStats, type ImageStats, type StatsGrid } from './image-stats.js';
export { metaSignals, faceSignals, objectSignals, textSignal } from './signals.js';
export {
  CATEGORIES,
  CHEAP_CATEGORIES,
  affectedBy,
  category,
  classify,
  classifyCheap,
  pending,
  verdicts,
  type Category,
} from './catalogue.js';
export { needsTextDetection, textDetectionRegion, TEXT_DETECT_SIDE } from './document.js';
export { CATEGORY_WORDS, categoryForWord, type CategoryWord } from './words.js';
export { solarElevation } from './sun.js';
