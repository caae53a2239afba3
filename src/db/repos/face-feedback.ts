import type { Db } from '../connection.js';

/** What the user decided about faces (migration 8): the constraints of every clustering pass. */
export interface FeedbackSnapshot {
  /** face id → person id the user confirmed. */
  confirmed: Map<string, number>;
  /** face id → person ids the face is not. */
  rejected: Map<string, Set<number>>;
  /** Faces the user removed (not a face / ignore). */
  removed: Set<string>;
}

export class FaceFeedbackRepo {
  constructor(private readonly db: Db) {}

  snapshot(): FeedbackSnapshot {
    const confirmed = new Map<string, number>();
    const removed = new Set<string>();
    for (const r of this.db
      .prepare('SELECT face_id, kind, person_id FROM face_feedback')
      .iterate() as IterableIterator<{ face_id: string; kind: string; person_id: number | null }>) {
      if (r.kind === 'removed') removed.add(r.face_id);
      else if (r.person_id !== null) confirmed.set(r.face_id, r.person_id);
    }
    const rejected = new Map<string, Set<number>>();
    for (const r of this.db
      .prepare('SELECT face_id, person_id FROM face_rejections')
      .iterate() as IterableIterator<{ face_id: string; person_id: number }>) {
      let s = rejected.get(r.face_id);
      if (!s) rejected.set(r.face_id, (s = new Set()));
      s.add(r.person_id);
    }
    return { confirmed, rejected, removed };
  }

  /** The face IS this person: overrides an earlier rejection of the same person or a removal. */
  confirm(faceIds: readonly string[], personId: number, now: string): void {
    const up = this.db.prepare(
      `INSERT INTO face_feedback (face_id, kind, person_id, at) VALUES (?, 'confirmed', ?, ?)
       ON CONFLICT (face_id) DO UPDATE SET kind = 'confirmed', person_id = excluded.person_id, at = excluded.at`,
    );
    const unreject = this.db.prepare(
      'DELETE FROM face_rejections WHERE face_id = ? AND person_id = ?',
    );
    for (const id of faceIds) {
      up.run(id, personId, now);
      unreject.run(id, personId);
    }
  }

  /** Confirms every face the person has now (the user acted on the person as shown). */
  confirmCurrentFaces(personId: number, now: string): number {
    return this.db
      .prepare(
        `INSERT INTO face_feedback (face_id, kind, person_id, at)
         SELECT f.id, 'confirmed', f.person_id, ? FROM faces f
         WHERE f.person_id = ? AND NOT EXISTS (SELECT 1 FROM face_feedback b WHERE b.face_id = f.id)`,
      )
      .run(now, personId).changes;
  }

  /** The face is NOT this person; a confirmation of that same person is withdrawn. */
  reject(faceIds: readonly string[], personId: number, now: string): void {
    const ins = this.db.prepare(
      'INSERT OR IGNORE INTO face_rejections (face_id, person_id, at) VALUES (?, ?, ?)',
    );
    const unconfirm = this.db.prepare(
      `DELETE FROM face_feedback WHERE face_id = ? AND kind = 'confirmed' AND person_id = ?`,
    );
    for (const id of faceIds) {
      ins.run(id, personId, now);
      unconfirm.run(id, personId);
    }
  }

  /**
   * One "not this person", remembering how the face stood with the person (migration 14), so
   * that it can be taken back exactly (see Corrections.undoReject).
   */
  rejectRemembering(
    faceId: string,
    personId: number,
    now: string,
    was: { member: boolean; confirmed: boolean },
  ): void {
    this.db
      .prepare(
        `INSERT INTO face_rejections (face_id, person_id, at, was_member, was_confirmed)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (face_id, person_id) DO UPDATE SET at = excluded.at,
           was_member = max(was_member, excluded.was_member),
           was_confirmed = max(was_confirmed, excluded.was_confirmed)`,
      )
      .run(faceId, personId, now, was.member ? 1 : 0, was.confirmed ? 1 : 0);
    this.db
      .prepare(
        `DELETE FROM face_feedback WHERE face_id = ? AND kind = 'confirmed' AND person_id = ?`,
      )
      .run(faceId, personId);
  }

