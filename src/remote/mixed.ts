// The executor the runner sees with `--queue`: this machine's worker threads and the remote
// workers together. Its size is both added up, so the runner claims as much as all of them can
// take; each task goes to the side with the lower load. When the remote side has had no capacity
// for a while (Redis unreachable, every worker gone) the tasks waiting for it are taken back and
// run here, unless there are no local threads (`--workers 0`): then they wait for the queue.

import type { Executor } from '../app/picto.js';
import type { WorkerPool } from '../jobs/pool.js';
import { localWorker } from '../jobs/executor.js';
import { stageNamed } from '../jobs/pipeline.js';
import type { PhotoTask, PhotoTaskResult } from '../jobs/task.js';
import type { QueueState, WorkerInfo } from '../shared/work-api.js';
import type { QueueConnection } from './connection.js';
import type { RemoteExecutor } from './publisher.js';
import type { WorkerRegistry } from './registry.js';
import type { WorkService } from './work-service.js';

export interface MixedDeps {
  local: WorkerPool | null;
  /**
   * Where the `localOnly` stages run: the local threads, or with `--workers 0` one thread kept for
   * them alone (closed with the executor when it is not `local`).
   */
  here: WorkerPool;
  remote: RemoteExecutor;
  conn: QueueConnection;
  registry: WorkerRegistry;
  work: WorkService;
  log: (line: string) => void;
  /** How long the remote side may have no capacity before its tasks are taken back. */
  takeBackMs?: number;
}

/** Which side runs a task; pure, so the policy is tested on its own. */
export function chooseSide(
  localSize: number,
  localInFlight: number,
  remoteSize: number,
  remoteInFlight: number,
): 'local' | 'remote' {
  if (remoteSize <= 0) return 'local';
  if (localSize <= 0) return 'remote';
  return localInFlight / localSize <= remoteInFlight / remoteSize ? 'local' : 'remote';
}

export class MixedExecutor implements Executor {
  private localInFlight = 0;
  private idleSince: number | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: MixedDeps) {
    this.timer = setInterval(() => this.checkRemote(), 1000);
    this.timer.unref();
  }

  get size(): number {
    return (this.deps.local?.size ?? 0) + this.deps.remote.capacity();
  }

  // [Note: stages that stay here] A `localOnly` stage reads what only this machine has (the
  // sidecars beside a photo, a video's poster written into the thumbnail store, the transcode
  // lane, the text index's batches). A task that mixes them with stages that may go elsewhere is
  // split: its file stages read the original only, never each other's output in the worker
  // (their appliers meet later, in table order), so the two halves run side by side and their
  // outcomes are put back together.
  async run(task: PhotoTask): Promise<PhotoTaskResult> {
    const here = task.stages.filter((s) => stageNamed(s)?.localOnly);
    if (here.length === 0) return this.runAnywhere(task);
    const onHere = this.runHere({ ...task, stages: here });
    const rest = task.stages.filter((s) => !here.includes(s));
    if (rest.length === 0) return onHere;
    const [a, b] = await Promise.all([onHere, this.runAnywhere({ ...task, stages: rest })]);
    return {
      photoId: task.photoId,
      outcomes: { ...b.outcomes, ...a.outcomes },
      ms: Math.max(a.ms, b.ms),
    };
  }

  private runAnywhere(task: PhotoTask): Promise<PhotoTaskResult> {
    const { local, remote } = this.deps;
    if (!local) return remote.run(task);
    const side = chooseSide(local.size, this.localInFlight, remote.capacity(), remote.inFlight);
    return side === 'local' ? this.runLocal(task) : remote.run(task);
  }

  private runHere(task: PhotoTask): Promise<PhotoTaskResult> {
    return this.deps.local ? this.runLocal(task) : this.deps.here.run(task);
  }

  private async runLocal(task: PhotoTask): Promise<PhotoTaskResult> {
    this.localInFlight++;
    try {
      return await this.deps.local!.run(task);
    } finally {
      this.localInFlight--;
    }
  }

  /** Takes waiting tasks back to this machine when the remote side has been empty for a while. */
  private checkRemote(): void {
    const { local, remote } = this.deps;
    if (remote.capacity() > 0) {
      this.idleSince = null;
      return;
    }
    this.idleSince ??= Date.now();
    if (!local || remote.inFlight === 0) return;
    if (Date.now() - this.idleSince < (this.deps.takeBackMs ?? 10_000)) return;
    const back = remote.takeBack();
    this.deps.log(`no remote worker can take work: ${back.length} photos are indexed here instead`);
    for (const h of back) this.runLocal(h.task).then(h.resolve, h.reject);
  }

  release(): void {
    this.deps.remote.release();
  }

  workers(): WorkerInfo[] {
    const { local, registry, work } = this.deps;
    return [
      ...(local ? [localWorker(local.size, local.tally)] : []),
      ...registry.list(),
      ...work.refusals(),
    ];
  }

  queue(): QueueState {
    return this.deps.conn.status(this.deps.local !== null);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.deps.remote.close();
    await this.deps.conn.close();
    if (this.deps.here !== this.deps.local) await this.deps.here.close();
  }
}
