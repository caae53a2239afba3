import { promises as fs } from 'node:fs';
import type { Repos } from '../db/index.js';
import type { FolderRow } from '../db/repos/folders.js';
import type { KnownFile } from '../db/repos/locations.js';
import { stagesFor } from '../jobs/stages.js';
import type { EventBus, ScanSummary } from '../shared/events.js';
import { localIso } from './dates.js';
import { fingerprintFile, photoIdFromHash } from './fingerprint.js';
import { planFolder } from './plan.js';
import { describeFsError, walk, type WalkedFile } from './walker.js';

export interface ScannerDeps {
  repos: Repos;
  events: EventBus;
  /** Which file names to look at (by extension). */
  accept: (name: string) => boolean;
  /** Deletes derived files (thumbnails…) of a content hash that left the catalogue. */
  forgetContent: (contentHash: string) => Promise<void>;
  /** Never scanned even when inside a library folder (Picto's own data). */
  exclude: string[];
  now?: () => Date;
}

interface Hashed {
  file: WalkedFile;
  folderId: number;
  hash: string;
  known?: KnownFile;
}

const BATCH = 500;
const HASH_CONCURRENCY = 8;

/**
 * Brings the catalogue in line with the disk. All folders are walked first and additions are applied
 * before removals, so a file moved from one library folder to another is recognised by its content
 * and keeps its id, favourite and albums instead of being deleted and re-created.
 */
export class Scanner {
  private running: Promise<ScanSummary> | null = null;

  constructor(private readonly deps: ScannerDeps) {}

  /** Scans the given folders (default: all). Concurrent calls share one scan. */
  scan(folderIds?: number[]): Promise<ScanSummary> {
    if (this.running) return this.running.then(() => this.scan(folderIds));
    this.running = this.doScan(folderIds).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  private async doScan(folderIds?: number[]): Promise<ScanSummary> {
    const { repos, events } = this.deps;
    const started = Date.now();
    const all = repos.folders.list();
    const folders = folderIds ? all.filter((f) => folderIds.includes(f.id)) : all;
    const summary: ScanSummary = {
      folders: folders.length,
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

    const toHash: { file: WalkedFile; folderId: number; known?: KnownFile }[] = [];
    const missing: KnownFile[] = [];
    const scanned: { folder: FolderRow; ms: number }[] = [];

    for (const folder of folders) {
      const t0 = Date.now();
      if (!(await isDirectory(folder.path))) {
        // An unplugged disk is not a deletion: keep everything, say the folder is offline.
        if (folder.online) repos.folders.setOnline(folder.id, false);
        summary.offline.push(folder.path);
        events.emit({ type: 'folders.changed' });
        continue;
      }
      if (!folder.online) {
        repos.folders.setOnline(folder.id, true);
        events.emit({ type: 'folders.changed' });
      }
      events.emit({ type: 'scan.progress', folder: folder.path, phase: 'walk', done: 0, total: 0 });
      const walked = await walk(folder.path, {
        accept: this.deps.accept,
        exclude: this.deps.exclude,
      });
      const plan = planFolder(
        walked.files,
        repos.locations.knownInFolder(folder.id),
        walked.unreadableDirs,
      );
      summary.files += walked.files.length;
      summary.unchanged += plan.unchanged;
      for (const a of plan.added) toHash.push({ file: a, folderId: folder.id });
      for (const c of plan.changed)
        toHash.push({ file: c.file, folderId: folder.id, known: c.known });
      missing.push(...plan.missing);
      this.recordIssues(folder.id, walked.issues);
      summary.issues += walked.issues.length;
      scanned.push({ folder, ms: Date.now() - t0 });
      events.emit({
        type: 'scan.progress',
        folder: folder.path,
        phase: 'walk',
        done: walked.files.length,
        total: walked.files.length,
      });
    }

    const hashed = await this.hashAll(toHash, summary);
    const forgotten: string[] = [];
    const changedIds = new Set<string>();
    for (let i = 0; i < hashed.length; i += BATCH) {
      const batch = hashed.slice(i, i + BATCH);
      repos.db.transaction(() => {
        for (const h of batch) this.applyOne(h, summary, forgotten, changedIds);
      })();
      events.emit({
        type: 'scan.progress',
        folder: '',
        phase: 'apply',
        done: Math.min(i + BATCH, hashed.length),
        total: hashed.length,
      });
    }
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
    items: { file: WalkedFile; folderId: number; known?: KnownFile }[],
    summary: ScanSummary,
  ): Promise<Hashed[]> {
    const out: Hashed[] = [];
    let next = 0;
    let done = 0;
    const failures: { path: string; folderId: number; error: string }[] = [];
    const lane = async () => {
      while (next < items.length) {
        const item = items[next++];
        try {
          const hash = await fingerprintFile(item.file.path, item.file.size);
          out.push({ ...item, hash });
        } catch (err) {
          failures.push({
            path: item.file.path,
            folderId: item.folderId,
            error: `cannot read file: ${describeFsError(err)}`,
          });
        }
        done++;
        if (done % 200 === 0 || done === items.length) {
          this.deps.events.emit({
            type: 'scan.progress',
            folder: '',
            phase: 'hash',
            done,
            total: items.length,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, items.length) }, lane));
    for (const f of failures) this.recordIssues(f.folderId, [f]);
    summary.issues += failures.length;
    // Deterministic order: the same disk gives the same ids whatever order hashing finished in.
    out.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
    return out;
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
    repos.photos.insertPending({
      id,
      hash: h.hash,
      size: h.file.size,
      sortAt: localIso(h.file.mtimeMs),
      now,
    });
    this.enqueueAll(id, h.folderId, now);
    return id;
  }

  private enqueueAll(photoId: string, folderId: number, now: string): void {
    const folder = this.deps.repos.folders.get(folderId);
    for (const stage of stagesFor(Boolean(folder?.ai_enabled))) {
      this.deps.repos.jobs.enqueue(photoId, stage.name, now, stage.priority);
    }
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

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}
