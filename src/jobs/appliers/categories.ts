// Main-thread halves of the categories stages: store the signals; the categories themselves are
// re-derived from the catalogue once the task's results are in (refreshCategories, the stage's
// `refresh` in the pipeline table).

import { storedSignals, storedText } from '../../categories/stored.js';
import type { CategorySignals, PaperText } from '../../categories/results.js';
import type { Repos } from '../../db/index.js';
import type { Applied } from '../stage.js';

export function applyCategorySignals(
  repos: Repos,
  photoId: string,
  s: CategorySignals,
  done: Applied,
): void {
  const { hints, pixels } = storedSignals(s);
  repos.categories.saveSignals(photoId, hints, pixels, done.version);
}

export function applyPaperText(repos: Repos, photoId: string, t: PaperText, done: Applied): void {
  repos.categories.saveText(photoId, storedText(t.region, t.boxes), done.version);
}
