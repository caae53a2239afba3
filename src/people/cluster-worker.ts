// Worker-thread entry for a consolidation pass: clustering 100k faces takes seconds of pure CPU,
// which must not freeze the server's event loop. The main thread sends flat arrays (descriptors
// in one transferred buffer), the worker runs the same pure clusterFaces() and posts the result.

import { parentPort, workerData } from 'node:worker_threads';
import { clusterFaces } from './cluster.js';
import type { ClusterOptions, FaceInput } from './types.js';

export interface ClusterJob {
  ids: string[];
  photoIds: string[];
  quality: Float32Array;
  /** ids.length × dim descriptors, row-major. */
  embeddings: Float32Array;
  dim: number;
  confirmed: [string, number][];
  rejected: [string, number[]][];
  previous: [string, number][];
  options?: Partial<ClusterOptions>;
}

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

if (parentPort && workerData?.peopleClusterJob) {
  parentPort.postMessage(runClusterJob(workerData.peopleClusterJob as ClusterJob));
}
