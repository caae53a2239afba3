// Who works on the queue. Each remote worker writes a heartbeat to Redis every few seconds (an
// expiring key plus its time in a sorted set); the primary reads them to know how many tasks it
// can hand out (the sum of the live workers' concurrency) and counts itself what each worker's
// results were worth: done when accepted, failed when the job failed or the result was rejected.

import type { Redis } from 'ioredis';
import { countTask, newTally, tallyRate, type WorkerTally } from '../jobs/executor.js';
import type { WorkerInfo } from '../shared/work-api.js';
import { workerKey, workersKey } from './jobs.js';

export interface Heartbeat {
  id: string;
  host: string;
  pid: number;
  /** Photos it works on at once (its worker threads). */
  concurrency: number;
  /** The stage versions it would write. */
  stages: Record<string, string>;
  startedAt: string;
  /** Set when it refuses work (versions differ, the primary refused its token). */
  error?: string;
}

export const HEARTBEAT_MS = 3000;
/** A worker not heard from for this long is offline: its tasks are no longer counted on. */
export const OFFLINE_AFTER_MS = 4 * HEARTBEAT_MS;
/** How long an offline worker stays listed (so a crash is seen, not just a number going down). */
const LISTED_MS = 15 * 60_000;

/** Worker side: one heartbeat. */
export async function beat(client: Redis, queue: string, hb: Heartbeat): Promise<void> {
  await client
    .multi()
    .set(workerKey(queue, hb.id), JSON.stringify(hb), 'PX', LISTED_MS)
    .zadd(workersKey(queue), Date.now(), hb.id)
    .exec();
}

/** Worker side: gone on purpose (a clean stop). */
export async function leave(client: Redis, queue: string, id: string): Promise<void> {
  await client.multi().del(workerKey(queue, id)).zrem(workersKey(queue), id).exec();
}

function parseHeartbeat(text: string | null): Heartbeat | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<Heartbeat>;
    if (typeof v.id !== 'string' || typeof v.host !== 'string') return null;
    const concurrency = Number.isInteger(v.concurrency) && v.concurrency! > 0 ? v.concurrency! : 0;
    return {
      id: v.id.slice(0, 200),
      host: v.host.slice(0, 200),
      pid: Number(v.pid) || 0,
      concurrency: Math.min(concurrency, 256),
      stages: typeof v.stages === 'object' && v.stages ? v.stages : {},
      startedAt: String(v.startedAt ?? ''),
      ...(typeof v.error === 'string' ? { error: v.error.slice(0, 1000) } : {}),
    };
  } catch {
    return null;
  }
}

interface Known {
  hb: Heartbeat;
  seenAt: number;
  tally: WorkerTally;
  /** What was wrong with its last failed task or rejected result. */
  lastError?: string;
}

/** The differences between two stage-version maps, as "faces: a ≠ b" lines. */
export function versionDifferences(
  primary: Record<string, string>,
  worker: Record<string, string>,
): string[] {
  const out: string[] = [];
  for (const [stage, v] of Object.entries(primary)) {
    if (worker[stage] !== v)
      out.push(`${stage}: primary "${v}", worker "${worker[stage] ?? 'none'}"`);
  }
  return out;
}

/** Primary side: the workers of this library's queue. */
export class WorkerRegistry {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly queue: string,
    private readonly stages: Record<string, string>,
  ) {}

  /** Reads the heartbeats (every HEARTBEAT_MS while connected). */
  async refresh(client: Redis, now = Date.now()): Promise<void> {
    const key = workersKey(this.queue);
    const ids = await client.zrangebyscore(key, now - LISTED_MS, '+inf');
    await client.zremrangebyscore(key, '-inf', now - LISTED_MS);
    if (ids.length === 0) return;
    const beats = await client.mget(ids.map((id) => workerKey(this.queue, id)));
    const scores = await Promise.all(ids.map((id) => client.zscore(key, id)));
    ids.forEach((id, i) => {
      const hb = parseHeartbeat(beats[i]);
      if (!hb || hb.id !== id) return;
      const k = this.entry(id);
      k.hb = hb;
      k.seenAt = Math.max(k.seenAt, Number(scores[i]) || 0);
    });
  }

  private entry(id: string): Known {
    let k = this.known.get(id);
    if (!k) {
      const hb: Heartbeat = {
        id,
        host: id.split(':')[0] ?? id,
        pid: 0,
        concurrency: 0,
        stages: {},
        startedAt: '',
      };
      k = { hb, seenAt: 0, tally: newTally() };
      this.known.set(id, k);
    }
    return k;
  }

  /** Why a worker may not be given work, if it may not. */
  private refusal(k: Known): string | undefined {
    if (k.hb.error) return k.hb.error;
    const diff = versionDifferences(this.stages, k.hb.stages);
    return diff.length ? `runs other stage versions (${diff.join('; ')})` : undefined;
  }

  private online(k: Known, now: number): boolean {
    return now - k.seenAt < OFFLINE_AFTER_MS;
  }

  /** Tasks the live workers can take at once. */
  liveConcurrency(now = Date.now()): number {
    let n = 0;
    for (const k of this.known.values())
      if (this.online(k, now) && !this.refusal(k)) n += k.hb.concurrency;
    return n;
  }

  /** Counts a finished task against the worker that ran it (BullMQ's processedBy). */
  count(id: string | undefined, ok: boolean, error?: string): void {
    const k = this.entry(id || 'unknown');
    countTask(k.tally, ok);
    if (!ok && error) k.lastError = error;
  }

  list(now = Date.now()): WorkerInfo[] {
    const out: WorkerInfo[] = [];
    for (const [id, k] of this.known) {
      const last = Math.max(k.seenAt, k.tally.lastAt ?? 0);
      if (now - last > LISTED_MS) {
        this.known.delete(id);
        continue;
      }
      const refusal = this.refusal(k);
      const error = refusal ?? k.lastError;
      out.push({
        id,
        host: k.hb.host,
        kind: 'remote',
        concurrency: refusal ? 0 : k.hb.concurrency,
        done: k.tally.done,
        failed: k.tally.failed,
        rate: tallyRate(k.tally, now),
        lastSeen: last ? new Date(last).toISOString() : null,
        online: this.online(k, now),
        ...(error ? { error } : {}),
      });
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }
}
