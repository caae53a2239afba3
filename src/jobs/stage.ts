// The shape of one indexing stage, as the pipeline table (pipeline.ts) lists it: its definition,
// its worker half (reached lazily, so the main thread never loads a decoder or a model runtime)
// and its main-thread half (the applier). One type parameter, the stage's result, ties the halves
// together: what the worker returns is what the applier writes, with no cast in between.

import type { Repos } from '../db/index.js';
import type { MediaMetadata, RawImage } from '../media/types.js';
import type { PhotoTask, StageFailure } from './task.js';

/** What the runner, the scanner and the schedulers know about a stage without running it. */
export interface StageDef {
  name: string;
  /**
   * Names what produced the stored result (models, code revision). When it changes, exactly the
   * photos another version produced are queued again: changing it re-indexes every catalogue.
   */
  version: string;
  /** AI stages run only for photos in folders with AI switched on. */
  ai: boolean;
  /** Higher runs first when the queue has a choice: thumbnails before AI, text reading last. */
  priority: number;
  /**
   * `scan`: queued with every new or changed file; indexing (`drain()`, `--wait`) waits for it.
   * `background`: queued in batches by a scheduler once indexing is idle (text reading, the
   * semantic model); `drain()` does not wait for it, `drain({ background: true })` does.
   */
  queue: 'scan' | 'background';
  /**
   * `file`: reads the original itself. `image`: works on the decoded, upright image a file stage
   * of the same task kept (else the photo is decoded once for all image stages of the task).
   */
  needs: 'file' | 'image';
  /**
   * Image stages: which decode they work on ([Note: decode scales] in media/process.ts).
   * `visible`: the thumbnail-scale image the media stage makes (the duplicate signature);
   * `work` (default): the WORK_SIZE image (the models, text reading).
   */
  input?: 'visible' | 'work';
  /** Queued once for photos indexed before the stage existed (scans queue new files only). */
  backfill?: boolean;
  /** What it runs on: photos (stills, the default) or videos ([Note: Videos in the catalogue]). */
  kinds?: readonly ItemKind[];
  /**
   * `transcode`: run one at a time by the Transcoder (transcoder.ts) on the main thread, outside
   * the worker pool: an ffmpeg process at low priority does the work, a worker thread would only
   * wait for it. The runner never claims these, and `jobs.idle` does not wait for them.
   */
  lane?: 'transcode';
  /**
   * Queued by this other stage's applier, not by the scan: `video-ai` waits for the `video` stage
   * to know whether the file is a Live Photo's motion (whose still has the tags and faces), so
   * the MOV half of a Live Photo never spends a model run. Switching a folder's AI on still
   * queues it for the items that lack it.
   */
  queuedBy?: string;
  /**
   * Needs something only this machine has (the semantic model slot in the data directory): never
   * sent to a remote worker (src/remote/).
   */
  localOnly?: boolean;
  /**
   * [Note: stages that follow others] Stages whose stored results this stage's output is derived
   * from as well as its own (categories: faces, objects, the paper's text). When one of them, or
   * this stage, writes a result for a photo, `refresh` re-derives this stage's output from what
   * the catalogue holds, on the main thread in the same transaction, once per photo and task,
   * after every applier of the task has run: no job is queued and nothing is decoded again. So a
   * later re-detection (a new face model, a folder's AI switched on) updates the output with no
   * extra work, and the order of stages within a task does not matter. A stage whose output needs
   * its worker again when an input changes has its job re-queued instead (`rerunAfter`).
   */
  after?: readonly string[];
  /**
   * Stages whose result this one's worker half reads from the catalogue or merges with
   * (interchange: media's metadata). When one of them is written again for a photo this stage
   * is done with (a retry, a new version), or fails for good, this stage's job is queued again;
   * in the same task it is still pending and applies after it (table order).
   */
  rerunAfter?: readonly string[];
}

/** Stills (Live Photos included) or movie files: which stages a scan queues for a file. */
export type ItemKind = 'photo' | 'video';

