// What users do with people, as transactions on the catalogue. Each verb changes faces.person_id
// at once (the UI shows the result immediately) AND records the decision as a constraint
// (face_feedback, face_rejections), so every later clustering pass, incremental or from scratch,
// keeps it.
//
// [Note: acting on a person anchors it] Naming, hiding, merging, picking a cover or rejecting a
// face of a person means the user looked at that person as shown: its current faces become
// confirmed. From then on the person is a label in clustering (linkage.ts): its faces never leave
// it by themselves, it never merges with another labelled person, and its id and name survive
// any re-clustering. Faces the user never saw may still join it. Google Photos behaves the same
// way: once you name someone, the faces you saw stay theirs until you say otherwise. Immich loses
// names on re-runs because it has no such anchor.

import { PictoError } from '../shared/errors.js';
import { cleanName } from '../shared/names.js';
import type { Repos } from '../db/index.js';
import type { PersonRow } from '../db/repos/people.js';

const MAX_NAME = 200;

export interface CorrectionDeps {
  repos: Repos;
  now: () => string;
  /** Called after every committed decision with the people it touched. */
  changed: (ids: number[]) => void;
}

export type PersonTarget = { personId: number } | { name: string };

export class Corrections {
  constructor(private readonly d: CorrectionDeps) {}

  private tx<T>(fn: () => T): T {
    return this.d.repos.db.transaction(fn)();
  }

  /** The live person behind an id (following merges), or a 404. */
  person(id: number): PersonRow {
    const p = this.d.repos.people.resolve(id);
    if (!p) throw new PictoError('not-found', `no person with id ${id}`);
    return p;
  }

  private face(id: string) {
    const f = this.d.repos.people.face(id);
    if (!f) throw new PictoError('not-found', `no face with id ${id}`);
    return f;
  }

  private anchor(personId: number): void {
    this.d.repos.faceFeedback.confirmCurrentFaces(personId, this.d.now());
  }

  /** A person to put a face in: an existing one, or a new one with this name. */
  private target(t: PersonTarget): number {
    if ('personId' in t) return this.person(t.personId).id;
    return this.d.repos.people.insert(personName(t.name), this.d.now());
  }

  rename(id: number, name: string | null): PersonRow {
    const p = this.person(id);
    this.tx(() => {
      this.d.repos.people.update(
        p.id,
        { name: name === null ? null : personName(name) },
        this.d.now(),
      );
      this.anchor(p.id);
    });
    this.d.changed([p.id]);
    return this.person(p.id);
  }

  setHidden(id: number, hidden: boolean): PersonRow {
    const p = this.person(id);
    this.tx(() => {
      this.d.repos.people.update(p.id, { hidden }, this.d.now());
      this.anchor(p.id);
    });
    this.d.changed([p.id]);
    return this.person(p.id);
  }

  setCover(id: number, faceId: string): PersonRow {
    const p = this.person(id);
    const f = this.face(faceId);
    if (f.person_id !== p.id)
      throw new PictoError('invalid', `face ${faceId} is not in person ${p.id}`);
    this.tx(() => {
      this.d.repos.people.update(p.id, { cover_face_id: faceId }, this.d.now());
      this.anchor(p.id);
    });
    this.d.changed([p.id]);
    return this.person(p.id);
  }

  /**
   * Merges people into `into`: their faces, confirmations and rejections follow; the merged ids
   * stay as aliases. The kept name is `into`'s, else the first source's that has one.
   */
  merge(sources: readonly number[], into: number): PersonRow {
    const target = this.person(into);
    const from = [...new Set(sources.map((s) => this.person(s).id))].filter((s) => s !== target.id);
    if (!from.length)
      throw new PictoError('invalid', 'nothing to merge: give at least one other person');
    const now = this.d.now();
    this.tx(() => {
      this.anchor(target.id);
      let name = target.name;
      for (const s of from) {
        this.anchor(s);
        name ??= this.d.repos.people.get(s)?.name ?? null;
        this.d.repos.faceFeedback.repoint(s, target.id);
        this.d.repos.people.moveAll(s, target.id);
        this.d.repos.people.markMerged(s, target.id, now);
      }
      if (name !== target.name) this.d.repos.people.update(target.id, { name }, now);
    });
    this.d.changed([target.id, ...from]);
    return this.person(target.id);
  }

