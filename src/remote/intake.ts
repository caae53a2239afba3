// A worker's answer checked before anything of it is written: it must be about the task that was
// published (photo id, content hash, exactly its stages), every outcome must be its stage's
// result type ([Note: Checking results that come from elsewhere], jobs/result-schemas.ts), and
// the derived files must be the images the media result says they are. Anything else is
// rejected with the reason, which the primary logs and counts against the worker.

import { isStageName, type StageName } from '../jobs/pipeline.js';
import { checkOutcome } from '../jobs/outcome-check.js';
import type { PhotoTaskResult, StageOutcomes } from '../jobs/task.js';
import { detectFormat } from '../media/files.js';
import type { DerivedFile } from './jobs.js';
import { fromWire } from './wire.js';

/** Derived files bigger than this are refused (a preview is ≤ 1440 px: a few hundred KB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface Expected {
  photoId: string;
  contentHash: string;
  stages: readonly string[];
}

export type Intake =
  | {
      ok: true;
      result: PhotoTaskResult;
      files: Partial<Record<DerivedFile, Buffer>>;
      fetched: number;
    }
  | { ok: false; reason: string };

const reject = (reason: string): Intake => ({ ok: false, reason });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Is this the start of a JPEG file? Thumbnails and previews both are ([Note: preview format] in
 * media/thumbnails.ts; a worker of a build that still wrote WebP thumbnails is refused here).
 */
export function looksLikeJpeg(bytes: Buffer): boolean {
  return bytes.length > 3 && detectFormat(bytes)?.format === 'jpeg';
}

/**
 * Checks a job's return value (and the files stored with it) against the task it answers.
 * `files` holds what Redis had under the job's file keys (null: nothing there).
 */
export function checkReturn(
  expected: Expected,
  value: unknown,
  files: Record<DerivedFile, Buffer | null>,
): Intake {
  if (!isRecord(value) || value.v !== 1) return reject('not a Picto task result');
  if (value.photoId !== expected.photoId)
    return reject(
      `result names photo ${String(value.photoId).slice(0, 40)}, the job was for ${expected.photoId}`,
    );
  if (value.contentHash !== expected.contentHash)
    return reject('result is for other content than the job published');
  if (!isRecord(value.outcomes)) return reject('result has no outcomes');
  const ms = typeof value.ms === 'number' && Number.isFinite(value.ms) ? Math.max(0, value.ms) : 0;
  const fetched =
    typeof value.fetched === 'number' && Number.isFinite(value.fetched)
      ? Math.max(0, value.fetched)
      : 0;

  const known = expected.stages.filter(isStageName);
  const extra = Object.keys(value.outcomes).filter((k) => !known.includes(k as StageName));
  if (extra.length)
    return reject(`result has outcomes for stages not asked for: ${extra.slice(0, 5).join(', ')}`);

  const outcomes: StageOutcomes = {};
  for (const stage of known) {
    const raw = value.outcomes[stage];
    if (raw === undefined) return reject(`result has no outcome for ${stage}`);
    let decoded: unknown;
    try {
      decoded = fromWire(raw);
    } catch (err) {
      return reject(`${stage}: ${(err as Error).message}`);
    }
    const checked = checkOutcome(stage, decoded);
    if (!checked.ok) return reject(checked.reason);
    (outcomes as Record<string, unknown>)[stage] = checked.outcome;
  }

  const kept: Partial<Record<DerivedFile, Buffer>> = {};
  const media = outcomes.media;
  if (media?.ok) {
    for (const kind of ['thumb', 'preview'] as const) {
      const info = media.data[kind];
      if (!info) continue;
      const bytes = files[kind];
      if (!bytes) return reject(`the ${kind} file of the media result is missing`);
      if (bytes.length !== info.bytes || bytes.length > MAX_FILE_BYTES)
        return reject(`the ${kind} file has ${bytes.length} bytes, the result says ${info.bytes}`);
      if (!looksLikeJpeg(bytes)) return reject(`the ${kind} file is not a JPEG image`);
      kept[kind] = bytes;
    }
  }
  return { ok: true, result: { photoId: expected.photoId, outcomes, ms }, files: kept, fetched };
}
