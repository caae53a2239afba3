// Writing a consolidation pass's answer (pass-plan.ts) on the main thread, in small transactions
// with a turn of the event loop between them: at 100k faces one transaction held the server for a
// second, every gallery request waiting behind it.
//
// [Note: chunked writes and decisions] Between two chunks the user may act (rename, merge, move
// a face, "not this person", undo). Three rules keep every such decision winning over the pass,
// which was computed without it:
//   - a face is written only if it still has the person the pass read (PeopleRepo.reassign):
//     a face the user moved, took out or brought back meanwhile stays where the user put it;
//   - the faces a chunk wrote are made to agree with every decision in the same transaction
//     (enforceFeedbackOn), so a face a rename has just anchored never leaves its person,
//     not even until the pass ends;
//   - person ids are followed through merges again after every decision (the decision counter
//     moved), so faces meant for a person merged meanwhile go to the person it became.
// With no decision during the pass the result is exactly that of one transaction.

import type { Repos } from '../db/index.js';
import { PlanReader, type PassPlan } from './pass-plan.js';

/**
 * Assignments written per transaction. In a 60k-face catalogue a chunk of 250 took a median 11 ms
 * of CPU (31 ms at most, a WAL checkpoint included) on a machine loaded 12 deep; 500 took twice as
 * long for the same total.
 */
export const APPLY_CHUNK = 250;

export interface ApplyOptions {
  /** A counter that moves with every user decision. */
  decisions: () => number;
  /** Time stamp for people the pass creates. */
  now: string;
  /** Assignments per transaction (default APPLY_CHUNK). */
  chunk?: number;
  /** What runs between two chunks (default: one turn of the event loop). */
  between?: () => Promise<void>;
}

/** One turn of the event loop: requests waiting meanwhile are answered. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the plan's assignments; returns how many faces changed and people it created. */
export async function applyPlan(
  repos: Repos,
  plan: PassPlan,
  opts: ApplyOptions,
): Promise<{ changedFaces: number; newPeople: number }> {
  const chunk = Math.max(1, opts.chunk ?? APPLY_CHUNK);
  const between = opts.between ?? nextTurn;
  // Per person of the result: the live id its faces go to, and the id the pass created for it.
  const live = new Map<number, number>();
  const created = new Map<number, number>();
  let newPeople = 0;
  const personFor = (k: number): number => {
    const known = live.get(k);
    if (known !== undefined) return known;
    const start = created.get(k) ?? plan.personIds[k];
    // A person id may have been merged away meanwhile: follow it.
    let id = start === null ? undefined : repos.people.resolve(start)?.id;
    if (id === undefined) {
      id = repos.people.insert(null, opts.now);
      created.set(k, id);
      newPeople++;
    }
    live.set(k, id);
    return id;
  };

  let changedFaces = 0;
  let seen = opts.decisions();
  const faces = new PlanReader(plan);
  const n = faces.length;
  let i = 0;
  const writeChunk = repos.db.transaction(() => {
    const changes: { face: string; from: number | null; to: number | null }[] = [];
    // A pass that changes little still looks at every face (and resolves every person): bounded.
    const end = Math.min(n, i + chunk * 20);
    for (; i < end && changes.length < chunk; i++) {
      const k = faces.target(i);
      const to = k < 0 ? null : personFor(k);
      const from = faces.previous(i);
      if (from !== to) changes.push({ face: faces.faceId(i), from, to });
    }
    changedFaces += repos.people.reassign(changes);
    repos.people.enforceFeedbackOn(changes.map((c) => c.face));
  });
  while (i < n) {
    // Also before the first chunk: receiving the plan was a task of its own.
    await between();
    if (opts.decisions() !== seen) {
      seen = opts.decisions();
      live.clear();
    }
    writeChunk();
  }
  return { changedFaces, newPeople };
}
