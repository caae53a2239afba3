// Runs the pending stages of one photo inside a worker thread, as the pipeline table says: the
// file stages first (media keeps its downscaled, oriented decode), then the image stages on that
// decode, or on one fresh decode when no file stage ran. Plain data out, typed per stage.

import { loadOrientedImage } from '../media/index.js';
import type { RawImage } from '../media/types.js';
import { failureOf } from './failures.js';
import { PIPELINE, STAGE_NAMES, type StageName, type StageResults } from './pipeline.js';
import type { FileWorkResult, ImageFrame } from './stage.js';
import type { PhotoTask, StageFailure, StageOutcome, StageOutcomes } from './task.js';

/** What the file stages of a task hand on to its image stages. */
interface Handover {
  image?: RawImage;
  frame?: FileWorkResult<unknown>['frame'];
  metadata?: FileWorkResult<unknown>['metadata'];
  /** A file stage failed: the image stages fail with it (the photo could not be read). */
  failed?: StageFailure;
}

function record<K extends StageName>(
  outcomes: { [P in K]?: StageOutcome<StageResults[P]> },
  name: K,
  outcome: StageOutcome<StageResults[K]>,
): void {
  outcomes[name] = outcome;
}

async function runFileStage<K extends StageName>(
  name: K,
  task: PhotoTask,
  keepImage: boolean,
  handover: Handover,
): Promise<StageOutcome<StageResults[K]>> {
  const stage = PIPELINE[name];
  const t0 = performance.now();
  if (stage.needs !== 'file') throw new Error(`${name} is not a file stage`);
  try {
    const work = await stage.work();
    const result = await work(task, keepImage);
    handover.image ??= result.image;
    handover.frame ??= result.frame;
    handover.metadata ??= result.metadata;
    return { ok: true, version: stage.version, data: result.data, ms: performance.now() - t0 };
  } catch (err) {
    const failure = failureOf(err, performance.now() - t0);
    handover.failed ??= failure;
    return failure;
  }
}

async function runImageStage<K extends StageName>(
  name: K,
  task: PhotoTask,
  handover: Handover,
): Promise<StageOutcome<StageResults[K]>> {
  const stage = PIPELINE[name];
  if (stage.needs !== 'image') throw new Error(`${name} is not an image stage`);
  if (handover.failed) {
    const f = handover.failed;
    return { ...f, partial: undefined, error: `not decodable: ${f.error}` };
  }
  const t0 = performance.now();
  try {
    const input = handover.image ?? (await loadOrientedImage(task.path));
    handover.image = input;
    const frame: ImageFrame = {
      width: handover.frame?.width ?? task.width ?? input.width,
      height: handover.frame?.height ?? task.height ?? input.height,
      ...(handover.metadata ? { metadata: handover.metadata } : {}),
    };
    const work = await stage.work();
    const data = await work(input, frame, task);
    return { ok: true, version: stage.version, data, ms: performance.now() - t0 };
  } catch (err) {
    return failureOf(err, performance.now() - t0);
  }
}

/**
 * Runs every pending stage of one photo on a single decode. Stages the table does not know are
 * left out: the runner fails their jobs.
 */
export async function runStages(task: PhotoTask): Promise<StageOutcomes> {
  const outcomes: StageOutcomes = {};
  const names = STAGE_NAMES.filter((n) => task.stages.includes(n));
  const imageStages = names.filter((n) => PIPELINE[n].needs === 'image');
  const handover: Handover = {};
  for (const name of names) {
    if (PIPELINE[name].needs !== 'file') continue;
    record(outcomes, name, await runFileStage(name, task, imageStages.length > 0, handover));
  }
  for (const name of imageStages) {
    record(outcomes, name, await runImageStage(name, task, handover));
  }
  return outcomes;
}
