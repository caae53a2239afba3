import type { Db } from '../connection.js';

/** Image embeddings of the optional semantic model (float32, L2-normalised). */
export class EmbeddingsRepo {
  constructor(private readonly db: Db) {}

  save(photoId: string, model: string, vector: Float32Array): void {
    this.db
      .prepare(
        `INSERT INTO photo_embeddings (photo_id, model, vector) VALUES (?, ?, ?)
         ON CONFLICT (photo_id, model) DO UPDATE SET vector = excluded.vector`,
      )
      .run(photoId, model, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
  }

  count(model: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM photo_embeddings WHERE model = ?').get(model) as {
        n: number;
      }
    ).n;
  }

  /** Live photos only: a trashed photo is not a search result. */
  all(model: string): { photo_id: string; vector: Buffer }[] {
    return this.db
      .prepare(
        `SELECT e.photo_id, e.vector FROM photo_embeddings e JOIN photos p ON p.id = e.photo_id
         WHERE e.model = ? AND p.trashed_at IS NULL`,
      )
      .all(model) as { photo_id: string; vector: Buffer }[];
  }
}
