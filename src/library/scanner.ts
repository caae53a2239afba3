import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Repos } from '../db/index.js';
import type { FolderRow } from '../db/repos/folders.js';
import type { KnownFile } from '../db/repos/locations.js';
import { scanStages } from '../jobs/pipeline.js';
import type { EventBus, ScanSummary } from '../shared/events.js';
import { isVideoCandidate } from '../media/video/formats.js';
import { localIso } from './dates.js';
import { photoIdFromHash } from './fingerprint.js';
import { isInside, minimalRoots } from './roots.js';
import { hashFiles, type Hashed, type HashItem, type HashLanes } from './hash-files.js';
import { LiveHold } from './live-hold.js';
import { livePairsTogether, pastLiveHalves } from './live-photo.js';
import { planFolder } from './plan.js';
import { isSidecarName, SidecarScan, type SidecarReader } from './sidecar-scan.js';
import { isSkippedName, walk, type WalkedFile, type WalkResult } from './walker.js';

export interface ScannerDeps {
  repos: Repos;
  events: EventBus;
  /** Which file names to look at (by extension). */
  accept: (name: string) => boolean;
  /** Deletes derived files (thumbnails…) of a content hash that left the catalogue. */
  forgetContent: (contentHash: string) => Promise<void>;
  /** Never scanned even when inside a library folder (Picto's own data). */
  exclude: string[];
  /**
   * Reads the sidecars (Takeout JSON, XMP) of directories where they or the photos beside them
   * changed; without it sidecars are not looked at. See [Note: noticing sidecar changes].
   */
  readSidecars?: SidecarReader;
  now?: () => Date;
  /** A batch of new photos is in the catalogue with its jobs: the indexer may start on them. */
  onBatch?: () => void;
  /**
   * How far the scan may run ahead of the indexer in this process ([Note: scan pacing]): asked
   * once per scan; the function it returns resolves when `queued` photos with new work may be in
   * the catalogue. None (or null): the scan runs at its own pace.
   */
  pace?: () => ((queued: number) => Promise<void>) | null;
}

interface ScanTarget {
  folder: FolderRow;
  /** The folder itself, or a file/folder inside it for a targeted scan. */
  root: string;
}

/** A path (relative to its library folder) inside a hidden or system folder is never scanned. */
function isSkippedPath(rel: string, lastIsDir: boolean): boolean {
  const parts = rel.split(path.sep).filter(Boolean);
  return parts.some((part, i) => isSkippedName(part, i < parts.length - 1 || lastIsDir));
}

const BATCH = 500;
/**
 * [Note: streaming scan] New and changed files are fingerprinted and entered in batches of this
 * many, newest first (file time), and the indexer is told after each: the first thumbnails of a
 * 10,000-photo folder are made while the rest is still being fingerprinted, in the order the
 * timeline shows them. Jobs are claimed in insertion order within a priority, so the newest
 * photos are also indexed first.
 */
const STREAM_BATCH = 100;
/**
 * The first batch is smaller: the workers, loaded while the folder was walked, get their first
 * photos after 16 fingerprints instead of 100 (~0.1–0.5 s sooner, depending on the load).
 */
const FIRST_BATCH = 16;
/**
 * [Note: scan pacing] On two cores the scan's fingerprinting (a 1 MiB read and its sha256 per
 * file, ~1.5 ms of CPU) competes with the workers making the first thumbnails: unpaced, it ran
 * ~300 files/s and took half the CPU while the first screen was being made. So once the indexer
 * of this process has work queued, the scan stays a few batches ahead of it (the runner says how
 * far: JobRunner.scanPacer) and otherwise waits, but never long: it goes on at a floor of one
 * batch a second, so the catalogue of a 10,000-photo folder is still complete within minutes,
 * and it never waits on an indexer that is paused, stopped, stuck, in another process, or made
 * of remote workers only (no local CPU to leave to it).
 */

/**
 * Brings the catalogue in line with the disk. All folders are walked first and additions are applied
 * before removals, so a file moved from one library folder to another is recognised by its content
 * and keeps its id, favourite and albums instead of being deleted and re-created.
 */
