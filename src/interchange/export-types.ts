// The JSON shape of `picto export --json`: a public interface, extend it, never break it.

export interface ExportedPhoto {
  id: string;
  paths: string[];
  contentHash: string;
  size: number;
  width: number | null;
  height: number | null;
  format: string | null;
  mime: string | null;
  /** ISO 8601 local time, with the offset when the file records one. */
  takenAt: string | null;
  /** exif, xmp, filename, file-mtime, … or "user": set in Picto (see `edits`). */
  takenAtSource: string | null;
  camera: { make: string | null; model: string | null; lens: string | null };
  gps: { lat: number; lon: number; alt: number | null } | null;
  orientation: number | null;
  favourite: boolean;
  trashed: boolean;
  albums: string[];
  status: 'pending' | 'ready' | 'error';
  error?: string;
  /**
   * Present when the date or the position was set in Picto (stored in the catalogue, never in the
   * file; `takenAt` and `gps` above are the user's): which, and what the file itself says.
   */
  edits?: {
    date: boolean;
    place: boolean;
    file: {
      takenAt: string | null;
      takenAtSource: string | null;
      gps: { lat: number; lon: number; alt: number | null } | null;
    };
  };
  /** Objects found by the AI stage; box = [x, y, w, h] in displayed-photo pixels. */
  tags: { label: string; score: number; box: [number, number, number, number] }[];
  /**
   * Faces found by the AI stage; box = [x, y, w, h] in displayed-photo pixels; personId = the
   * person the face belongs to (see `people`), null when it is nobody yet.
   */
  faces: {
    id: string;
    box: [number, number, number, number];
    score: number;
    quality: number;
    personId: number | null;
  }[];
  /**
   * What kind of photo it is (screenshot, document, selfie, panorama, night, group, portrait,
   * food, pets, vehicles, sports), with the confidence and the reason; subtype 'receipt' for a
   * receipt. Categories the user removed the photo from are not listed.
   */
  categories: { name: string; score: number; reason: string; subtype?: string }[];
}

export interface ExportedAlbum {
  id: number;
  name: string;
  description: string;
  photoCount: number;
  photos: string[];
}

export interface ExportedPerson {
  id: number;
  name: string | null;
  faceCount: number;
  hidden: boolean;
}

export interface ExportDocument {
  version: 1;
  exportedAt: string;
  photos: ExportedPhoto[];
  albums: ExportedAlbum[];
  /** People (faces grouped by who they are); faces[].personId points here. */
  people: ExportedPerson[];
  /** Files that could not be read at all (no content, so no photo). */
  issues: { path: string; error: string }[];
}
