// A consolidation pass against the catalogue: read every face and every user decision, cluster
// from scratch (cluster.ts), write the differences back. The pure engine decides; this file only
// moves data, keeps the event loop free and makes sure no user decision is lost in between.
//
// [Note: decisions made during a pass] Clustering a large library takes seconds, and the user
// may rename, merge or move meanwhile. The pass notes the decision counter when it reads; if it
// moved by the time the answer is back, the pass runs again on fresh data (once). Whatever
// happens, enforceFeedback() then re-applies every confirmation, removal and rejection to the
// faces table, so a correction can never be overwritten by a result computed without it.

import type { Repos } from '../db/index.js';
import { runInWorker } from '../shared/worker-thread.js';
import { runClusterJob, type ClusterJob } from './cluster-worker.js';
import type { ClusterOptions, ClusterResult } from './types.js';

export interface PassOptions {
  /** Libraries with more faces than this cluster in a worker thread (default 20,000). */
  workerAbove?: number;
  options?: Partial<ClusterOptions>;
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

const SETTINGS_KEY = 'people.lastPass';

/** When the last pass ran ('' if never) and how many faces it saw. */
export function lastPass(repos: Repos): { at: string; faces: number } {
  const raw = repos.settings.get(SETTINGS_KEY);
  return raw ? (JSON.parse(raw) as { at: string; faces: number }) : { at: '', faces: 0 };
}

function readJob(
  repos: Repos,
  options?: Partial<ClusterOptions>,
): { job: ClusterJob; previous: Map<string, number | null> } {
  const fb = repos.faceFeedback.snapshot();
  const ids: string[] = [];
  const photoIds: string[] = [];
  const quality: number[] = [];
  const rows: Float32Array[] = [];
  const previous = new Map<string, number | null>();
  for (const f of repos.people.clusteringFaces()) {
    ids.push(f.id);
    photoIds.push(f.photo_id);
    quality.push(f.quality);
    rows.push(f.embedding);
    previous.set(f.id, f.person_id);
  }
  const dim = rows[0]?.length ?? 128;
  const embeddings = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => embeddings.set(r, i * dim));
  const job: ClusterJob = {
    ids,
    photoIds,
    quality: Float32Array.from(quality),
    embeddings,
    dim,
    confirmed: [...fb.confirmed],
    rejected: [...fb.rejected].map(([f, ps]) => [f, [...ps]]),
    previous: [...previous].filter((e): e is [string, number] => e[1] !== null),
    options,
  };
  return { job, previous };
}

function clusterInWorker(job: ClusterJob): Promise<ClusterResult> {
  return runInWorker<ClusterResult>(import.meta.url, 'cluster-worker', {
    task: 'clustering faces',
    workerData: { peopleClusterJob: job },
    transferList: [job.embeddings.buffer as ArrayBuffer],
    // 100k faces with their neighbour graph need more than the default heap.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
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
    const readAt = new Date().toISOString();
    const { job, previous } = readJob(repos, opts.options);
    const inWorker = job.ids.length > (opts.workerAbove ?? 20_000);
    const tc = performance.now();
    const result = inWorker ? await clusterInWorker(job) : runClusterJob(job);
    const clusterMs = performance.now() - tc;
    if (decisions() !== seen && attempt++ < 1) continue;
    const stats = apply(repos, result, previous, readAt);
    return {
      ...stats,
      ms: Math.round(performance.now() - t0),
      clusterMs: Math.round(clusterMs),
      inWorker,
    };
  }
}

function apply(
  repos: Repos,
  result: ClusterResult,
  previous: Map<string, number | null>,
  readAt: string,
) {
  const now = new Date().toISOString();
  return repos.db.transaction(() => {
    const changes: [string, number | null][] = [];
    let newPeople = 0;
    for (const p of result.people) {
      let id = p.personId;
      // A person id may have been merged away meanwhile: follow it.
      if (id !== null) id = repos.people.resolve(id)?.id ?? null;
      if (id === null) {
        id = repos.people.insert(null, now);
        newPeople++;
      }
      for (const f of p.faceIds) if (previous.get(f) !== id) changes.push([f, id]);
    }
    for (const f of result.unassigned) if (previous.get(f) != null) changes.push([f, null]);
    const changedFaces = repos.people.assign(changes);
    repos.people.enforceFeedback();
    repos.people.clearDanglingAssignments();
    const deletedPeople = repos.people.deleteEmptyUntouched();
    repos.settings.set(SETTINGS_KEY, JSON.stringify({ at: readAt, faces: result.stats.faces }));
    return {
      faces: result.stats.faces,
      people: result.people.length,
      newPeople,
      changedFaces,
      deletedPeople,
      unassigned: result.unassigned.length,
    };
  })();
}
