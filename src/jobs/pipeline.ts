// [Note: the pipeline table] Every indexing stage, in the order a photo goes through them, with
// its definition, its worker half and its main-thread applier. This file is the whole pipeline:
//
//   scan ──► media (file: metadata, thumbnail, preview, pHash; keeps the 1440-px decode)
//              ├──► objects ─┐ one analyze() for both (AI folders only)
//              ├──► faces ───┘
//              └──► similarity (duplicate finder's signature)
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
//   - issue 14, `categories`: runs after faces and text and again when they change. That needs
//     two fields the table does not have yet: what it follows (`after: ['faces', 'ocr']`, the
//     applier of those re-queues it) and its input (the stored signals, which the runner would
//     put into the task, e.g. `needs: 'signals'`);
//   - issue 17, remote workers (src/remote/): another machine runs the same `work` halves and
//     sends back a PhotoTaskResult (task.ts, plain data) for apply.ts; each outcome is proved to
//     be its stage's result type first (result-schemas.ts: a new stage needs a schema there).
//     `localOnly` keeps a stage on this machine.
// Never change a `version` by accident: it re-indexes every catalogue.

import { resultVersions } from '../ml/index.js';
import { OCR_VERSION } from '../search/ocr/version.js';
import { applyFaces, applyObjects } from './appliers/ai.js';
import { applyEmbedding, applySignature, applyText } from './appliers/discovery.js';
import { applyMedia, mediaFailed } from './appliers/media.js';
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
  }),
  faces: imageStage({
    name: 'faces',
    version: ai.faces,
    ai: true,
    priority: 5,
    queue: 'scan',
    work: () => import('./worker-ai.js').then((m) => m.detectFaces),
    apply: applyFaces,
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
