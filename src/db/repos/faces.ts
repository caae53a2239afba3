import type { Db } from '../connection.js';

export type Box = [number, number, number, number];

export interface FaceInput {
  box: Box;
  score: number;
  quality: number;
  sizePx: number;
  blur: number;
  landmarks: Float32Array | null;
  embedding: Float32Array;
  /** A face seen in a video: the frame's time, ms from the start. */
  timeMs?: number | null;
}

/** A face to store, with the identity the people module gave it. */
export interface StoredFace {
  id: string;
  personId: number | null;
  createdAt: string;
  face: FaceInput;
}

export interface FaceRow {
  id: string;
  photo_id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
  quality: number;
  size_px: number;
  blur: number;
  landmarks: Buffer | null;
  embedding: Buffer;
  model_version: string;
  person_id: number | null;
  created_at: string;
  time_ms: number | null;
}

export function toBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function fromBlob(b: Buffer): Float32Array {
  // Copy: the driver's buffer may not be 4-byte aligned.
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/** Faces found by the AI faces stage; person_id is owned by the people module. */
export class FacesRepo {
  constructor(private readonly db: Db) {}

  /**
   * Replaces a photo's faces. Which new face is which old one (its id, person and creation time)
   * is decided by the people module (people/identity.ts matchDetectedFaces).
   */
  replaceFaces(photoId: string, faces: readonly StoredFace[], version: string): void {
    this.db.prepare('DELETE FROM faces WHERE photo_id = ?').run(photoId);
    const ins = this.db.prepare(
      `INSERT INTO faces (id, photo_id, x, y, w, h, score, quality, size_px, blur, landmarks,
         embedding, model_version, person_id, created_at, time_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const { id, personId, createdAt, face: f } of faces) {
      ins.run(
        id,
        photoId,
        ...f.box,
        f.score,
        f.quality,
        f.sizePx,
        f.blur,
        f.landmarks ? toBlob(f.landmarks) : null,
        toBlob(f.embedding),
        version,
        personId,
        createdAt,
        f.timeMs ?? null,
      );
    }
  }

  facesForPhoto(photoId: string): FaceRow[] {
    return this.db
      .prepare('SELECT * FROM faces WHERE photo_id = ? ORDER BY x')
      .all(photoId) as FaceRow[];
  }

  allFaces(): Map<string, FaceRow[]> {
    const out = new Map<string, FaceRow[]>();
    const rows = this.db
      .prepare('SELECT * FROM faces ORDER BY photo_id, x')
      .iterate() as IterableIterator<FaceRow>;
    for (const r of rows) {
      const list = out.get(r.photo_id);
      if (list) list.push(r);
      else out.set(r.photo_id, [r]);
    }
    return out;
  }
}
