// Worker-thread entry for a consolidation pass: reading 100k faces takes most of a second and
// clustering them seconds of pure CPU, neither of which may freeze the server's event loop. The
// worker reads the catalogue itself, through its own read-only connection (WAL lets it read while
// the main thread writes), clusters with the same pure clusterFaces() and posts the plan of what
// to write; the main thread writes it (pass-apply.ts). A catalogue only in memory cannot be
// opened twice: then the main thread reads and sends the job (descriptors in one transferred
// buffer) instead.

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/index.js';
import { FaceFeedbackRepo } from '../db/repos/face-feedback.js';
import { PeopleRepo } from '../db/repos/people.js';
import { clusterFaces } from './cluster.js';
import { planBuffers, planPass, readJob, type ClusterJob, type PassPlan } from './pass-plan.js';
import type { ClusterOptions, FaceInput } from './types.js';

export type { ClusterJob } from './pass-plan.js';

export function runClusterJob(job: ClusterJob) {
  const faces: FaceInput[] = job.ids.map((id, i) => ({
    id,
    photoId: job.photoIds[i],
    quality: job.quality[i],
    embedding: job.embeddings.subarray(i * job.dim, (i + 1) * job.dim),
  }));
  return clusterFaces({
    faces,
    constraints: {
      confirmed: new Map(job.confirmed),
      rejected: new Map(job.rejected.map(([f, ps]) => [f, new Set(ps)])),
    },
    previous: new Map(job.previous),
    options: job.options,
  });
}

/** What the worker is given: the catalogue to read, or (in-memory catalogues) the job itself. */
export type ClusterWork = { file: string; options?: Partial<ClusterOptions> } | { job: ClusterJob };

/** Reads the faces and decisions in one read transaction (one consistent snapshot). */
function readCatalogue(file: string, options?: Partial<ClusterOptions>): ClusterJob {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.transaction(() => readJob(new PeopleRepo(db), new FaceFeedbackRepo(db), options))();
  } finally {
    db.close();
  }
}

export function runClusterWork(work: ClusterWork): PassPlan {
  const job = 'job' in work ? work.job : readCatalogue(work.file, work.options);
  return planPass(runClusterJob(job), job);
}

if (parentPort && workerData?.peopleClusterWork) {
  const plan = runClusterWork(workerData.peopleClusterWork as ClusterWork);
  parentPort.postMessage(plan, planBuffers(plan));
}
