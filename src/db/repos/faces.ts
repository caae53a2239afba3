import { createHash } from 'node:crypto';
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
}

/** Face ids come from the photo id and the box, so the same face found again keeps its id. */
export function faceId(photoId: string, box: Box): string {
  const key = `${photoId}:${box.map((v) => Math.round(v)).join(',')}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}

export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a[0], b[0]);
  const y1 = Math.max(a[1], b[1]);
  const x2 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y2 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
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
   * Replaces a photo's faces with a new detection. A new face that overlaps an old one (IoU ≥ 0.5)
   * inherits its id and person, so re-running detection (new model version) keeps who is who.
   */
  replaceFaces(photoId: string, faces: FaceInput[], version: string, now: string): string[] {
    const old = this.facesForPhoto(photoId);
    const taken = new Set<string>();
    const rows: { id: string; person: number | null; created: string; f: FaceInput }[] = [];
    for (const f of faces) {
      let best: FaceRow | undefined;
      let bestIou = 0.5;
      for (const o of old) {
        if (taken.has(o.id)) continue;
        const v = iou(f.box, [o.x, o.y, o.w, o.h]);
        if (v >= bestIou) {
          best = o;
          bestIou = v;
        }
      }
      if (best) {
        taken.add(best.id);
        rows.push({ id: best.id, person: best.person_id, created: best.created_at, f });
      } else {
        let id = faceId(photoId, f.box);
        while (taken.has(id)) id = faceId(photoId, [f.box[0] + 1, f.box[1], f.box[2], f.box[3]]);
        taken.add(id);
        rows.push({ id, person: null, created: now, f });
      }
    }
    this.db.prepare('DELETE FROM faces WHERE photo_id = ?').run(photoId);
    const ins = this.db.prepare(
      `INSERT INTO faces (id, photo_id, x, y, w, h, score, quality, size_px, blur, landmarks,
         embedding, model_version, person_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows) {
      const f = r.f;
      ins.run(
        r.id,
        photoId,
        ...f.box,
        f.score,
        f.quality,
        f.sizePx,
        f.blur,
        f.landmarks ? toBlob(f.landmarks) : null,
        toBlob(f.embedding),
        version,
        r.person,
        r.created,
      );
    }
    return rows.map((r) => r.id);
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