export class Scanner {
  private tail: Promise<unknown> = Promise.resolve();
  /** Photos this scan queued work for (the pacer's count). */
  private queued = 0;
  /** One fingerprint buffer per hashing lane, for the length of a scan. */
  private lanes: HashLanes = [];
  /** Which new MOVs wait for their pairing, for the length of a scan. */
  private hold: LiveHold | null = null;

  constructor(private readonly deps: ScannerDeps) {}

  /** Scans the given folders (default: all). Scans never overlap: a second one waits its turn. */
  scan(folderIds?: number[]): Promise<ScanSummary> {
    return this.enqueue(() => {
      const all = this.deps.repos.folders.list();
      const folders = folderIds ? all.filter((f) => folderIds.includes(f.id)) : all;
      return this.doScan(folders.map((folder) => ({ folder, root: folder.path })));
    });
  }

  /**
   * Scans only the given paths (files or folders, existing or gone) inside library folders: what
   * the watcher calls with the paths it saw change. Paths outside every library folder are ignored.
   */
  scanPaths(paths: string[]): Promise<ScanSummary> {
    return this.enqueue(() => {
      const folders = this.deps.repos.folders.list();
      const targets: ScanTarget[] = [];
      for (const p of minimalRoots(paths.map((x) => path.resolve(x)))) {
        const folder = folders.find((f) => p === f.path || isInside(p, f.path));
        if (folder) targets.push({ folder, root: p });
      }
      return this.doScan(targets);
    });
  }

  private enqueue(run: () => Promise<ScanSummary>): Promise<ScanSummary> {
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  private async doScan(targets: ScanTarget[]): Promise<ScanSummary> {
    const { repos, events } = this.deps;
    const started = Date.now();
    const summary: ScanSummary = {
      folders: new Set(targets.map((t) => t.folder.id)).size,
      files: 0,
      unchanged: 0,
      added: 0,
      changed: 0,
      moved: 0,
      removed: 0,
      duplicates: 0,
      issues: 0,
      offline: [],
      ms: 0,
    };

    let toHash: { file: WalkedFile; folderId: number; known?: KnownFile }[] = [];
    const missing: KnownFile[] = [];
    const scanned: { folder: FolderRow; ms: number }[] = [];
    const sidecars = this.deps.readSidecars ? new SidecarScan(repos) : null;

    for (const { folder, root } of targets) {
      const t0 = Date.now();
      if (!(await isDirectory(folder.path))) {
        // An unplugged disk is not a deletion: keep everything, say the folder is offline.
        if (folder.online) repos.folders.setOnline(folder.id, false);
        if (!summary.offline.includes(folder.path)) summary.offline.push(folder.path);
        events.emit({ type: 'folders.changed' });
        continue;
      }
      if (!folder.online) {
        repos.folders.setOnline(folder.id, true);
        folder.online = 1;
        events.emit({ type: 'folders.changed' });
      }
      events.emit({ type: 'scan.progress', folder: root, phase: 'walk', done: 0, total: 0 });
      const whole = root === folder.path;
      const walked = await this.walkTarget(root, folder.path);
      await sidecars?.noteWalk(folder.id, root, walked);
      const known = whole
        ? repos.locations.knownInFolder(folder.id)
        : repos.locations.knownUnder(folder.id, root);
      const plan = planFolder(walked.files, known, walked.unreadableDirs);
      summary.files += walked.files.length;
      summary.unchanged += plan.unchanged;
      for (const a of plan.added) toHash.push({ file: a, folderId: folder.id });
      for (const c of plan.changed)
        toHash.push({ file: c.file, folderId: folder.id, known: c.known });
      missing.push(...plan.missing);
      this.recordIssues(folder.id, walked.issues);
      summary.issues += walked.issues.length;
      if (whole) scanned.push({ folder, ms: Date.now() - t0 });
      events.emit({
        type: 'scan.progress',
        folder: root,
        phase: 'walk',
        done: walked.files.length,
        total: walked.files.length,
      });
    }

    const forgotten: string[] = [];
    const changedIds = new Set<string>();
    // Newest first; the path breaks ties so the same disk always gives the same order (and ids).
    toHash.sort((a, b) => b.file.mtimeMs - a.file.mtimeMs || byPath(a.file.path, b.file.path));
    // A still and the MOV of its name enter in one batch ([Note: a MOV waits for its pairing]).
    toHash = livePairsTogether(toHash, (t) => t.file.path);
    this.hold = new LiveHold(repos, toHash);
    let applied = 0;
    this.queued = 0;
    const pace = toHash.length > 0 ? (this.deps.pace?.() ?? null) : null;
    for (let i = 0; i < toHash.length;) {
      const cut = Math.min(toHash.length, i + (i === 0 ? FIRST_BATCH : STREAM_BATCH));
      const end = pastLiveHalves(toHash, cut, (t) => t.file.path);
      await pace?.(this.queued + end - i);
      const hashed = await this.hashAll(toHash.slice(i, end), summary, {
        done: i,
        total: toHash.length,
      });
      repos.db.transaction(() => {
        for (const h of hashed) this.applyOne(h, summary, forgotten, changedIds);
      })();
      applied += hashed.length;
      events.emit({
        type: 'scan.progress',
        folder: '',
        phase: 'apply',
        done: applied,
        total: toHash.length,
      });
      if (hashed.length) this.deps.onBatch?.();
      i = end;
    }
    this.lanes = [];
    this.hold = null;
    // Removals last: by now every moved file has been attached under its new path.
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      repos.db.transaction(() => {
        for (const m of batch) this.removeLocation(m, summary, forgotten, changedIds);
      })();
    }
    // Known content at a new path is a move when an old path vanished in the same scan, else a copy.
    const atNewPath = summary.moved;
    summary.moved = Math.min(atNewPath, summary.removed);
    summary.duplicates = atNewPath - summary.moved;
    summary.removed -= summary.moved;

    if (sidecars && this.deps.readSidecars) {
      sidecars.notePhotos(toHash.map((t) => ({ path: t.file.path, folderId: t.folderId })));
      await this.deps.readSidecars(sidecars.dirs());
    }

    const at = this.now();
    for (const s of scanned) repos.folders.markScanned(s.folder.id, at, s.ms);
    for (const h of forgotten) await this.deps.forgetContent(h);
    summary.ms = Date.now() - started;
    if (changedIds.size > 0) {
      events.emit({ type: 'photos.changed', ids: [...changedIds], reason: 'updated' });
    }
    events.emit({ type: 'scan.done', summary });
    return summary;
  }

