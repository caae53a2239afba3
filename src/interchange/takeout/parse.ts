// Takeout's JSON files, parsed into typed records. Three kinds share the `.json` extension: a
// photo's sidecar, an album's metadata (`metadata.json`, translated with the account's language:
// `Metadaten.json`, `métadonnées.json`, `метаданни.json`…), and other exports (print orders, shared
// album comments). The kind is told from the content, never from the name, so every language works.

export interface GeoPoint {
  lat: number;
  lon: number;
  alt: number | null;
}

export interface TakeoutPhoto {
  /** The photo's name in Google Photos: the original file name, or what the user renamed it to. */
  title: string | null;
  description: string | null;
  /** When the photo was taken: a UTC instant (Takeout's `photoTakenTime`), ISO 8601 with Z. */
  takenAt: string | null;
  /** When it was uploaded (`creationTime`), ISO 8601 with Z. Not a capture time. */
  uploadedAt: string | null;
  /** `geoData`: the place Google Photos shows, including a place the user set by hand. */
  geo: GeoPoint | null;
  /** `geoDataExif`: the place the file's EXIF had when it was uploaded. */
  geoExif: GeoPoint | null;
  favorited: boolean;
  /** Names from `people[].name`, trimmed, duplicates removed, in file order. */
  people: string[];
  trashed: boolean;
  archived: boolean;
}

export interface TakeoutAlbum {
  title: string | null;
  description: string | null;
}

export type TakeoutJson =
  | { kind: 'photo'; photo: TakeoutPhoto }
  | { kind: 'album'; album: TakeoutAlbum }
  | { kind: 'other' }
  | { kind: 'invalid'; error: string };

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
}

function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.split('\u0000').join('').trim();
  return t === '' ? null : t;
}

/** `{ "timestamp": "1577836800", "formatted": "…" }` → ISO instant; 0 and junk are no time. */
export function takeoutInstant(v: unknown): string | null {
  const o = obj(v);
  if (!o) return null;
  const raw = o.timestamp;
  const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  // Before 1800 or after 2999 is a placeholder, as for EXIF dates (media/dates.ts).
  if (!Number.isFinite(seconds) || seconds === 0) return null;
  const ms = seconds * 1000;
  if (ms < Date.UTC(1800, 0, 1) || ms >= Date.UTC(3000, 0, 1)) return null;
  return new Date(Math.round(ms)).toISOString().replace('.000Z', 'Z');
}

/** A Takeout position; 0/0 is how Takeout says "no location", and out-of-range values are junk. */
export function takeoutPoint(v: unknown): GeoPoint | null {
  const o = obj(v);
  if (!o) return null;
  const lat = Number(o.latitude);
  const lon = Number(o.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (lat === 0 && lon === 0) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const alt = Number(o.altitude);
  return { lat, lon, alt: Number.isFinite(alt) && alt !== 0 ? alt : null };
}

function names(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const p of v) {
    const n = text(obj(p)?.name)?.replace(/\s+/g, ' ');
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

function isPhoto(o: Obj): boolean {
  return 'photoTakenTime' in o || 'creationTime' in o || 'geoDataExif' in o || 'imageViews' in o;
}

/** Reads one Takeout JSON document. Never throws: bad JSON is `invalid` with the parser's reason. */
export function parseTakeoutJson(source: string): TakeoutJson {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { kind: 'invalid', error: (e as Error).message };
  }
  const o = obj(data);
  if (!o) return { kind: 'other' };
  if (isPhoto(o)) {
    return {
      kind: 'photo',
      photo: {
        title: text(o.title),
        description: text(o.description),
        takenAt: takeoutInstant(o.photoTakenTime),
        uploadedAt: takeoutInstant(o.creationTime),
        geo: takeoutPoint(o.geoData),
        geoExif: takeoutPoint(o.geoDataExif),
        favorited: o.favorited === true,
        people: names(o.people),
        trashed: o.trashed === true,
        archived: o.archived === true,
      },
    };
  }
  // Older exports wrap the album in `albumData`; newer ones put its fields at the top. An album's
  // metadata has a title (possibly empty: "Untitled" albums) and no photo fields.
  const album = obj(o.albumData) ?? o;
  if ('title' in album && typeof album.title === 'string') {
    return {
      kind: 'album',
      album: { title: text(album.title), description: text(album.description) },
    };
  }
  return { kind: 'other' };
}
