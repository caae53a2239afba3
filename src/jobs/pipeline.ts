// [Note: the pipeline table] Every indexing stage, in the order a photo goes through them, with
// its definition, its worker half and its main-thread applier. This file is the whole pipeline:
//
//   scan ──► media (file: metadata, thumbnail, preview, pHash; keeps the 1440-px decode)
//              ├──► objects ─┐ one analyze() for both (AI folders only)
//              ├──► faces ───┘
//              ├──► similarity (duplicate finder's signature)
//              ├──► categories (pixel statistics, capture hints)
//              └──► paper-text (text detector on the sheet of paper in view, if any; AI only)
//                     categories' refresh: the photo's categories, re-derived on the main
//                     thread whenever categories, objects, faces or paper-text writes (`after`)
//   jobs.idle ─► ocr, semantic (background batches: search/ocr/scheduler.ts)
//
// What follows what: a scan queues every `queue: 'scan'` stage of a new or changed photo (AI ones
// only in folders with AI on); the runner claims all pending stages of a photo as one task, and
// the worker runs the `file` stages first, then the `image` stages on the decode the file stage
// kept (or on one fresh decode), so a photo is decoded once. `background` stages are queued in
// batches when indexing is idle. Results come back as plain data and each stage's `apply` writes
// its own in the runner's batched transaction (the main thread is the only writer).
//
// Adding a stage is one entry here, plus its worker half and its applier, both typed by its
// result (the entry does not compile if they disagree). For the stages that are coming:
//   - issue 12, "visible first": a cheap `thumb` file stage with a priority above media's that
//     writes the grid thumbnail, and media becoming the later preview/model-input decode that
//     keeps its image for the image stages (file stages run in table order);
//   - issue 13, videos: `video-probe` (file: duration, poster frame), `video-frames` (file:
//     sampled frames; frame-level AI needs the handover in worker-stages.ts to carry several
//     images) and a low-priority `transcode` (file, `queue: 'background'`);
//   - issue 14, `categories` (done): a stage whose output depends on other stages' results
//     names them in `after` and gives a `refresh` that re-derives its output from the catalogue
//     ([Note: stages that follow others] in stage.ts): apply.ts calls it once per photo after
//     all of a task's appliers, when the stage or one it follows wrote. Its own worker half only
//     gathers what the catalogue lacks (pixel statistics), so a later change of faces costs no
//     decode. Text reading (`ocr`) is not followed: documents need the detector's lines on the
//     sheet of paper, which `paper-text` finds at ingest, and --wait never waits for the reader;
//   - issue 17, remote workers (src/remote/, done): another machine runs the same `work` halves
//     and sends back a PhotoTaskResult (task.ts, plain data) for apply.ts; each outcome is checked
//     to be its stage's result type before it is written: `validate`, required of every stage
//     ([Note: Checking results that come from elsewhere] in result-schemas.ts; apply.ts refuses
//     a result that fails it). `localOnly` keeps a stage on this machine.
// Never change a `version` by accident: it re-indexes every catalogue.

import { refreshCategories } from '../categories/refresh.js';
import { isCategorySignals, isPaperText } from '../categories/results.js';
import {
  isEmbedding,
  isFaceList,
  isMediaResult,
  isObjectList,
  isSignature,
  isTextLines,
} from './result-schemas.js';
import { resultVersions } from '../ml/index.js';
import { OCR_VERSION } from '../search/ocr/version.js';
import { applyFaces, applyObjects } from './appliers/ai.js';
import { applyCategorySignals, applyPaperText } from './appliers/categories.js';
import { applyEmbedding, applySignature, applyText } from './appliers/discovery.js';
import { applyMedia, mediaFailed } from './appliers/media.js';
import type { Repos } from '../db/index.js';
import { fileStage, imageStage, type Stage, type StageDef } from './stage.js';

// The AI versions name the models and their post-processing (ml/versions.ts).
const ai = resultVersions();

