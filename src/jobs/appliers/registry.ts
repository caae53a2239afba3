import type { Repos } from '../../db/index.js';
import type { StageOutcome } from '../task.js';

/**
 * Main-thread half of a stage: writes what a worker produced. Runs inside the runner's batched
 * transaction, so it must only touch the database (no awaits, no file I/O).
 */
export type Applier = (repos: Repos, photoId: string, outcome: StageOutcome, now: string) => void;

const appliers = new Map<string, Applier>();

export function registerApplier(stage: string, fn: Applier): void {
  appliers.set(stage, fn);
}

export function applierFor(stage: string): Applier | undefined {
  return appliers.get(stage);
}
