import type { Repos } from '../../db/index.js';
import type { MediaColumns } from '../../db/repos/photos.js';
import type { MediaMetadata, MediaResult } from '../../media/types.js';
import { MEDIA_STAGE } from '../stages.js';
import type { StageOutcome } from '../task.js';
import { registerApplier } from './registry.js';

function columnsOf(meta: MediaMetadata, result?: Partial<MediaResult>): MediaColumns {
  return {
    format: meta.format,
    mime: meta.mimeType,
    width: meta.width,
    height: meta.height,
    orientation: meta.orientation,
    taken_at: meta.takenAt,
    taken_offset: meta.takenOffsetMinutes,
    taken_source: meta.takenAtSource,
    make: meta.camera.make,
    model: meta.camera.model,
    lens: meta.camera.lens,
    exposure_time: meta.exposure.exposureTime,
    f_number: meta.exposure.fNumber,
    iso: meta.exposure.iso,
    focal_length: meta.exposure.focalLength,
    lat: meta.gps?.lat ?? null,
    lon: meta.gps?.lon ?? null,
    alt: meta.gps?.alt ?? null,
    phash: result?.phash ?? null,
    thumb_width: result?.thumb?.width ?? null,
    thumb_height: result?.thumb?.height ?? null,
    preview_width: result?.preview?.width ?? null,
    preview_height: result?.preview?.height ?? null,
    warnings: result?.warnings?.length ? JSON.stringify(result.warnings) : null,
  };
}

function sortKey(meta: MediaMetadata, fallback: string): string {
  return meta.takenAt ?? fallback;
}

export function applyMedia(
  repos: Repos,
  photoId: string,
  outcome: StageOutcome,
  now: string,
): void {
  const photo = repos.photos.get(photoId);
  if (!photo) return;
  if (outcome.ok) {
    const result = outcome.data as MediaResult;
    repos.photos.applyMedia(
      photoId,
      columnsOf(result.metadata, result),
      sortKey(result.metadata, photo.sort_at),
      now,
    );
    return;
  }
  const partial = outcome.partial as
    Partial<MediaResult> | { metadata?: MediaMetadata } | undefined;
  const meta = partial && 'metadata' in partial ? partial.metadata : undefined;
  if (outcome.permanent) {
    repos.photos.markError(
      photoId,
      outcome.error,
      now,
      meta ? columnsOf(meta, partial as Partial<MediaResult>) : undefined,
      meta ? sortKey(meta, photo.sort_at) : undefined,
    );
  }
}

registerApplier(MEDIA_STAGE.name, applyMedia);
