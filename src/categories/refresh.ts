// Re-deciding a photo's categories from what the catalogue holds: the stored signals of the
// categories stages, the photo row, the faces and objects of the AI stages. Pure reading and one
// write, no decode: it runs on the main thread whenever one of those changes (pipeline.ts, the
// `after` of the categories stage) and when a user undoes a removal.

import type { Repos } from '../db/index.js';
import { classify } from './catalogue.js';
import { faceSignals, objectSignals } from './signals.js';
import { metaFromCatalogue, parseSignals } from './stored.js';
import type { CategoryResult, Signals } from './types.js';

/**
 * The pipeline stages whose stored results the categories read beside their own. A photo's faces
 * (objects) count as known once that stage has produced a result for it: before, and in folders
 * with AI off, the categories that need them give no verdict (Signals: undefined = not known).
 */
export const FACES_STAGE = 'faces';
export const OBJECTS_STAGE = 'objects';

type Reading = Pick<Repos, 'categories' | 'photos' | 'locations' | 'jobs' | 'faces' | 'objects'>;

/** Every signal of a photo as stored, or null until the categories stage has run for it. */
export function catalogueSignals(repos: Reading, photoId: string): Signals | null {
  const stored = parseSignals(repos.categories.signals(photoId));
  const photo = repos.photos.get(photoId);
  if (!stored || !photo) return null;
  const file = repos.locations.forPhoto(photoId)[0]?.path ?? '';
  const produced = new Set(
    repos.jobs
      .stagesForPhoto(photoId)
      .filter((j) => j.version !== null)
      .map((j) => j.stage),
  );
  // Boxes are in displayed-photo pixels (the AI stages scale them to the photo's size).
  const w = photo.width ?? stored.pixels?.width ?? 0;
  const h = photo.height ?? stored.pixels?.height ?? 0;
  const signals: Signals = {
    meta: metaFromCatalogue(photo, stored.hints, file),
    pixels: stored.pixels,
    ...(stored.text ? { text: stored.text } : {}),
  };
  if (w && h && produced.has(FACES_STAGE)) {
    signals.faces = faceSignals(
      repos.faces.facesForPhoto(photoId).map((f) => ({
        box: [f.x, f.y, f.w, f.h] as [number, number, number, number],
        score: f.score,
        quality: f.quality,
      })),
      w,
      h,
    );
  }
  if (w && h && produced.has(OBJECTS_STAGE)) {
    signals.objects = objectSignals(
      repos.objects.objectsForPhoto(photoId).map((o) => ({
        label: o.label,
        score: o.score,
        box: [o.x, o.y, o.w, o.h] as [number, number, number, number],
      })),
      w,
      h,
    );
  }
  return signals;
}

/**
 * Classifies the photo again and stores what it is in, leaving out the categories the user took
 * it out of. Returns the categories stored (null: no signals yet). Call inside a transaction.
 */
export function refreshCategories(repos: Reading, photoId: string): CategoryResult[] | null {
  const signals = catalogueSignals(repos, photoId);
  if (!signals) return null;
  const removed = new Set(repos.categories.removals(photoId));
  const kept = classify(signals).filter((c) => !removed.has(c.name));
  repos.categories.replace(
    photoId,
    kept.map((c) => ({
      name: c.name,
      score: c.score,
      reason: c.reason,
      subtype: c.subtype ?? null,
    })),
  );
  return kept;
}
