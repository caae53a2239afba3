import type { Db } from '../connection.js';
import { updateRow } from './update-row.js';
import type { TimelineRow } from './timeline.js';
import { fromBlob, type FaceRow } from './faces.js';

export interface PersonRow {
  id: number;
  name: string | null;
  hidden: number;
  cover_face_id: string | null;
  merged_into: number | null;
  created_at: string;
  updated_at: string;
}

export interface PersonSummaryRow extends PersonRow {
  face_count: number;
  photo_count: number;
  /** The chosen cover if it is still this person's, else the best face. */
  cover: string | null;
}

/** A face as clustering sees it. */
export interface ClusterFaceRow {
  id: string;
  photo_id: string;
  quality: number;
  embedding: Float32Array;
  person_id: number | null;
}

/** The slim photo row a grid draws (same columns as the timeline's). */
export type PersonPhotoRow = TimelineRow;

/** A face row's box and person, with what the photo adds. */
export interface PersonFaceRow extends Pick<
  FaceRow,
  'id' | 'photo_id' | 'x' | 'y' | 'w' | 'h' | 'quality' | 'person_id'
> {
  /** Photo size the box refers to (oriented original pixels). */
  width: number | null;
  height: number | null;
  content_hash: string;
}

/** People (migration 8) and the people side of the faces table (person_id is ours). */
export class PeopleRepo {
  constructor(private readonly db: Db) {}

  insert(name: string | null, now: string): number {
    const info = this.db
      .prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run(name, now, now);
    return Number(info.lastInsertRowid);
  }

  get(id: number): PersonRow | undefined {
    return this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  }

  /** The live person an id stands for (following merges), if any. */
  resolve(id: number): PersonRow | undefined {
    let p = this.get(id);
    for (let hops = 0; p?.merged_into != null && hops < 64; hops++) p = this.get(p.merged_into);
    return p?.merged_into == null ? p : undefined;
  }

