import type { Db } from '../connection.js';

type Value = string | number | null;

/**
 * Updates the row `id` of `table` with what `fields` gives for the named `columns` (undefined:
 * keep the stored value; null: store NULL) and stamps updated_at, the way every editable thing
 * (albums, people) is changed. Only the repository's own column names reach the SQL, never keys
 * of `fields` it did not name. A missing row changes nothing.
 */
export function updateRow<C extends string>(
  db: Db,
  table: string,
  columns: readonly C[],
  id: number,
  fields: Partial<Record<C, Value>>,
  now: string,
): void {
  const set = columns.filter((c) => fields[c] !== undefined);
  db.prepare(
    `UPDATE ${table} SET ${set.map((c) => `${c} = ?, `).join('')}updated_at = ? WHERE id = ?`,
  ).run(...set.map((c) => fields[c]), now, id);
}
