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
  /** What a person wrote about the photo (in Picto, another program, or Google Photos). */
  description: string | null;
  /** 1–5 stars; null when unrated. */
  rating: number | null;
  /** Keyword paths, levels joined by "/" as digiKam writes them: "Places/Korea/Seoul". */
  keywords: string[];
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
    /** A face seen in a video: the time of its frame, ms from the start. */
    timeMs?: number;
  }[];
  /** 'video' for a movie file, 'live' for a Live Photo's still (its motion: `motionId`). */
  kind: 'photo' | 'video' | 'live';
  /** Videos and Live Photos: length in milliseconds. */
  durationMs?: number;
  /** Videos and Live Photos (its motion): codec, frame rate, whether a browser plays the original. */
  video?: { codec: string; fps: number; playable: boolean };
  /** A Live Photo's still: the id of its MOV (exported as a video with `liveOf`). */
  motionId?: string;
  /** The MOV of a Live Photo: the id of its still. */
  liveOf?: string;
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