  /**
   * Puts a face in a person: "move" when it was in another one (which it is then NOT), "assign"
   * when clustering had left it alone. Returns the person it is in now.
   */
  moveFace(faceId: string, to: PersonTarget): PersonRow {
    const f = this.face(faceId);
    const touched: number[] = [];
    const id = this.tx(() => {
      const dest = this.target(to);
      const now = this.d.now();
      this.d.repos.people.assign([[faceId, dest]]);
      this.d.repos.faceFeedback.confirm([faceId], dest, now);
      if (f.person_id !== null && f.person_id !== dest) {
        this.d.repos.faceFeedback.reject([faceId], f.person_id, now);
        this.anchor(f.person_id);
        touched.push(f.person_id);
      }
      return dest;
    });
    this.d.changed([id, ...touched]);
    return this.person(id);
  }

  /** "Not this person": the face leaves the person for good (default: its current person). */
  rejectFace(faceId: string, personId?: number): void {
    const f = this.face(faceId);
    const p = personId !== undefined ? this.person(personId).id : f.person_id;
    if (p === null) throw new PictoError('invalid', `face ${faceId} is in no person`);
    const fb = this.d.repos.faceFeedback;
    this.tx(() => {
      const was = { member: f.person_id === p, confirmed: fb.confirmedAs(faceId) === p };
      if (was.member) this.d.repos.people.assign([[faceId, null]]);
      fb.rejectRemembering(faceId, p, this.d.now(), was);
      this.anchor(p);
    });
    this.d.changed([p]);
  }

  /**
   * Takes a "not this person" back exactly: the rejection goes, and a face that was in the person
   * and is in no one now returns to it, confirmed only if it was confirmed before. A face another
   * person has taken meanwhile stays there. Returns whether the face went back.
   */
  undoReject(faceId: string, personId: number): boolean {
    const f = this.face(faceId);
    const p = this.person(personId).id;
    const fb = this.d.repos.faceFeedback;
    const r = fb.rejection(faceId, p);
    if (!r) return false;
    const back = r.was_member === 1 && f.person_id === null && !fb.isRemoved(faceId);
    this.tx(() => {
      fb.unreject(faceId, p);
      if (!back) return;
      this.d.repos.people.assign([[faceId, p]]);
      if (r.was_confirmed === 1) fb.confirm([faceId], p, this.d.now());
    });
    this.d.changed([p]);
    return back;
  }

  /** Not a face, or not one to group: out of every person and every pass until restored. */
  removeFace(faceId: string): void {
    const f = this.face(faceId);
    this.tx(() => {
      this.d.repos.faceFeedback.remove(faceId, this.d.now());
      this.d.repos.people.assign([[faceId, null]]);
    });
    this.d.changed(f.person_id !== null ? [f.person_id] : []);
  }

  /** Undoes removeFace(): clustering decides about the face again. */
  restoreFace(faceId: string): void {
    this.face(faceId);
    if (!this.d.repos.faceFeedback.isRemoved(faceId)) return;
    this.tx(() => this.d.repos.faceFeedback.clear(faceId));
    this.d.changed([]);
  }

  /** Suggestions accepted: whole people merge in, single faces are confirmed. */
  confirmSuggestions(
    target: number,
    personIds: readonly number[],
    faceIds: readonly string[],
  ): PersonRow {
    const t = this.person(target);
    if (personIds.length) this.merge(personIds, t.id);
    if (faceIds.length) {
      for (const f of faceIds) this.face(f);
      this.tx(() => {
        this.anchor(t.id);
        this.d.repos.faceFeedback.confirm(faceIds, t.id, this.d.now());
        this.d.repos.people.assign(faceIds.map((f) => [f, t.id] as const));
      });
      this.d.changed([t.id]);
    }
    return this.person(t.id);
  }

  /** Suggestions declined: every face shown is "not this person", remembered. */
  rejectSuggestions(
    target: number,
    personIds: readonly number[],
    faceIds: readonly string[],
  ): void {
    const t = this.person(target);
    const faces = [...faceIds];
    for (const p of personIds) faces.push(...this.d.repos.people.faceIdsOf(this.person(p).id));
    this.tx(() => {
      this.anchor(t.id);
      this.d.repos.faceFeedback.reject(faces, t.id, this.d.now());
      // A face shown as a suggestion is not in the target; if it somehow is, it leaves.
      this.d.repos.people.enforceFeedback();
    });
    this.d.changed([t.id]);
  }
}

function personName(name: string): string | null {
  return cleanName(name, "a person's name", MAX_NAME) || null;
}
