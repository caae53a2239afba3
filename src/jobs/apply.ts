// Writing what a worker sent back: each stage's outcome goes to that stage's applier from the
// pipeline table, then to its job row. Runs inside the runner's batched transaction.

import type { Repos } from '../db/index.js';
import { DERIVED_STAGES, isStageName, PIPELINE, STAGE_NAMES, type StageName } from './pipeline.js';
import { whyNot } from './result-schemas.js';
import type { StageFailure, StageOutcomes } from './task.js';

export interface WriteOptions {
  now: string;
  maxAttempts: number;
  /** Told of every outcome, with the steps a result reports (the runner's statistics). */
  onOutcome: (
    stage: string,
    outcome: { ok: boolean; ms: number },
    steps?: Record<string, number>,
  ) => void;
}

/**
 * Writes the outcomes of one photo's task. `crash`: why the task brought no result (the worker
 * died, the photo has no file left); every stage without an outcome fails with it.
 */
export function writeTask(
  repos: Repos,
  photoId: string,
  stages: readonly string[],
  outcomes: StageOutcomes | undefined,
  crash: string | undefined,
  opts: WriteOptions,
): void {
  // Table order: a stage's applier may read what an earlier stage of the same task just wrote.
  const ordered = [
    ...STAGE_NAMES.filter((n) => stages.includes(n)),
    ...stages.filter((s) => !isStageName(s)),
  ];
  const wrote = new Set<string>();
  for (const stage of ordered) {
    if (isStageName(stage)) {
      if (writeStage(repos, photoId, stage, outcomes, crash, opts)) wrote.add(stage);
    } else {
      // Queued by another build that knows a stage this one does not.
      failJob(
        repos,
        photoId,
        stage,
        {
          ok: false,
          code: 'unknown-stage',
          error: `no worker handler for stage "${stage}"`,
          permanent: false,
          ms: 0,
        },
        opts,
      );
    }
  }
  // Outputs derived from what was just written: once per photo, after every applier of the task.
  for (const d of DERIVED_STAGES) {
    if (wrote.has(d.name) || d.after.some((s) => wrote.has(s))) d.refresh(repos, photoId, opts.now);
  }
}

/**
 * One stage: its result type goes from the worker's outcome to its applier, no cast between.
 * True when a result was written.
 */
function writeStage<K extends StageName>(
  repos: Repos,
  photoId: string,
  name: K,
  outcomes: StageOutcomes | undefined,
  crash: string | undefined,
  opts: WriteOptions,
): boolean {
  const stage = PIPELINE[name];
  const crashed: StageFailure = {
    ok: false,
    code: 'crash',
    error: crash ?? 'no result from worker',
    permanent: false,
    ms: 0,
  };
  let outcome = outcomes?.[name] ?? crashed;
  if (outcome.ok && stage.validate && !stage.validate(outcome.data)) {
    // Not what this stage's worker makes (a remote worker's bug, another build): never written.
    outcome = {
      ok: false,
      code: 'invalid-result',
      error: `the ${name} stage sent back a result of the wrong shape (${whyNot(stage.validate, outcome.data, name)})`,
      permanent: false,
      ms: outcome.ms,
    };
  }
  if (!outcome.ok) {
    const gaveUp = failJob(repos, photoId, name, outcome, opts);
    stage.failed?.(repos, photoId, outcome, { gaveUp, now: opts.now });
    // A final failure may still write what could be read (media: the metadata of a broken file).
    if (gaveUp) requeueFollowers(repos, photoId, name, opts.now);
    return false;
  }
  opts.onOutcome(name, outcome, stage.steps?.(outcome.data));
  stage.apply(repos, photoId, outcome.data, { version: outcome.version, now: opts.now });
  repos.jobs.complete(photoId, name, outcome.version, opts.now);
  requeueFollowers(repos, photoId, name, opts.now);
  return true;
}

/**
 * Stages whose worker reads this one's result (`rerunAfter`) run again if they had finished (in
 * the same task they are still running, and apply after this one).
 */
function requeueFollowers(repos: Repos, photoId: string, name: StageName, now: string): void {
  for (const next of followersOf(name)) {
    repos.jobs.requeueIfFinished(photoId, next.name, next.priority, now);
  }
}

function followersOf(name: StageName) {
  return STAGE_NAMES.map((n) => PIPELINE[n]).filter((s) => s.rerunAfter?.includes(name));
}

/** Records a failed job; true when it is failed for good (permanent, or retries ran out). */
function failJob(
  repos: Repos,
  photoId: string,
  stage: string,
  failure: StageFailure,
  opts: WriteOptions,
): boolean {
  opts.onOutcome(stage, failure);
  const status = repos.jobs.fail(
    photoId,
    stage,
    failure.error,
    failure.permanent,
    opts.maxAttempts,
    opts.now,
  );
  return status === 'failed';
}
