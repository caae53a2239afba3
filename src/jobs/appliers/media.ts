import type { Repos } from '../../db/index.js';
import type { MediaColumns } from '../../db/repos/photos.js';
import type { MediaMetadata, MediaPartial, MediaResult } from '../../media/types.js';
import type { Applied } from '../stage.js';
import type { StageFailure } from '../task.js';

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

/** Writes what the media stage read: metadata columns, thumbnail sizes, pHash, sort key. */
export function applyMedia(
  repos: Repos,
  photoId: string,
  result: MediaResult,
  done: Applied,
): void {
  const photo = repos.photos.get(photoId);
  if (!photo) return;
  repos.photos.applyMedia(
    photoId,
    columnsOf(result.metadata, result),
    sortKey(result.metadata, photo.sort_at),
    done.now,
  );
  // [Note: the user's date wins] A date or place the user set stays: reading the file again
  // updates what the file says, never what the user said.
  repos.photoEdits.reapply(photoId);
}

/**
 * A file the decoder rejects is listed with the error and whatever metadata could be read; a
 * transient failure says so on the photo once its retries have run out, rather than leave it
 * pending forever.
 */
export function mediaFailed(
  repos: Repos,
  photoId: string,
  failure: StageFailure,
  at: { gaveUp: boolean; now: string },
): void {
  const photo = repos.photos.get(photoId);
  if (!photo) return;
  if (failure.permanent) {
    const partial = isMediaPartial(failure.partial) ? failure.partial : undefined;
    const meta = partial?.metadata;
    repos.photos.markError(
      photoId,
      failure.error,
      at.now,
      meta ? columnsOf(meta, partial) : undefined,
      meta ? sortKey(meta, photo.sort_at) : undefined,
    );
    if (meta) repos.photoEdits.reapply(photoId);
  } else if (at.gaveUp) {
    repos.photos.markError(photoId, failure.error, at.now);
  }
}

/** The partial result a MediaError carries (media/types.ts MediaPartial), if that is what it is. */
function isMediaPartial(p: unknown): p is MediaPartial {
  return (
    typeof p === 'object' &&
    p !== null &&
    'metadata' in p &&
    typeof p.metadata === 'object' &&
    p.metadata !== null
  );
}
