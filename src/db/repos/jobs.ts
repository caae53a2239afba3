import type { Db } from '../connection.js';
import { windowSql, type PhotoWindow } from '../photo-windows.js';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobRow {
  id: number;
  photo_id: string;
  stage: string;
  status: JobStatus;
  priority: number;
  attempts: number;
  last_error: string | null;
  version: string | null;
  lease_owner: string | null;
  lease_until: number | null;
  updated_at: string;
}

export interface StageCounts {
  stage: string;
  pending: number;
  running: number;
  done: number;
  failed: number;
}

/** What a claim takes ([Note: visible first] in jobs/pipeline.ts for `visible`). */
export interface ClaimOptions {
  /** Only jobs of these stages (the pool's, or the transcode lane's one). Default: every stage. */
  stages?: readonly string[];
  /** Tiered: a photo with pending jobs at or above this priority is claimed for those alone. */
  visible?: number;
}

export class JobsRepo {
  constructor(private readonly db: Db) {}

  /** Queue (or re-queue) a stage for a photo. A finished job is reset, keeping its history. */
  enqueue(photoId: string, stage: string, now: string, priority = 0): void {
    this.db
      .prepare(
        `INSERT INTO jobs (photo_id, stage, status, priority, updated_at)
         VALUES (?, ?, 'pending', ?, ?)
         ON CONFLICT (photo_id, stage) DO UPDATE SET status = 'pending', attempts = 0,
           last_error = NULL, lease_owner = NULL, lease_until = NULL, priority = excluded.priority,
           updated_at = excluded.updated_at`,
      )
      .run(photoId, stage, priority, now);
  }

