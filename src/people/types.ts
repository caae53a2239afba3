// Plain-data types of the people engine. The engine is pure: it sees faces, user decisions and
// the previous assignment, and returns people; the service (service.ts) owns the database.

/** One detected face as clustering sees it. */
export interface FaceInput {
  /** Stable face id (derived from the photo's content id and the box). */
  id: string;
  photoId: string;
  /** L2-normalised descriptor (128 values for dlib). */
  embedding: ArrayLike<number>;
  /** Combined quality 0..1 (size × sharpness × detector score, see ml/faces/quality.ts). */
  quality: number;
}

/**
 * What the user decided. These are constraints, not hints: every pass keeps them.
 *
 * - confirmed: the face IS this person (named/merged/hid a person, moved a face, confirmed a
 *   suggestion, picked a cover, or assigned a person to a face clustering left alone).
 * - rejected: the face is NOT these people ("not this person", a rejected suggestion, or the
 *   person a face was moved away from).
 * Removed faces ("not a face", "ignore") are not given to the engine at all.
 */
export interface UserConstraints {
  confirmed: ReadonlyMap<string, number>;
  rejected: ReadonlyMap<string, ReadonlySet<number>>;
}

export const NO_CONSTRAINTS: UserConstraints = { confirmed: new Map(), rejected: new Map() };

export interface ClusterOptions {
  /** Average-linkage cut (cosine distance); the one shipped threshold unless calibrating. */
  threshold: number;
  /** Faces below this quality never seed a person; they may join one. */
  seedQuality: number;
  /** Smallest group of good faces that becomes a person on its own. */
  minFaces: number;
}

export interface PersonCluster {
  /** The existing person these faces keep, or null for a new person. */
  personId: number | null;
  /** Face ids, sorted. */
  faceIds: string[];
}

export interface ClusterStats {
  faces: number;
  /** Faces good enough to seed (plus confirmed ones). */
  seeds: number;
  people: number;
  unassigned: number;
  neighbourEdges: number;
  neighbourMs: number;
  linkageMs: number;
  totalMs: number;
}

export interface ClusterResult {
  /** Sorted by their first face id. */
  people: PersonCluster[];
  /** Faces in no person (strangers seen once, low-quality faces near nobody), sorted. */
  unassigned: string[];
  stats: ClusterStats;
}