const STAGES = {
  media: fileStage({
    name: 'media',
    version: 'media@1',
    ai: false,
    priority: 10,
    queue: 'scan',
    work: () => import('./worker-media.js').then((m) => m.processPhoto),
    apply: applyMedia,
    validate: isMediaResult,
    failed: mediaFailed,
    steps: (result) => result.timings,
  }),
  objects: imageStage({
    name: 'objects',
    version: ai.objects,
    ai: true,
    priority: 5,
    queue: 'scan',
    work: () => import('./worker-ai.js').then((m) => m.detectObjects),
    apply: applyObjects,
    validate: isObjectList,
  }),
  faces: imageStage({
    name: 'faces',
    version: ai.faces,
    ai: true,
    priority: 5,
    queue: 'scan',
    work: () => import('./worker-ai.js').then((m) => m.detectFaces),
    apply: applyFaces,
    validate: isFaceList,
  }),
  /** Similarity signature for the duplicate finder: on the media stage's decode, ≈ 3–10 ms. */
  similarity: imageStage({
    name: 'similarity',
    version: 'similarity@1',
    ai: false,
    priority: 9,
    queue: 'scan',
    backfill: true,
    work: () => import('../search/duplicates/signature.js').then((m) => m.computeSignature),
    apply: applySignature,
    validate: isSignature,
  }),
  /**
   * What kind of photo (issue 14, src/categories): pixel statistics (≈ 3–6 ms on the media
   * stage's decode) and capture hints, stored; the categories are derived from them with the
   * photo row, faces, objects and the paper's text whenever one of those is written (`after`,
   * `refresh`: main thread, no decode). Every folder: screenshots, panoramas, night photos and
   * front-camera selfies need no AI.
   */
  categories: imageStage({
    name: 'categories',
    version: 'categories@1',
    ai: false,
    priority: 8,
    queue: 'scan',
    backfill: true,
    after: ['objects', 'faces', 'paper-text'],
    work: () => import('./worker-categories.js').then((m) => m.categorySignals),
    apply: applyCategorySignals,
    refresh: refreshCategories,
    validate: isCategorySignals,
  }),
  /**
   * The OCR text detector (no reading) on the sheet of paper the pixel statistics found, at
   * 448 px: ≈ 60 ms CPU on about one ordinary photo in twelve, nothing on the others. What the
   * `document` category reads; the background reader (`ocr`) is not waited for and adds nothing
   * a document needs (its lines are the same detector's, on the whole frame).
   */
  'paper-text': imageStage({
    name: 'paper-text',
    version: 'paper-text@1:ppocrv4-det448',
    ai: true,
    priority: 5,
    queue: 'scan',
    backfill: true,
    work: () => import('./worker-categories.js').then((m) => m.paperText),
    apply: applyPaperText,
    validate: isPaperText,
  }),
  /**
   * Text in photos (PP-OCRv4, ≈ 0.3–0.8 s a photo). Background: queued with the media stage,
   * every new photo would wait for it. Only in folders with AI on, unless switched off.
   */
  ocr: imageStage({
    name: 'ocr',
    version: OCR_VERSION,
    ai: true,
    priority: 1,
    queue: 'background',
    work: () => import('../search/index-photo.js').then((m) => m.readText),
    apply: applyText,
    validate: isTextLines,
  }),
  /**
   * Image embeddings of the optional user-supplied semantic model (search/semantic/model.ts),
   * queued like text reading while a model is in the slot. The model's own version travels with
   * each result.
   */
  semantic: imageStage({
    name: 'semantic',
    version: 'semantic@1',
    ai: true,
    priority: 1,
    queue: 'background',
    localOnly: true,
    work: () => import('../search/index-photo.js').then((m) => m.embedPhoto),
    apply: applyEmbedding,
    validate: isEmbedding,
  }),
};

export type StageName = keyof typeof STAGES;

/** What each stage's worker half returns and its applier writes. */
export type StageResults = {
  [K in StageName]: (typeof STAGES)[K] extends Stage<K, infer T> ? T : never;
};

/** The table, typed per stage: `PIPELINE.faces` is the faces stage with its result type. */
export const PIPELINE: { readonly [K in StageName]: Stage<K, StageResults[K]> } = STAGES;

export function isStageName(name: string): name is StageName {
  return Object.hasOwn(PIPELINE, name);
}

/** Every stage name, in table order (the order a worker runs a task's stages in). */
export const STAGE_NAMES: readonly StageName[] = Object.keys(PIPELINE).filter(isStageName);

const definitions: readonly StageDef[] = STAGE_NAMES.map((n) => PIPELINE[n]);

/** Stages a scan queues; indexing is done when none of them is pending. */
export const SCAN_STAGES: readonly StageDef[] = definitions.filter((s) => s.queue === 'scan');

/** The stages a scan queues for a photo in a folder with AI on or off. */
export function scanStages(aiEnabled: boolean): StageDef[] {
  return SCAN_STAGES.filter((s) => aiEnabled || !s.ai);
}

export function stageNamed(name: string): StageDef | undefined {
  return isStageName(name) ? PIPELINE[name] : undefined;
}

export function isScanStage(name: string): boolean {
  return stageNamed(name)?.queue === 'scan';
}

/** Stages queued once for photos indexed before they existed (jobs/backfill.ts). */
export const BACKFILL_STAGES: readonly StageDef[] = definitions.filter((s) => s.backfill);

/** A stage whose output follows other stages' (see [Note: stages that follow others]). */
export interface DerivedStage {
  name: StageName;
  after: readonly StageName[];
  refresh: (repos: Repos, photoId: string, now: string) => void;
}

/** The stages with `after`, checked: every name they follow is a stage, and they can refresh. */
export const DERIVED_STAGES: readonly DerivedStage[] = STAGE_NAMES.flatMap((name) => {
  const s = PIPELINE[name];
  if (!s.after) return [];
  const unknown = s.after.filter((a) => !isStageName(a));
  if (unknown.length || !s.refresh)
    throw new Error(`pipeline: ${name} follows ${unknown.join(', ') || 'stages'} it cannot`);
  return [{ name, after: s.after.filter(isStageName), refresh: s.refresh }];
});