  /** Queues a stage again if it had finished for the photo (done or failed); else leaves it. */
  requeueIfFinished(photoId: string, stage: string, priority: number, now: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE jobs SET status = 'pending', attempts = 0, last_error = NULL, priority = ?,
             updated_at = ?
           WHERE photo_id = ? AND stage = ? AND status IN ('done', 'failed')`,
        )
        .run(priority, now, photoId, stage).changes > 0
    );
  }

  /** Queues (or re-queues) a stage for a photo that is in a folder with AI on; true if it did. */
  enqueueIfAi(photoId: string, stage: string, now: string, priority = 0): boolean {
    const inAi = this.db
      .prepare(
        `SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id
         WHERE l.photo_id = ? AND f.ai_enabled = 1 LIMIT 1`,
      )
      .get(photoId);
    if (inAi) this.enqueue(photoId, stage, now, priority);
    return inAi !== undefined;
  }

  /**
   * Claims up to `limit` photos with pending work (only jobs of `stages` when named) and returns
   * the jobs this claim leased, so one worker task decodes a photo once for all its stages. With
   * `visible` the claim is tiered ([Note: visible first] in jobs/pipeline.ts): a photo with
   * pending jobs at or above that priority is claimed for those alone; its other jobs only once
   * nothing at that priority is open for it, and then all together (the worker pool's claim).
   * Without it every pending job of each photo is taken (the transcode lane's).
   */
  claim(
    owner: string,
    leaseUntil: number,
    limit: number,
    now: string,
    opts: ClaimOptions = {},
  ): JobRow[] {
    const stages = opts.stages?.length ? opts.stages : undefined;
    const picked =
      opts.visible === undefined
        ? this.pickPhotos(limit, stages)
        : this.pickTiered(limit, opts.visible, stages ?? []);
    if (picked.size === 0) return [];
    const inStages = stages ? `AND stage IN (${stages.map(() => '?').join(',')})` : '';
    // `+status`: the rows are found by photo (the (photo_id, stage) index). On the status index
    // SQLite read every pending job for each claim: ~11 ms per claim at 40,000 pending jobs, on
    // the main thread, ~30 ms per photo indexed once a 10,000-photo folder was in the catalogue.
    const take = (ids: string[], visibleOnly: boolean) => {
      if (ids.length === 0) return;
      const marks = ids.map(() => '?').join(',');
      this.db
        .prepare(
          `UPDATE jobs SET status = 'running', lease_owner = ?, lease_until = ?, updated_at = ?
           WHERE +status = 'pending' AND photo_id IN (${marks}) ${inStages}
             ${visibleOnly ? 'AND priority >= ?' : ''}`,
        )
        .run(
          owner,
          leaseUntil,
          now,
          ...ids,
          ...(stages ?? []),
          ...(visibleOnly ? [opts.visible] : []),
        );
    };
    const all = [...picked.keys()];
    take(
      all.filter((id) => picked.get(id)),
      true,
    );
    take(
      all.filter((id) => !picked.get(id)),
      false,
    );
    const marks = all.map(() => '?').join(',');
    return this.db
      .prepare(
        `SELECT * FROM jobs WHERE +status = 'running' AND lease_owner = ? AND lease_until = ?
           AND photo_id IN (${marks}) ORDER BY id`,
      )
      .all(owner, leaseUntil, ...all) as JobRow[];
  }

  /**
   * The first `limit` distinct photos down the queue index (status, priority DESC, id), each for
   * all its pending jobs (false: not only its visible step). A GROUP BY over all pending jobs
   * cost ~200 ms per claim at 100k pending jobs, on the main thread that also answers the
   * gallery; this reads a few rows (~0.1 ms).
   */
  private pickPhotos(limit: number, stages: readonly string[] | undefined): Map<string, boolean> {
    const picked = new Map<string, boolean>();
    // [Note: the job index to walk] With stages named (the transcode lane's claim, on every
    // finished task), walking the queue index read every pending job of every other stage to find
    // none: ~11 ms at 40,000 pending jobs. By stage, only that stage's pending jobs are read and
    // sorted.
    const queue = this.db
      .prepare(
        `SELECT photo_id FROM jobs ${stages ? 'INDEXED BY jobs_stage' : ''}
         WHERE status = 'pending' ${stages ? `AND stage IN (${stages.map(() => '?').join(',')})` : ''}
         ORDER BY priority DESC, id`,
      )
      .iterate(...(stages ?? [])) as IterableIterator<{ photo_id: string }>;
    for (const r of queue) {
      if (picked.has(r.photo_id)) continue;
      picked.set(r.photo_id, false);
      if (picked.size >= limit) break;
    }
    return picked;
  }

  /**
   * The first `limit` distinct photos down the queue, each marked true when it is claimed for its
   * visible step alone. One walk down the queue index; the correlated check reads a few rows by
   * photo.
   */
  private pickTiered(
    limit: number,
    visible: number,
    stages: readonly string[],
  ): Map<string, boolean> {
    const inStages = (alias: string) =>
      stages.length ? `AND ${alias}.stage IN (${stages.map(() => '?').join(',')})` : '';
    const picked = new Map<string, boolean>();
    const queue = this.db
      .prepare(
        `SELECT photo_id, priority FROM jobs j WHERE status = 'pending' ${inStages('j')}
           AND (priority >= ? OR NOT EXISTS (
             SELECT 1 FROM jobs v WHERE v.photo_id = j.photo_id AND v.priority >= ?
               AND v.status IN ('pending', 'running') ${inStages('v')}))
         ORDER BY priority DESC, id`,
      )
      .iterate(...stages, visible, visible, ...stages) as IterableIterator<{
      photo_id: string;
      priority: number;
    }>;
    for (const r of queue) {
      if (picked.has(r.photo_id)) continue;
      picked.set(r.photo_id, r.priority >= visible);
      if (picked.size >= limit) break;
    }
    return picked;
  }

  /**
   * Raises a photo's pending jobs (or only its `stage` job) to `priority`: the photo was opened in
   * the viewer, or its video is waited for, so its work goes next. Returns how many were raised.
   */
  prioritize(photoId: string, priority: number, now: string, stage?: string): number {
    return this.db
      .prepare(
        `UPDATE jobs SET priority = ?, updated_at = ?
         WHERE photo_id = ? AND status = 'pending' AND priority < ?
           ${stage === undefined ? '' : 'AND stage = ?'}`,
      )
      .run(priority, now, photoId, priority, ...(stage === undefined ? [] : [stage])).changes;
  }

  /** The stages of a photo that `owner` still holds (running under its lease). */
  heldStages(photoId: string, owner: string): string[] {
    return this.db
      .prepare(
        `SELECT stage FROM jobs WHERE photo_id = ? AND status = 'running' AND lease_owner = ?`,
      )
      .pluck()
      .all(photoId, owner) as string[];
  }

  complete(photoId: string, stage: string, version: string | null, now: string): void {
    this.db
      .prepare(
        `UPDATE jobs SET status = 'done', version = ?, last_error = NULL, lease_owner = NULL,
           lease_until = NULL, attempts = attempts + 1, updated_at = ?
         WHERE photo_id = ? AND stage = ?`,
      )
      .run(version, now, photoId, stage);
  }

  /** Records a failure; retries transient ones until maxAttempts, permanent ones stop at once. */
  fail(
    photoId: string,
    stage: string,
    error: string,
    permanent: boolean,
    maxAttempts: number,
    now: string,
  ): JobStatus {
    const row = this.db
      .prepare('SELECT attempts FROM jobs WHERE photo_id = ? AND stage = ?')
      .get(photoId, stage) as { attempts: number } | undefined;
    const attempts = (row?.attempts ?? 0) + 1;
    const status: JobStatus = permanent || attempts >= maxAttempts ? 'failed' : 'pending';
    this.db
      .prepare(
        `UPDATE jobs SET status = ?, attempts = ?, last_error = ?, lease_owner = NULL,
           lease_until = NULL, updated_at = ?
         WHERE photo_id = ? AND stage = ?`,
      )
      .run(status, attempts, error, now, photoId, stage);
    return status;
  }

  /** Gives back jobs held by owners that are gone (crashed process) or whose lease ran out. */
  recoverLeases(isOwnerAlive: (owner: string) => boolean, nowMs: number, now: string): number {
    const running = this.db
      .prepare(
        `SELECT DISTINCT lease_owner, MIN(lease_until) AS until FROM jobs
                WHERE status = 'running' GROUP BY lease_owner`,
      )
      .all() as { lease_owner: string | null; until: number | null }[];
    let n = 0;
    const reset = this.db.prepare(
      `UPDATE jobs SET status = 'pending', lease_owner = NULL, lease_until = NULL, updated_at = ?
       WHERE status = 'running' AND lease_owner IS ?`,
    );
    for (const r of running) {
      const expired = r.until === null || r.until < nowMs;
      if (r.lease_owner === null || expired || !isOwnerAlive(r.lease_owner)) {
        n += reset.run(now, r.lease_owner).changes;
      }
    }
    return n;
  }

  releaseOwner(owner: string, now: string): number {
    return this.db
      .prepare(
        `UPDATE jobs SET status = 'pending', lease_owner = NULL, lease_until = NULL, updated_at = ?
         WHERE status = 'running' AND lease_owner = ?`,
      )
      .run(now, owner).changes;
  }

  retryFailed(now: string, stage?: string): number {
    return this.db
      .prepare(
        `UPDATE jobs SET status = 'pending', attempts = 0, updated_at = ?
         WHERE status = 'failed' ${stage ? 'AND stage = ?' : ''}`,
      )
      .run(now, ...(stage ? [stage] : [])).changes;
  }

  /** Jobs per stage and status (kept by triggers: reading them is free). */
  countsByStage(): StageCounts[] {
    const rows = this.db.prepare('SELECT stage, status, n FROM job_counts WHERE n > 0').all() as {
      stage: string;
      status: JobStatus;
      n: number;
    }[];
    const byStage = new Map<string, StageCounts>();
    for (const r of rows) {
      let c = byStage.get(r.stage);
      if (!c) {
        c = { stage: r.stage, pending: 0, running: 0, done: 0, failed: 0 };
        byStage.set(r.stage, c);
      }
      c[r.status] = r.n;
    }
    return [...byStage.values()].sort((a, b) => a.stage.localeCompare(b.stage));
  }

  /** Is any job (of the given stages, default all) pending or running? */
  hasOpenWork(stages?: readonly string[]): boolean {
    const filter = stages ? `AND stage IN (${stages.map(() => '?').join(',')})` : '';
    return (
      this.db
        .prepare(`SELECT 1 FROM jobs WHERE status IN ('pending', 'running') ${filter} LIMIT 1`)
        .get(...(stages ?? [])) !== undefined
    );
  }

  failed(limit = 1000): JobRow[] {
    return this.db
      .prepare(`SELECT * FROM jobs WHERE status = 'failed' ORDER BY updated_at DESC LIMIT ?`)
      .all(limit) as JobRow[];
  }

  stagesForPhoto(photoId: string): JobRow[] {
    return this.db.prepare('SELECT * FROM jobs WHERE photo_id = ?').all(photoId) as JobRow[];
  }

  /** Photos whose stage was produced by another version: re-queue exactly those. */
  requeueOutdated(stage: string, version: string, now: string): number {
    return this.db
      .prepare(
        `UPDATE jobs SET status = 'pending', attempts = 0, last_error = NULL, updated_at = ?
         WHERE stage = ? AND status IN ('done', 'failed') AND (version IS NULL OR version != ?)`,
      )
      .run(now, stage, version).changes;
  }

  /**
   * Queues a stage for every photo that never had it (a stage added by a newer build). Only
   * photos whose pixels could be read; `aiOnly` limits it to folders with AI switched on.
   */
  enqueueMissing(stage: string, priority: number, now: string, aiOnly: boolean): number {
    const ai = aiOnly
      ? `AND EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id
                     WHERE l.photo_id = p.id AND f.ai_enabled = 1)`
      : '';
    return this.db
      .prepare(
        `INSERT INTO jobs (photo_id, stage, status, priority, updated_at)
         SELECT p.id, ?, 'pending', ?, ? FROM photos p
         WHERE p.status = 'ready' AND p.kind <> 'video' ${ai}
           AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.photo_id = p.id AND j.stage = ?)`,
      )
      .run(stage, priority, now, stage).changes;
  }

  /**
   * Queues up to `limit` photos for a low-priority stage: ready photos in folders with AI on that
   * never had it, or had it from another version.
   */
  queueBatch(stage: string, version: string, priority: number, limit: number, now: string): number {
    const again = this.requeueBatchOutdated(stage, version, priority, limit, now);
    return again + this.queueFresh(stage, priority, Math.max(0, limit - again), now);
  }

  /** Up to `limit` photos that had a low-priority stage from another version, queued again. */
  requeueBatchOutdated(
    stage: string,
    version: string,
    priority: number,
    limit: number,
    now: string,
  ): number {
    return this.db
      .prepare(
        `UPDATE jobs SET status = 'pending', attempts = 0, last_error = NULL, priority = ?, updated_at = ?
         WHERE rowid IN (SELECT rowid FROM jobs WHERE stage = ? AND status = 'done' AND version IS NOT ? LIMIT ?)`,
      )
      .run(priority, now, stage, version, limit).changes;
  }

  /**
   * Up to `limit` ready photos in folders with AI on that never had a low-priority stage (of the
   * whole table, or of one window of it: [Note: passes over every photo in slices]).
   */
  queueFresh(
    stage: string,
    priority: number,
    limit: number,
    now: string,
    window?: PhotoWindow,
  ): number {
    if (limit <= 0) return 0;
    const w = windowSql('p', window);
    return this.db
      .prepare(
        `INSERT INTO jobs (photo_id, stage, status, priority, updated_at)
         SELECT p.id, ?, 'pending', ?, ? FROM photos p
         WHERE p.status = 'ready' AND p.trashed_at IS NULL AND p.kind <> 'video' ${w.sql}
           AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.photo_id = p.id AND j.stage = ?)
           AND EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id
                       WHERE l.photo_id = p.id AND f.ai_enabled = 1)
         LIMIT ?`,
      )
      .run(stage, priority, now, ...w.args, stage, limit).changes;
  }

  /** Drops a stage's pending work (switching it off: what was done stays). */
  dropPending(stage: string): number {
    return this.db.prepare(`DELETE FROM jobs WHERE stage = ? AND status = 'pending'`).run(stage)
      .changes;
  }

  /** Queues every job of a stage again (a new model in the semantic slot embeds every photo). */
  requeueStage(stage: string): number {
    return this.db
      .prepare(`UPDATE jobs SET status = 'pending', attempts = 0 WHERE stage = ?`)
      .run(stage).changes;
  }

  /** Queues the stages a photo of the folder never had (AI switched on for a folder). */
  enqueueMissingInFolder(
    folderId: number,
    stages: { name: string; priority: number; kinds: readonly string[] }[],
    now: string,
  ): number {
    const photos = this.db
      .prepare(
        `SELECT DISTINCT l.photo_id AS id, CASE p.kind WHEN 'video' THEN 'video' ELSE 'photo' END AS kind
         FROM locations l JOIN photos p ON p.id = l.photo_id WHERE l.folder_id = ? AND p.live_of IS NULL`,
      )
      .all(folderId) as { id: string; kind: string }[];
    const has = this.db.prepare('SELECT 1 FROM jobs WHERE photo_id = ? AND stage = ?');
    let queued = 0;
    for (const { id: photoId, kind } of photos) {
      for (const s of stages) {
        if (!s.kinds.includes(kind) || has.get(photoId, s.name)) continue;
        this.enqueue(photoId, s.name, now, s.priority);
        queued++;
      }
    }
    return queued;
  }
}
