import { photoCategories } from '../categories/service.js';
import type { Repos } from '../db/index.js';
import type { PhotoRow } from '../db/repos/photos.js';
import { editsView, withOffset } from '../interchange/format.js';
import type { PhotoDetails } from '../shared/api.js';
import { originalUrl, previewUrl, thumbUrl } from '../shared/routes/urls.js';

/** Formats a browser shows natively: the viewer can zoom into the original for these. */
const VIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']);

/** Everything the viewer's info panel shows about one photo. */
export function photoDetails(repos: Repos, p: PhotoRow): PhotoDetails {
  const id = p.id;
  const hasThumb = p.thumb_width !== null;
  const hasPreview = p.preview_width !== null;
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
    previewWidth: p.preview_width,
    previewHeight: p.preview_height,
    originalUrl: originalUrl(id),
    originalViewable: p.mime !== null && VIEWABLE.has(p.mime),
    edits: editsView(repos.photoEdits.get(id)),
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
