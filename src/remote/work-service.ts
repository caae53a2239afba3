// What the primary tells remote workers, behind the /api/work routes: the queue to take jobs
// from, the stage versions it writes, and the originals, by photo id and content hash. Loaded in
// every process (it needs no Redis module); the queue itself is in primary.ts.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import type { Gallery } from '../collection/gallery.js';
import type { OriginalFile } from '../collection/originals.js';
import type { Repos } from '../db/index.js';
import { PIPELINE, STAGE_NAMES } from '../jobs/pipeline.js';
import { PictoError } from '../shared/errors.js';
import { packageVersion } from '../shared/package-root.js';
import type { WorkerInfo, WorkInfo } from '../shared/work-api.js';

const QUEUE_SETTING = 'queue.name';
const REFUSAL_SHOWN_MS = 10 * 60_000;

/** The stages a remote worker may run, with the versions this build writes. */
export function remoteStageVersions(): Record<string, string> {
  return Object.fromEntries(
    STAGE_NAMES.filter((n) => !PIPELINE[n].localOnly).map((n) => [n, PIPELINE[n].version]),
  );
}

export interface WorkOriginal extends OriginalFile {
  contentHash: string;
  size: number;
  /** The file's modification time (ms): file-time dates must come out as they do locally. */
  mtimeMs: number;
}

export class WorkService {
  private readonly refused = new Map<string, { at: number; reason: string }>();

  constructor(
    private readonly deps: { repos: Repos; gallery: Gallery; publishing: () => boolean },
  ) {}

  /**
   * This library's BullMQ queue name, made once: two libraries sharing one Redis never take each
   * other's jobs, and a worker learns the name from the primary it was pointed at.
   */
  queueName(): string {
    const { settings } = this.deps.repos;
    let name = settings.get(QUEUE_SETTING);
    if (!name) {
      name = `picto-${randomBytes(6).toString('hex')}`;
      settings.set(QUEUE_SETTING, name);
    }
    return name;
  }

  info(): WorkInfo {
    return {
      queue: this.queueName(),
      version: packageVersion(),
      publishing: this.deps.publishing(),
      stages: remoteStageVersions(),
    };
  }

  /** The original a job is about; a conflict when the photo's content is no longer `hash`. */
  async original(photoId: string, hash: string): Promise<WorkOriginal> {
    const file = await this.deps.gallery.original(photoId);
    if (file.contentHash !== hash) {
      throw new PictoError(
        'conflict',
        `photo ${photoId} changed since the job was published (its content is not ${hash.slice(0, 12)}… any more)`,
      );
    }
    const st = await fs.stat(file.path).catch(() => null);
    if (!st?.isFile()) throw new PictoError('not-found', 'the file is missing on disk');
    return { ...file, size: st.size, mtimeMs: st.mtimeMs };
  }

  /** A worker at `address` was turned away (wrong token): shown with the workers for a while. */
  refuse(address: string, reason: string): void {
    this.refused.set(address, { at: Date.now(), reason });
  }

  /** Workers turned away recently, as entries of the workers list. */
  refusals(now = Date.now()): WorkerInfo[] {
    const out: WorkerInfo[] = [];
    for (const [address, r] of this.refused) {
      if (now - r.at > REFUSAL_SHOWN_MS) {
        this.refused.delete(address);
        continue;
      }
      out.push({
        id: `refused@${address}`,
        host: isLocal(address) ? os.hostname() : address,
        kind: 'remote',
        concurrency: 0,
        done: 0,
        failed: 0,
        rate: 0,
        lastSeen: new Date(r.at).toISOString(),
        online: false,
        error: r.reason,
      });
    }
    return out;
  }
}

function isLocal(address: string): boolean {
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || a.startsWith('127.');
}