  /** A "not this person" as stored, or undefined. */
  rejection(
    faceId: string,
    personId: number,
  ): { was_member: number; was_confirmed: number } | undefined {
    return this.db
      .prepare(
        'SELECT was_member, was_confirmed FROM face_rejections WHERE face_id = ? AND person_id = ?',
      )
      .get(faceId, personId) as { was_member: number; was_confirmed: number } | undefined;
  }

  /** Forgets one "not this person". */
  unreject(faceId: string, personId: number): void {
    this.db
      .prepare('DELETE FROM face_rejections WHERE face_id = ? AND person_id = ?')
      .run(faceId, personId);
  }

  /** The person a face is confirmed as, or null. */
  confirmedAs(faceId: string): number | null {
    const r = this.db
      .prepare(`SELECT person_id FROM face_feedback WHERE face_id = ? AND kind = 'confirmed'`)
      .get(faceId) as { person_id: number | null } | undefined;
    return r?.person_id ?? null;
  }

  /** Not a face, or not to be clustered: taken out of every pass until restored. */
  remove(faceId: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO face_feedback (face_id, kind, person_id, at) VALUES (?, 'removed', NULL, ?)
         ON CONFLICT (face_id) DO UPDATE SET kind = 'removed', person_id = NULL, at = excluded.at`,
      )
      .run(faceId, now);
  }

  /** Forgets a removal or confirmation (the face is the algorithm's again). */
  clear(faceId: string): void {
    this.db.prepare('DELETE FROM face_feedback WHERE face_id = ?').run(faceId);
  }

  isRemoved(faceId: string): boolean {
    return !!this.db
      .prepare(`SELECT 1 FROM face_feedback WHERE face_id = ? AND kind = 'removed'`)
      .get(faceId);
  }

  /** Person ids a face was rejected for. */
  rejectionsOf(faceId: string): Set<number> {
    const rows = this.db
      .prepare('SELECT person_id FROM face_rejections WHERE face_id = ?')
      .all(faceId) as { person_id: number }[];
    return new Set(rows.map((r) => r.person_id));
  }

  /** Face ids rejected for a person. */
  rejectedFor(personId: number): Set<string> {
    const rows = this.db
      .prepare('SELECT face_id FROM face_rejections WHERE person_id = ?')
      .all(personId) as { face_id: string }[];
    return new Set(rows.map((r) => r.face_id));
  }

  /** Per person: how many of its faces were rejected for `target`. */
  rejectedCountsFor(target: number): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT f.person_id AS person, COUNT(*) AS n FROM face_rejections r
         JOIN faces f ON f.id = r.face_id
         WHERE r.person_id = ? AND f.person_id IS NOT NULL GROUP BY f.person_id`,
      )
      .all(target) as { person: number; n: number }[];
    return new Map(rows.map((r) => [r.person, r.n]));
  }

  /**
   * A merge of `from` into `to`: confirmations follow, and "not from" becomes "not to" (they are
   * one person now), except for faces the user confirmed as `to` (the latest word wins).
   */
  repoint(from: number, to: number): void {
    this.db.prepare('UPDATE face_feedback SET person_id = ? WHERE person_id = ?').run(to, from);
    this.db
      .prepare(
        `INSERT OR IGNORE INTO face_rejections (face_id, person_id, at)
         SELECT face_id, ?, at FROM face_rejections WHERE person_id = ?`,
      )
      .run(to, from);
    this.db.prepare('DELETE FROM face_rejections WHERE person_id = ?').run(from);
    this.db
      .prepare(
        `DELETE FROM face_rejections WHERE person_id = ? AND face_id IN
           (SELECT face_id FROM face_feedback WHERE kind = 'confirmed' AND person_id = ?)`,
      )
      .run(to, to);
  }

  /** Whether the user has acted on this person (it has confirmed faces). */
  isAnchored(personId: number): boolean {
    return !!this.db
      .prepare(`SELECT 1 FROM face_feedback WHERE person_id = ? AND kind = 'confirmed' LIMIT 1`)
      .get(personId);
  }
}
