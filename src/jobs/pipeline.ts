// [Note: the pipeline table] Every indexing stage, in the order a photo goes through them, with
// its definition, its worker half and its main-thread applier. This file is the whole pipeline:
//
//   scan ──► visible step (priority ≥ VISIBLE_PRIORITY), the photo is in the gallery after it:
//              media (file: metadata, thumbnail, pHash; a preview only for HEIC/RAW/TIFF/…;
//                     decoded at the thumbnail's scale, 1/8 for a 12 MP JPEG)
//              ├──► interchange (file: other programs' XMP; its applier merges Takeout and XMP
//              │                 over what media wrote, and runs again when media does:
//              │                 `rerunAfter`)
//              ├──► similarity (duplicate finder's signature, on media's small decode)
//              └──► categories (pixel statistics on media's small decode, capture hints)
//                     categories' refresh: the photo's categories, re-derived on the main
//                     thread whenever categories, interchange, objects, faces or paper-text
//                     writes (`after`)
//          ──► later work, once the photo's visible step is done (decoded at WORK_SIZE, 1333 px;
//              AI folders only: a folder without AI is done after its one small decode):
//              ├──► objects ─┐ one analyze() for both
//              ├──► faces ───┘
//              └──► paper-text (text detector on the sheet of paper in view, if any)
//   scan ──► video (file: probe, poster → thumbnails; pairs a Live Photo's MOV with its still,
//              │     or shows a MOV the scan held back for that; a video's visible step)
//              ├──► video-ai (queued by video's applier unless the file is a Live motion; AI only)
//              └──► transcode (queued by video's applier when the browser cannot play it)
//   jobs.idle ─► imported names onto faces, people, places (people/, search/)
//              ─► ocr, semantic (background batches: search/ocr/scheduler.ts)
//
// What follows what: a scan queues every `queue: 'scan'` stage of a new or changed photo (AI ones
// only in folders with AI on), newest photo first. [Note: visible first] The runner claims the
// visible step of every photo waiting for one before any later work (jobs.claim, tiered by
// `visible`), so a new folder fills the grid at the thumbnail decode's pace (~34/s on two cores)
// and the AI follows; a photo's later stages are claimed, all together as one task, only once
// its visible step is done (they need its displayed size). Opening a photo in the viewer raises its pending jobs to
// OPENED_PRIORITY: all of them go next, in one task. In a task the worker runs the `file` stages
// first, then each `image` stage on the decode its `input` names ([Note: decode scales] in
// media/process.ts), made at most once per task. `background` stages are queued in batches when
// indexing is idle. Results come back as plain data and each stage's `apply` writes its own in
// the runner's batched transaction (the main thread is the only writer), in table order, so an
// applier may read what an earlier stage of the same task wrote. A stage whose worker must run
// again when another's result is rewritten says so (`rerunAfter`): when that one is written again
// (or fails for good) for a photo the stage is done with, apply.ts queues it again. A stage whose
// output is only re-derived from the catalogue uses `after` + `refresh` instead (categories). The
// scan also re-queues `interchange` by itself when a photo's sidecars change ([Note: noticing
// sidecar changes] in library/sidecar-scan.ts).
//
// Adding a stage is one entry here, plus its worker half and its applier, both typed by its
// result (the entry does not compile if they disagree). For the stages that are coming:
//   - issue 13, videos (done): `video` (file: probe, poster, thumbnails; a video's visible step),
//     `video-ai` (file: it samples its own frames and runs the analyzer on each), both
//     `kinds: ['video']`, and `transcode` (`lane: 'transcode'`: run by jobs/transcoder.ts, queued
//     by the video applier; the pool claims only POOL_STAGES); the photo-only stages (similarity,
//     categories, paper-text, ocr, semantic) keep the default `kinds: ['photo']`, so neither
//     scans nor backfills queue them for a movie file;
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
  isSidecarData,
  isTranscodeOutcome,
  isVideoAiResult,
  isVideoResult,
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
import { applyInterchange } from './appliers/interchange.js';
import { applyMedia, mediaFailed } from './appliers/media.js';
import {
  applyTranscode,
  applyVideo,
  applyVideoAi,
  TRANSCODE_PRIORITY,
  transcodeFailed,
  VIDEO_AI_PRIORITY,
  videoFailed,
} from './appliers/video.js';
import type { PhotoTask } from './task.js';
import {
  fileStage,
  imageStage,
  kindsOf,
  type ItemKind,
  type Stage,
  type StageDef,
} from './stage.js';
import type { Repos } from '../db/index.js';

