import type { Db } from './connection.js';

/**
 * A slice of the photos table by rowid, `after < rowid <= upTo`: a pass over every photo that
 * runs while people use the app takes the table a slice at a time (`search/photo-walk.ts`).
 */
export interface PhotoWindow {
  after: number;
  upTo: number;
}

/** The largest photo rowid (0 for none): where a walk over the photos table ends. */
export function lastPhotoRowid(db: Db): number {
  const row = db.prepare('SELECT MAX(rowid) AS n FROM photos').get() as { n: number | null };
  return row.n ?? 0;
}

/** SQL and its parameters restricting `alias`'s photos to the window (none without one). */
export function windowSql(alias: string, w?: PhotoWindow): { sql: string; args: number[] } {
  return w
    ? { sql: `AND ${alias}.rowid > ? AND ${alias}.rowid <= ?`, args: [w.after, w.upTo] }
    : { sql: '', args: [] };
}