  /** Walks a folder, or stats a single file; a path that is gone yields nothing (all missing). */
  private async walkTarget(root: string, folderRoot: string): Promise<WalkResult> {
    const empty: WalkResult = { files: [], sidecars: [], dirs: [], issues: [], unreadableDirs: [] };
    if (root !== folderRoot && isSkippedPath(path.relative(folderRoot, root), true)) return empty;
    let st;
    try {
      st = await fs.stat(root);
    } catch {
      return empty;
    }
    if (st.isDirectory()) {
      return walk(root, {
        accept: this.deps.accept,
        exclude: this.deps.exclude,
        sidecar: this.deps.readSidecars ? isSidecarName : undefined,
      });
    }
    if (st.isFile() && this.deps.accept(path.basename(root))) {
      return { ...empty, files: [{ path: root, size: st.size, mtimeMs: Math.floor(st.mtimeMs) }] };
    }
    return empty;
  }

  private recordIssues(folderId: number, issues: { path: string; error: string }[]): void {
    if (issues.length === 0) return;
    const seen = this.now();
    this.deps.repos.db.transaction(() => {
      for (const i of issues) {
        this.deps.repos.fileIssues.upsert({
          path: i.path,
          folder_id: folderId,
          error: i.error,
          seen_at: seen,
        });
      }
    })();
  }

  private async hashAll(
    items: HashItem[],
    summary: ScanSummary,
    progress: { done: number; total: number },
  ): Promise<Hashed[]> {
    let done = progress.done;
    const { hashed, failures } = await hashFiles(items, this.lanes, () => {
      done++;
      if (done % 200 === 0 || done === progress.total) {
        const total = progress.total;
        this.deps.events.emit({ type: 'scan.progress', folder: '', phase: 'hash', done, total });
      }
    });
    for (const f of failures) this.recordIssues(f.folderId, [f]);
    summary.issues += failures.length;
    return hashed;
  }