// The AI versions name the models and their post-processing (ml/versions.ts).
const ai = resultVersions();

/** Stages at or above this priority are the visible step: claimed before any other work. */
export const VISIBLE_PRIORITY = 9;
/** What a photo's pending jobs are raised to when it is opened in the viewer. */
export const OPENED_PRIORITY = 100;

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
  /**
   * What other programs and Google Takeout say about the photo (XMP sidecars and embedded XMP,
   * IPTC and EXIF captions, the Takeout sidecar the scan paired): keywords, ratings,
   * descriptions, names of faces, Takeout dates and places. Its applier merges with what media
   * wrote, so it runs after media and again whenever media is rewritten (`rerunAfter`); the scan
   * queues it again when a sidecar changes ([Note: noticing sidecar changes]).
   */
  interchange: fileStage({
    name: 'interchange',
    version: 'interchange@1',
    ai: false,
    priority: 9,
    queue: 'scan',
    backfill: true,
    rerunAfter: ['media'],
    work: () => import('./worker-interchange.js').then((m) => m.readSidecars),
    validate: isSidecarData,
    apply: applyInterchange,
  }),
  objects: imageStage({
    name: 'objects',
    version: ai.objects,
    ai: true,
    priority: 5,
    queue: 'scan',
    input: 'work',
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
    input: 'work',
    work: () => import('./worker-ai.js').then((m) => m.detectFaces),
    apply: applyFaces,
    validate: isFaceList,
  }),
  /**
   * Similarity signature for the duplicate finder: on the media stage's thumbnail-scale decode,
   * ≈ 1–3 ms. Version 2: signed at that scale (version 1 signed the 1440 px decode, whose pixel
   * digest no longer matches the same picture signed now).
   */
  similarity: imageStage({
    name: 'similarity',
    version: 'similarity@2',
    ai: false,
    priority: 9,
    queue: 'scan',
    input: 'visible',
    backfill: true,
    work: () => import('../search/duplicates/signature.js').then((m) => m.computeSignature),
    apply: applySignature,
    validate: isSignature,
  }),
  // Videos ([Note: Videos in the catalogue]): each stage below the photo stage of the same kind
  // in the queue, so a folder of videos never holds up the photos beside them. The poster is a
  // video's visible step (VISIBLE_PRIORITY), after every waiting photo thumbnail (media, 10).
  /** Probe (duration, codecs, local date, GPS), poster frame → the photo thumbnail sizes. */
  video: fileStage({
    name: 'video',
    version: 'video@1',
    ai: false,
    priority: VISIBLE_PRIORITY,
    queue: 'scan',
    kinds: ['video'],
    work: () => import('./worker-video.js').then((m) => m.processVideo),
    // Writes the poster's thumbnail and preview files here (remote workers send back media's only).
    localOnly: true,
    validate: isVideoResult,
    apply: applyVideo,
    failed: videoFailed,
    steps: (result) => result.timings,
  }),
  /** Sampled frames through the object and face models ([Note: AI on videos]). */
  'video-ai': fileStage({
    name: 'video-ai',
    version: `video-ai@1+${ai.objects}+${ai.faces}`,
    ai: true,
    priority: VIDEO_AI_PRIORITY,
    queue: 'scan',
    kinds: ['video'],
    queuedBy: 'video',
    work: () => import('./worker-video.js').then((m) => m.analyzeVideo),
    validate: isVideoAiResult,
    apply: applyVideoAi,
    steps: (result) => result.timings,
  }),
  /**
   * A browser-playable copy (H.264/AAC MP4) of a video the browser cannot play, queued by the
   * video stage. Last in the queue, one at a time, at nice 19, outside the worker pool; `--wait`
   * waits for it (every video playable), `jobs.idle` does not.
   */
  transcode: fileStage({
    name: 'transcode',
    version: 'transcode@1',
    ai: false,
    priority: TRANSCODE_PRIORITY,
    queue: 'scan',
    kinds: [],
    lane: 'transcode',
    work: () =>
      import('./worker-transcode.js').then((m) => (task: PhotoTask) => m.transcodeForBrowser(task)),
    // Its own lane on this machine (jobs/transcoder.ts), never published to remote workers.
    localOnly: true,
    validate: isTranscodeOutcome,
    apply: applyTranscode,
    failed: transcodeFailed,
  }),
  /**
   * What kind of photo (issue 14, src/categories): pixel statistics (≈ 1–3 ms on the media
   * stage's thumbnail-scale decode) and capture hints, stored; the categories are derived from
   * them with the photo row, faces, objects and the paper's text whenever one of those is written
   * (`after`, `refresh`: main thread, no decode; `interchange` because a Takeout date or place
   * changes the photo row `night` reads). Every folder: screenshots, panoramas, night photos and
   * front-camera selfies need no AI. Part of the visible step (VISIBLE_PRIORITY), so it runs in
   * the media stage's task on its image: a photo of a folder without AI is decoded once, small.
   * Version 2: measured at the visible step's scale ([Note: stats at the thumbnail's scale] in
   * categories/image-stats.ts; version 1 measured the working image).
   */
  categories: imageStage({
    name: 'categories',
    version: 'categories@2',
    ai: false,
    priority: VISIBLE_PRIORITY,
    queue: 'scan',
    input: 'visible',
    backfill: true,
    after: ['interchange', 'objects', 'faces', 'paper-text'],
    work: () => import('./worker-categories.js').then((m) => m.categorySignals),
    apply: applyCategorySignals,
    refresh: refreshCategories,
    validate: isCategorySignals,
  }),
  /**
   * The OCR text detector (no reading) on the sheet of paper the pixel statistics found, at
   * 448 px: ≈ 60 ms CPU on about one ordinary photo in twelve, nothing on the others. What the
   * `document` category reads; the background reader (`ocr`) is not waited for and adds nothing
   * a document needs (its lines are the same detector's, on the whole frame). It finds the sheet
   * on statistics measured at the visible step's scale, like the stored ones (since categories@2;
   * before, on the working image). Version not bumped: an older result is still the detector's
   * lines on a sheet, `document` counts only the lines on the sheet the stored statistics show,
   * and a re-run would decode every photo of every AI folder again.
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

/** The stages a scan queues for a photo (or a video) in a folder with AI on or off. */
export function scanStages(aiEnabled: boolean, kind: ItemKind = 'photo'): StageDef[] {
  return SCAN_STAGES.filter(
    (s) => (aiEnabled || !s.ai) && !s.queuedBy && kindsOf(s).includes(kind),
  );
}

/** The AI stages an item of a folder gets once the folder's AI is switched on. */
export const AI_STAGES: readonly StageDef[] = SCAN_STAGES.filter((s) => s.ai && !s.lane);

/** Stages the job runner's worker pool runs (the transcode lane has its own runner). */
export const POOL_STAGES: readonly string[] = STAGE_NAMES.filter((n) => !PIPELINE[n].lane);

/** Scan stages `jobs.idle` waits for: all but the transcode lane. */
export const INDEXING_STAGES: readonly StageDef[] = SCAN_STAGES.filter((s) => !s.lane);

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
