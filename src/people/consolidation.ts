// A consolidation pass against the catalogue: read every face and every user decision, cluster
// from scratch (cluster.ts), write the differences back. The pure engine decides; this file only
// moves data, keeps the event loop free and makes sure no user decision is lost in between.
//
// [Note: a pass off the main thread] At 100k faces reading the descriptors takes ~0.4–0.8 s,
// clustering seconds and writing every assignment ~1 s; each held the server's event loop. Now a
// library above `workerAbove` faces is read AND clustered in a worker on its own read-only
// connection (cluster-worker.ts), and the main thread, the single writer, writes the answer in
// chunks of 250 assignments with a turn of the event loop between them (pass-apply.ts,
// [Note: chunked writes and decisions]). The longest pauses left: receiving the plan (typed arrays,
// transferred), one chunk (~10 ms), and the final enforceFeedback over every face (~25 ms at 60k
// faces).
//
// [Note: decisions made during a pass] Clustering a large library takes seconds, and the user
// may rename, merge or move meanwhile. The pass notes the decision counter when it reads; if it
// moved by the time the answer is back, the pass runs again on fresh data (once). Whatever
// happens, enforceFeedback() then re-applies every confirmation, removal and rejection to the
// faces table, so a correction can never be overwritten by a result computed without it. For
// decisions made while the answer is being written, see [Note: chunked writes and decisions].

import type { Repos } from '../db/index.js';
import { runInWorker } from '../shared/worker-thread.js';
import { runClusterWork, type ClusterWork } from './cluster-worker.js';
import { applyPlan, nextTurn } from './pass-apply.js';
import { readJob, type PassPlan } from './pass-plan.js';
import type { ClusterOptions } from './types.js';

export interface PassOptions {
  /** Libraries with more faces than this read and cluster in a worker thread (default 200). */
  workerAbove?: number;
  options?: Partial<ClusterOptions>;
  /** Assignments written per transaction (default pass-apply's APPLY_CHUNK). */
  chunk?: number;
  /** What runs between two chunks of writes (default: one turn of the event loop). */
  between?: () => Promise<void>;
}

export interface PassStats {
  faces: number;
  people: number;
  newPeople: number;
  changedFaces: number;
  deletedPeople: number;
  unassigned: number;
  ms: number;
  clusterMs: number;
  inWorker: boolean;
}

/**
 * Up to this many faces, reading and clustering inline pauses the main thread ~30 ms at most
 * (2,000 faces took 0.2–0.6 s: worth a thread, which costs the main thread nothing).
 */
const WORKER_ABOVE = 200;

const SETTINGS_KEY = 'people.lastPass';

/** When the last pass ran ('' if never) and how many faces it saw. */
export function lastPass(repos: Repos): { at: string; faces: number } {
  const raw = repos.settings.get(SETTINGS_KEY);
  return raw ? (JSON.parse(raw) as { at: string; faces: number }) : { at: '', faces: 0 };
}

function clusterInWorker(work: ClusterWork): Promise<PassPlan> {
  return runInWorker<PassPlan>(import.meta.url, 'cluster-worker', {
    task: 'clustering faces',
    workerData: { peopleClusterWork: work },
    transferList: 'job' in work ? [work.job.embeddings.buffer as ArrayBuffer] : [],
    // 100k faces with their neighbour graph need more than the default heap.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
}

/** Reads and clusters, in a worker for a large library (reading there too when it can). */
function plan(
  repos: Repos,
  opts: PassOptions,
): { plan: PassPlan | Promise<PassPlan>; inWorker: boolean } {
  const inWorker = repos.people.countFaces() > (opts.workerAbove ?? WORKER_ABOVE);
  const file = repos.db.memory ? '' : repos.db.name;
  if (inWorker && file) return { plan: clusterInWorker({ file, options: opts.options }), inWorker };
  const job = readJob(repos.people, repos.faceFeedback, opts.options);
  if (inWorker) return { plan: clusterInWorker({ job }), inWorker };
  return { plan: runClusterWork({ job }), inWorker };
}

/** Runs one pass. `decisions()` returns a counter that moves with every user decision. */
export async function consolidate(
  repos: Repos,
  decisions: () => number,
  opts: PassOptions = {},
): Promise<PassStats> {
  const t0 = performance.now();
  let attempt = 0;
  for (;;) {
    const seen = decisions();
    // Faces created after this instant are not in the pass: the next incremental run takes them.
    // (The worker reads later, so it may see a few of them too: the incremental run then tries
    // those again, which changes nothing.)
    const readAt = new Date().toISOString();
    const tc = performance.now();
    const next = plan(repos, opts);
    const result = await next.plan;
    const clusterMs = performance.now() - tc;
    if (decisions() !== seen && attempt++ < 1) continue;
    const now = new Date().toISOString();
    const between = opts.between ?? nextTurn;
    const written = await applyPlan(repos, result, { decisions, now, chunk: opts.chunk, between });
    const deletedPeople = await finish(repos, result, readAt, between);
    return {
      faces: result.faces,
      people: result.personIds.length,
      newPeople: written.newPeople,
      changedFaces: written.changedFaces,
      deletedPeople,
      unassigned: result.unassigned,
      ms: Math.round(performance.now() - t0),
      clusterMs: Math.round(clusterMs),
      inWorker: next.inWorker,
    };
  }
}

/**
 * After the last chunk: every decision re-applied to every face, then faces of people gone back
 * to nobody and empty people deleted (two transactions, the event loop free between them).
 */
async function finish(
  repos: Repos,
  result: PassPlan,
  readAt: string,
  between: () => Promise<void>,
): Promise<number> {
  repos.db.transaction(() => repos.people.enforceFeedback())();
  await between();
  return repos.db.transaction(() => {
    repos.people.clearDanglingAssignments();
    const deleted = repos.people.deleteEmptyUntouched();
    repos.settings.set(SETTINGS_KEY, JSON.stringify({ at: readAt, faces: result.faces }));
    return deleted;
  })();
}
