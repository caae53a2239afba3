import { photoCategories } from '../categories/service.js';
import type { Repos } from '../db/index.js';
import type { PhotoRow } from '../db/repos/photos.js';
import { editsView, withOffset } from '../interchange/format.js';
import type { PhotoDetails } from '../shared/api.js';
import { originalUrl, previewUrl, thumbUrl } from '../shared/routes/urls.js';
import { BROWSER_FORMATS } from '../media/files.js';

/** Formats a browser shows natively: the viewer can zoom into the original for these. */
const VIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']);

/** Is the original shown in place of a preview (a browser format the indexer has read)? */
export function originalIsPreview(p: {
  status: string;
  format: string | null;
  thumb_width: number | null;
}): boolean {
  return p.thumb_width !== null && p.format !== null && BROWSER_FORMATS.has(p.format);
}

/** Everything the viewer's info panel shows about one photo. */
export function photoDetails(
  repos: Repos,
  p: PhotoRow,
  transcodeProgress?: (id: string) => number | undefined,
): PhotoDetails {
  const id = p.id;
  const hasThumb = p.thumb_width !== null;
  // Browser formats have no preview file: the preview URL serves the original (gallery.ts).
  const originalPreview = p.preview_width === null && originalIsPreview(p);
  const hasPreview = p.preview_width !== null || originalPreview;
  const edits = editsView(repos.photoEdits.get(id));
  return {
    id,
    contentHash: p.content_hash,
    status: p.status,
    error: p.error,
    warnings: parseWarnings(p.warnings),
    takenAt: withOffset(p.taken_at, p.taken_offset),
    takenAtSource: p.taken_source,
    sortAt: p.sort_at,
    width: p.width,
    height: p.height,
    format: p.format,
    mime: p.mime,
    size: p.size,
    orientation: p.orientation,
    camera: { make: p.make, model: p.model, lens: p.lens },
    exposure: {
      exposureTime: p.exposure_time,
      fNumber: p.f_number,
      iso: p.iso,
      focalLength: p.focal_length,
    },
    gps: p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon, alt: p.alt } : null,
    place: placeOf(repos.discovery.places.forPhoto(id)),
    things: [...new Set(repos.objects.objectsForPhoto(id).map((o) => o.label))],
    faces: repos.faces.facesForPhoto(id).length,
    ...photoCategories(repos, id),
    favourite: p.favourite === 1,
    description: p.description,
    descriptionSource: noteSource(p.description_source),
    rating: p.rating,
    ratingSource: noteSource(p.rating_source),
    keywords: repos.keywords.forPhoto(id).map((k) => ({ path: k.path, source: k.source })),
    // A place the user set is theirs, whatever gave the one it replaced.
    placeSource: p.place_source === 'takeout' && !edits?.place ? 'takeout' : null,
    trashedAt: p.trashed_at,
    files: repos.locations.forPhoto(id).map((l) => ({
      path: l.path,
      folderId: l.folder_id,
      size: l.size,
      modifiedAt: new Date(l.mtime_ms).toISOString(),
    })),
    albums: repos.albums.namesForPhoto(id),
    stages: repos.jobs
      .stagesForPhoto(id)
      .map((j) => ({ stage: j.stage, status: j.status, error: j.last_error })),
    thumbUrl: hasThumb ? thumbUrl(id, p.content_hash) : null,
    previewUrl: hasPreview ? previewUrl(id, p.content_hash) : null,
    previewWidth: originalPreview ? p.width : p.preview_width,
    previewHeight: originalPreview ? p.height : p.preview_height,
    originalUrl: originalUrl(id),
    originalViewable: p.mime !== null && VIEWABLE.has(p.mime),
    kind: p.kind,
    ...(p.kind !== 'photo' && p.duration_ms !== null && { durationMs: p.duration_ms }),
    ...videoPart(repos, p, transcodeProgress),
    edits,
  };
}

function noteSource(s: string | null): PhotoDetails['ratingSource'] {
  return s === 'user' || s === 'xmp' || s === 'takeout' ? s : null;
}

/** The `video` part of a video or a Live Photo (whose movie is its MOV's row). */
function videoPart(
  repos: Repos,
  p: PhotoRow,
  transcodeProgress?: (id: string) => number | undefined,
): Pick<PhotoDetails, 'video'> {
  const movie = p.kind === 'live' && p.motion_id ? repos.photos.get(p.motion_id) : p;
  if (!movie || movie.kind !== 'video' || movie.video_codec === null) return {};
  const progress = movie.transcode === 'running' ? transcodeProgress?.(movie.id) : undefined;
  return {
    video: {
      codec: movie.video_codec,
      fps: movie.fps ?? 0,
      playable: movie.playable === 1,
      transcode: movie.transcode ?? 'none',
      ...(progress !== undefined && { progress }),
    },
  };
}

function placeOf(
  row: { city: string | null; region: string | null; country: string | null } | undefined,
): PhotoDetails['place'] {
  if (!row || (!row.city && !row.region && !row.country)) return null;
  return { city: row.city, region: row.region, country: row.country };
}

function parseWarnings(text: string | null): string[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.map(String) : [String(v)];
  } catch {
    return [text];
  }
}