  /** The live person with this name (case folded), the oldest if several share it. */
  byName(name: string): PersonRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM people WHERE merged_into IS NULL AND name = ? COLLATE NOCASE
         ORDER BY id LIMIT 1`,
      )
      .get(name.trim()) as PersonRow | undefined;
  }

  liveIds(): number[] {
    return (
      this.db.prepare('SELECT id FROM people WHERE merged_into IS NULL').all() as { id: number }[]
    ).map((r) => r.id);
  }

  update(
    id: number,
    fields: { name?: string | null; hidden?: boolean; cover_face_id?: string | null },
    now: string,
  ): void {
    const hidden = fields.hidden === undefined ? undefined : fields.hidden ? 1 : 0;
    const columns = ['name', 'hidden', 'cover_face_id'] as const;
    updateRow(this.db, 'people', columns, id, { ...fields, hidden }, now);
  }

  /** `from` becomes an alias of `to`, and so do its own aliases. */
  markMerged(from: number, to: number, now: string): void {
    this.db
      .prepare('UPDATE people SET merged_into = ?, updated_at = ? WHERE merged_into = ?')
      .run(to, now, from);
    this.db
      .prepare('UPDATE people SET merged_into = ?, updated_at = ? WHERE id = ?')
      .run(to, now, from);
  }

  /**
   * Deletes people the algorithm made and nobody touched once they have no faces: no name, not
   * hidden, no cover, nothing confirmed, not an alias target.
   */
  deleteEmptyUntouched(): number {
    return this.db
      .prepare(
        `DELETE FROM people WHERE merged_into IS NULL AND name IS NULL AND hidden = 0
           AND cover_face_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM faces f WHERE f.person_id = people.id)
           AND NOT EXISTS (SELECT 1 FROM face_feedback b WHERE b.person_id = people.id)
           AND NOT EXISTS (SELECT 1 FROM people a WHERE a.merged_into = people.id)`,
      )
      .run().changes;
  }

  /**
   * Live people with face and photo counts (photos in the trash do not count) and a cover face.
   * One pass over the faces index; the cover falls back to the sharpest, largest face.
   */
  summaries(): PersonSummaryRow[] {
    return this.db
      .prepare(
        `WITH counts AS (
           SELECT f.person_id AS pid, COUNT(*) AS face_count, COUNT(DISTINCT f.photo_id) AS photo_count
           FROM faces f JOIN photos ph ON ph.id = f.photo_id AND ph.trashed_at IS NULL
           WHERE f.person_id IS NOT NULL GROUP BY f.person_id),
         best AS (
           SELECT pid, id FROM (
             SELECT f.person_id AS pid, f.id,
               ROW_NUMBER() OVER (PARTITION BY f.person_id ORDER BY f.quality DESC, f.size_px DESC, f.id) AS rn
             FROM faces f JOIN photos ph ON ph.id = f.photo_id AND ph.trashed_at IS NULL
             WHERE f.person_id IS NOT NULL)
           WHERE rn = 1)
         SELECT p.*, COALESCE(c.face_count, 0) AS face_count, COALESCE(c.photo_count, 0) AS photo_count,
           COALESCE((SELECT cf.id FROM faces cf WHERE cf.id = p.cover_face_id AND cf.person_id = p.id), b.id) AS cover
         FROM people p LEFT JOIN counts c ON c.pid = p.id LEFT JOIN best b ON b.pid = p.id
         WHERE p.merged_into IS NULL`,
      )
      .all() as PersonSummaryRow[];
  }

  /** Every face not removed by the user, for a clustering pass. */
  *clusteringFaces(): Generator<ClusterFaceRow> {
    const rows = this.db
      .prepare(
        `SELECT f.id, f.photo_id, f.quality, f.embedding, f.person_id FROM faces f
         WHERE NOT EXISTS (SELECT 1 FROM face_feedback b WHERE b.face_id = f.id AND b.kind = 'removed')`,
      )
      .iterate() as IterableIterator<Omit<ClusterFaceRow, 'embedding'> & { embedding: Buffer }>;
    for (const r of rows) yield { ...r, embedding: fromBlob(r.embedding) };
  }

  /** Faces in no person, not removed, created after `since` (ISO time; '' = all). */
  *unassignedFaces(since = ''): Generator<ClusterFaceRow> {
    const rows = this.db
      .prepare(
        `SELECT f.id, f.photo_id, f.quality, f.embedding, f.person_id FROM faces f
         WHERE f.person_id IS NULL AND f.created_at > ?
           AND NOT EXISTS (SELECT 1 FROM face_feedback b WHERE b.face_id = f.id AND b.kind = 'removed')`,
      )
      .iterate(since) as IterableIterator<
      Omit<ClusterFaceRow, 'embedding'> & { embedding: Buffer }
    >;
    for (const r of rows) yield { ...r, embedding: fromBlob(r.embedding) };
  }

  /** How many faces unassigned() would yield, without reading descriptors. */
  countUnassigned(since = ''): number {
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM faces f WHERE f.person_id IS NULL AND f.created_at > ?
             AND NOT EXISTS (SELECT 1 FROM face_feedback b WHERE b.face_id = f.id AND b.kind = 'removed')`,
        )
        .get(since) as { n: number }
    ).n;
  }

  /** Descriptors of every assigned face, for the per-person summaries. */
  *assignedEmbeddings(): Generator<{ person_id: number; embedding: Float32Array }> {
    const rows = this.db
      .prepare('SELECT person_id, embedding FROM faces WHERE person_id IS NOT NULL')
      .iterate() as IterableIterator<{ person_id: number; embedding: Buffer }>;
    for (const r of rows) yield { person_id: r.person_id, embedding: fromBlob(r.embedding) };
  }

  face(id: string):
    | (PersonFaceRow & {
        embedding: Float32Array;
        preview_width: number | null;
        preview_height: number | null;
      })
    | undefined {
    const r = this.db
      .prepare(
        `SELECT f.id, f.photo_id, f.x, f.y, f.w, f.h, f.quality, f.person_id, f.embedding,
           ph.width, ph.height, ph.content_hash, ph.preview_width, ph.preview_height
         FROM faces f JOIN photos ph ON ph.id = f.photo_id WHERE f.id = ?`,
      )
      .get(id) as
      | (PersonFaceRow & {
          embedding: Buffer;
          preview_width: number | null;
          preview_height: number | null;
        })
      | undefined;
    return r && { ...r, embedding: fromBlob(r.embedding) };
  }

  /** What a face crop's URL is made of: the box and its photo's content (no embedding read). */
  cropFacts(
    id: string,
  ): { content_hash: string; x: number; y: number; w: number; h: number } | undefined {
    return this.db
      .prepare(
        `SELECT ph.content_hash, f.x, f.y, f.w, f.h FROM faces f JOIN photos ph ON ph.id = f.photo_id
         WHERE f.id = ?`,
      )
      .get(id) as { content_hash: string; x: number; y: number; w: number; h: number } | undefined;
  }

  /** Faces of some photos, with the person they belong to (the viewer's face boxes). */
  facesInPhoto(photoId: string): PersonFaceRow[] {
    return this.db
      .prepare(
        `SELECT f.id, f.photo_id, f.x, f.y, f.w, f.h, f.quality, f.person_id, ph.width, ph.height, ph.content_hash
         FROM faces f JOIN photos ph ON ph.id = f.photo_id
         WHERE f.photo_id = ? AND NOT EXISTS
           (SELECT 1 FROM face_feedback b WHERE b.face_id = f.id AND b.kind = 'removed')
         ORDER BY f.x`,
      )
      .all(photoId) as PersonFaceRow[];
  }

  /** Other people already in a photo. */
  peopleInPhoto(photoId: string): Set<number> {
    const rows = this.db
      .prepare('SELECT DISTINCT person_id FROM faces WHERE photo_id = ? AND person_id IS NOT NULL')
      .all(photoId) as { person_id: number }[];
    return new Set(rows.map((r) => r.person_id));
  }

  faceIdsOf(personId: number): string[] {
    return (
      this.db.prepare('SELECT id FROM faces WHERE person_id = ? ORDER BY id').all(personId) as {
        id: string;
      }[]
    ).map((r) => r.id);
  }

  /** A person's faces, newest photo first (keyset paging on the photo's timeline key). */
  facesOf(personId: number, limit: number, offset = 0): (PersonFaceRow & { sort_at: string })[] {
    return this.db
      .prepare(
        `SELECT f.id, f.photo_id, f.x, f.y, f.w, f.h, f.quality, f.person_id, ph.width, ph.height,
           ph.content_hash, ph.sort_at
         FROM faces f JOIN photos ph ON ph.id = f.photo_id AND ph.trashed_at IS NULL
         WHERE f.person_id = ? ORDER BY ph.sort_at DESC, ph.id DESC, f.id LIMIT ? OFFSET ?`,
      )
      .all(personId, limit, offset) as (PersonFaceRow & { sort_at: string })[];
  }

  /** Photos of any of these people, newest first. */
  photoIdsOf(personIds: readonly number[], limit: number, offset = 0): string[] {
    if (!personIds.length) return [];
    const marks = personIds.map(() => '?').join(',');
    return (
      this.db
        .prepare(
          `SELECT ph.id FROM photos ph WHERE ph.trashed_at IS NULL AND ph.id IN
             (SELECT photo_id FROM faces WHERE person_id IN (${marks}))
           ORDER BY ph.sort_at DESC, ph.id DESC LIMIT ? OFFSET ?`,
        )
        .all(...personIds, limit, offset) as { id: string }[]
    ).map((r) => r.id);
  }

  /** A page of a person's photos, newest first (keyset on sort_at, id like the timeline). */
  personPage(
    personId: number,
    opts: { limit: number; month?: string; after?: { sortAt: string; id: string } },
  ): PersonPhotoRow[] {
    const where = [
      'p.trashed_at IS NULL',
      'p.id IN (SELECT photo_id FROM faces WHERE person_id = ?)',
    ];
    const params: unknown[] = [personId];
    if (opts.month) {
      const [y, m] = opts.month.split('-').map(Number);
      where.push('p.sort_at >= ? AND p.sort_at < ?');
      params.push(opts.month, m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
    }
    if (opts.after) {
      where.push('(p.sort_at, p.id) < (?, ?)');
      params.push(opts.after.sortAt, opts.after.id);
    }
    return this.db
      .prepare(
        `SELECT p.id, p.content_hash, p.sort_at, p.width, p.height, p.thumb_width, p.thumb_height,
           p.favourite, p.status, p.kind, p.duration_ms
         FROM photos p WHERE ${where.join(' AND ')} ORDER BY p.sort_at DESC, p.id DESC LIMIT ?`,
      )
      .all(...params, opts.limit) as PersonPhotoRow[];
  }

  /** A person's photos per month, newest first. */
  personBuckets(personId: number): { month: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT substr(p.sort_at, 1, 7) AS month, COUNT(*) AS count FROM photos p
         WHERE p.trashed_at IS NULL AND p.id IN (SELECT photo_id FROM faces WHERE person_id = ?)
         GROUP BY month ORDER BY month DESC`,
      )
      .all(personId) as { month: string; count: number }[];
  }

  /** Sets person_id of many faces (one statement reused; call inside a transaction). */
  assign(changes: Iterable<readonly [faceId: string, personId: number | null]>): number {
    const st = this.db.prepare('UPDATE faces SET person_id = ? WHERE id = ?');
    let n = 0;
    for (const [face, person] of changes) n += st.run(person, face).changes;
    return n;
  }

  /**
   * Sets person_id of faces that still have the person a pass read (`from`): a face someone
   * else changed since (a user's move, "not this person", merge, undo) is left as they made it.
   * Call inside a transaction; returns how many faces changed.
   */
  reassign(changes: Iterable<{ face: string; from: number | null; to: number | null }>): number {
    const st = this.db.prepare('UPDATE faces SET person_id = ? WHERE id = ? AND person_id IS ?');
    let n = 0;
    for (const c of changes) n += st.run(c.to, c.face, c.from).changes;
    return n;
  }

  /** Moves every face of one person to another (a merge). */
  moveAll(from: number, to: number): number {
    return this.db.prepare('UPDATE faces SET person_id = ? WHERE person_id = ?').run(to, from)
      .changes;
  }

  /**
   * Makes faces agree with every user decision: confirmed faces in their person, removed faces
   * and faces rejected for their current person in nobody. Runs after every automatic change, so
   * a correction holds even if the user made it while a pass was computing.
   */
  enforceFeedback(): number {
    let n = this.db
      .prepare(
        `UPDATE faces SET person_id = (SELECT b.person_id FROM face_feedback b WHERE b.face_id = faces.id)
         WHERE id IN (SELECT face_id FROM face_feedback WHERE kind = 'confirmed')
           AND person_id IS NOT (SELECT b.person_id FROM face_feedback b WHERE b.face_id = faces.id)`,
      )
      .run().changes;
    n += this.db
      .prepare(
        `UPDATE faces SET person_id = NULL WHERE person_id IS NOT NULL
           AND (id IN (SELECT face_id FROM face_feedback WHERE kind = 'removed')
             OR EXISTS (SELECT 1 FROM face_rejections r WHERE r.face_id = faces.id AND r.person_id = faces.person_id))`,
      )
      .run().changes;
    return n;
  }

  /**
   * enforceFeedback() for some faces only (those a chunk of a pass just wrote): each face is
   * looked up by id, its decisions through their indexes, so the cost follows the faces given,
   * not the size of the library or of its decisions.
   */
  enforceFeedbackOn(faceIds: readonly string[]): number {
    if (!faceIds.length) return 0;
    const ids = JSON.stringify(faceIds);
    let n = this.db
      .prepare(
        `UPDATE faces SET person_id =
           (SELECT b.person_id FROM face_feedback b WHERE b.face_id = faces.id AND b.kind = 'confirmed')
         WHERE id IN (SELECT value FROM json_each(?))
           AND EXISTS (SELECT 1 FROM face_feedback b WHERE b.face_id = faces.id
             AND b.kind = 'confirmed' AND b.person_id IS NOT faces.person_id)`,
      )
      .run(ids).changes;
    n += this.db
      .prepare(
        `UPDATE faces SET person_id = NULL WHERE id IN (SELECT value FROM json_each(?))
           AND person_id IS NOT NULL
           AND (EXISTS (SELECT 1 FROM face_feedback b WHERE b.face_id = faces.id AND b.kind = 'removed')
             OR EXISTS (SELECT 1 FROM face_rejections r WHERE r.face_id = faces.id AND r.person_id = faces.person_id))`,
      )
      .run(ids).changes;
    return n;
  }

  /** Faces carrying person ids that no longer stand for a live person go back to nobody. */
  clearDanglingAssignments(): number {
    return this.db
      .prepare(
        `UPDATE faces SET person_id = NULL WHERE person_id IS NOT NULL AND person_id NOT IN
           (SELECT id FROM people WHERE merged_into IS NULL)`,
      )
      .run().changes;
  }

  countFaces(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n;
  }

  /** Export: person of every face. */
  assignments(): Map<string, number | null> {
    const rows = this.db.prepare('SELECT id, person_id FROM faces').all() as {
      id: string;
      person_id: number | null;
    }[];
    return new Map(rows.map((r) => [r.id, r.person_id]));
  }
}