export function kindsOf(s: StageDef): readonly ItemKind[] {
  return s.kinds ?? ['photo'];
}

/** Displayed (oriented) size of the photo: image stages report positions in these pixels. */
export interface ImageFrame {
  width: number;
  height: number;
  /**
   * The file's metadata when a file stage of the same task read it (any file stage may hand it
   * on); an image stage that needs it otherwise reads it itself.
   */
  metadata?: MediaMetadata;
}

/** What a file stage returns: its result, and what it hands on to the image stages. */
export interface FileWorkResult<T> {
  data: T;
  /** The visible-step image, when asked to keep it: `input: 'visible'` stages reuse it. */
  image?: RawImage;
  /** The WORK_SIZE image, when the stage decoded one anyway: `input: 'work'` stages reuse it. */
  work?: RawImage;
  /** Displayed size as the file records it, when known. */
  frame?: { width: number | null; height: number | null };
  /** The metadata it read, for image stages that read it (categories). */
  metadata?: MediaMetadata;
}

/** Worker half of a file stage. `keepImage`: image stages of the same task will want the decode. */
export type FileWork<T> = (task: PhotoTask, keepImage: boolean) => Promise<FileWorkResult<T>>;

/** Worker half of an image stage. */
export type ImageWork<T> = (image: RawImage, frame: ImageFrame, task: PhotoTask) => T | Promise<T>;

export interface Applied {
  /** The version the worker ran (stored with the result where the result keeps one). */
  version: string;
  now: string;
}

interface StageParts<N extends string, T, W> extends Omit<StageDef, 'needs'> {
  name: N;
  /**
   * Loads the worker half. Only worker threads call it: a dynamic import() keeps sharp, the model
   * runtimes and the OCR engine out of the main thread and the CLI.
   */
  work: () => Promise<W>;
  /**
   * Main-thread half: writes a result. Runs inside the runner's batched transaction, so it must
   * only touch the database (no awaits, no file I/O). `result` is plain data (structured clone):
   * a result from elsewhere (a remote worker) must be checked to be a T before it gets here.
   */
  apply: (repos: Repos, photoId: string, result: T, done: Applied) => void;
  /**
   * Records a failure beyond the job row (media: the photo shows the error). `gaveUp`: the job is
   * failed for good (permanent, or retries ran out); otherwise it will be retried.
   */
  failed?: (
    repos: Repos,
    photoId: string,
    failure: StageFailure,
    at: { gaveUp: boolean; now: string },
  ) => void;
  /** Per-step milliseconds a result reports (decode, thumbnails…): the runner sums them. */
  steps?: (result: T) => Record<string, number>;
  /**
   * Re-derives the stage's output from the catalogue when it or a stage in `after` wrote a result
   * for the photo (see [Note: stages that follow others]). Main thread, inside the transaction.
   */
  refresh?: (repos: Repos, photoId: string, now: string) => void;
  /**
   * Whether plain data is a result of this stage ([Note: Checking results that come from
   * elsewhere] in result-schemas.ts). Required: a remote worker's result is whatever arrived in
   * Redis, and apply.ts writes nothing that fails it, local or remote.
   */
  validate: (data: unknown) => data is T;
}

export interface FileStage<N extends string, T> extends StageParts<N, T, FileWork<T>> {
  needs: 'file';
}

export interface ImageStage<N extends string, T> extends StageParts<N, T, ImageWork<T>> {
  needs: 'image';
}

export type Stage<N extends string, T> = FileStage<N, T> | ImageStage<N, T>;

/** A stage that reads the original file (media today; probes and posters of videos later). */
export function fileStage<N extends string, T>(
  parts: StageParts<N, T, FileWork<T>>,
): FileStage<N, T> {
  return { ...parts, needs: 'file' };
}

/** A stage that works on the decoded image (AI, signatures, text). */
export function imageStage<N extends string, T>(
  parts: StageParts<N, T, ImageWork<T>>,
): ImageStage<N, T> {
  return { ...parts, needs: 'image' };
}