  private applyOne(
    h: Hashed,
    summary: ScanSummary,
    forgotten: string[],
    changedIds: Set<string>,
  ): void {
    const { repos } = this.deps;
    const now = this.now();
    repos.fileIssues.delete(h.file.path);
    const existing = repos.photos.byHash(h.hash);

    if (h.known) {
      const current = repos.photos.get(h.known.photo_id);
      if (current && current.content_hash === h.hash) {
        // Touched but identical (copied back, metadata-preserving sync): nothing to redo.
        repos.locations.updateStat(h.known.id, h.file.size, h.file.mtimeMs);
        return;
      }
      summary.changed++;
      if (existing) {
        // The file now holds content the catalogue already has elsewhere.
        repos.locations.repoint(h.known.id, existing.id, h.file.size, h.file.mtimeMs);
        this.dropIfOrphan(h.known.photo_id, forgotten);
        changedIds.add(existing.id);
        return;
      }
      if (current && repos.locations.countForPhoto(current.id) === 1) {
        // Edited in place: same photo, new content. Keep id, favourite and albums; redo derived data.
        forgotten.push(current.content_hash);
        repos.photos.replaceContent(current.id, h.hash, h.file.size, now);
        repos.locations.updateStat(h.known.id, h.file.size, h.file.mtimeMs);
        this.enqueueAll(current.id, h.folderId, now);
        changedIds.add(current.id);
        return;
      }
      // One of several copies diverged: it becomes a photo of its own.
      const id = this.insertPhoto(h, now);
      repos.locations.repoint(h.known.id, id, h.file.size, h.file.mtimeMs);
      changedIds.add(id);
      return;
    }

    if (existing) {
      // Known content at a new path: the new name of a moved file, or a second copy.
      repos.locations.insert({
        photo_id: existing.id,
        folder_id: h.folderId,
        path: h.file.path,
        size: h.file.size,
        mtime_ms: h.file.mtimeMs,
        first_seen_at: now,
      });
      summary.moved++;
      changedIds.add(existing.id);
      return;
    }
    const id = this.insertPhoto(h, now);
    repos.locations.insert({
      photo_id: id,
      folder_id: h.folderId,
      path: h.file.path,
      size: h.file.size,
      mtime_ms: h.file.mtimeMs,
      first_seen_at: now,
    });
    summary.added++;
  }

  private insertPhoto(h: Hashed, now: string): string {
    const { repos } = this.deps;
    const id = photoIdFromHash(h.hash, (c) => repos.photos.idExists(c));
    const kind = isVideoCandidate(h.file.path) ? 'video' : 'photo';
    const held = this.hold?.entering(h.file.path, kind, now) ?? false;
    repos.photos.insertPending({
      id,
      hash: h.hash,
      size: h.file.size,
      sortAt: localIso(h.file.mtimeMs),
      now,
      kind,
      held,
    });
    this.enqueueAll(id, h.folderId, now, kind);
    return id;
  }

  /** Queues a photo's scan stages; `kind` when the caller knows it (a row it just inserted). */
  private enqueueAll(
    photoId: string,
    folderId: number,
    now: string,
    known?: 'photo' | 'video',
  ): void {
    const folder = this.deps.repos.folders.get(folderId);
    const kind =
      known ?? (this.deps.repos.photos.get(photoId)?.kind === 'video' ? 'video' : 'photo');
    for (const stage of scanStages(Boolean(folder?.ai_enabled), kind)) {
      this.deps.repos.jobs.enqueue(photoId, stage.name, now, stage.priority);
    }
    this.queued++;
  }

  private removeLocation(
    m: KnownFile,
    summary: ScanSummary,
    forgotten: string[],
    changedIds: Set<string>,
  ): void {
    const { repos } = this.deps;
    repos.locations.delete(m.id);
    repos.fileIssues.delete(m.path);
    summary.removed++;
    if (!this.dropIfOrphan(m.photo_id, forgotten)) changedIds.add(m.photo_id);
  }

  /** Deletes a photo that no longer has any file; returns true when it did. */
  private dropIfOrphan(photoId: string, forgotten: string[]): boolean {
    const { repos } = this.deps;
    if (repos.locations.countForPhoto(photoId) > 0) return false;
    const photo = repos.photos.get(photoId);
    if (!photo) return true;
    forgotten.push(photo.content_hash);
    repos.photos.delete(photoId);
    return true;
  }
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}
