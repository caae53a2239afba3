import type { StageDef } from '../../jobs/stages.js';
import { OCR_VERSION } from '../ocr/version.js';

// Stages of search and discovery. Their worker halves live in worker.ts, the main-thread halves
// (writing results) in main.ts.

/** Similarity signature for the duplicate finder: on the media stage's decode, ≈ 3–10 ms. */
export const SIMILARITY_STAGE: StageDef = {
  name: 'similarity',
  version: 'similarity@1',
  ai: false,
  priority: 9,
};

/**
 * Text in photos (PP-OCRv4, ≈ 0.3–0.8 s a photo). Deliberately not in the stage registry: scans
 * would queue it with the media stage and every new photo would wait for it. The OCR scheduler
 * queues it in batches once nothing else is pending, for folders with AI on, unless switched off.
 */
export const OCR_STAGE: StageDef = { name: 'ocr', version: OCR_VERSION, ai: true, priority: 1 };

/**
 * Image embeddings of the optional user-supplied semantic model (see semantic/model.ts); queued
 * like OCR, only while a model is in the slot. The model's own version travels with each result.
 */
export const SEMANTIC_STAGE: StageDef = {
  name: 'semantic',
  version: 'semantic@1',
  ai: true,
  priority: 1,
};
