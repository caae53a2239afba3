import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Repos } from '../db/index.js';
import type { FolderRow } from '../db/repos/folders.js';
import { AI_STAGES } from '../jobs/pipeline.js';
import { kindsOf } from '../jobs/stage.js';
import { PictoError } from '../shared/errors.js';
import type { EventBus } from '../shared/events.js';

export interface FolderServiceDeps {
  repos: Repos;
  events: EventBus;
  dataDir: string;
  forgetContent: (contentHash: string) => Promise<void>;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export class FolderService {
  constructor(private readonly deps: FolderServiceDeps) {}

  list(): FolderRow[] {
    return this.deps.repos.folders.list();
  }

  /** Resolves a user-typed path to the canonical absolute form folders are stored under. */
  async canonical(p: string): Promise<string> {
    const abs = path.resolve(p);
    try {
      return await fs.realpath(abs);
    } catch {
      return abs;
    }
  }

  /**
   * Adds a library folder. A folder inside one already in the library is refused (it is already
   * covered); a parent of existing folders absorbs them, keeping their photos and everything attached.
   */
  async add(p: string): Promise<{ folder: FolderRow; created: boolean; absorbed: string[] }> {
    const { repos, events } = this.deps;
    const abs = await this.canonical(p);
    let st;
    try {
      st = await fs.stat(abs);
    } catch {
      throw new PictoError('folder-not-found', `folder not found: ${abs}`);
    }
    if (!st.isDirectory()) throw new PictoError('not-a-folder', `not a folder: ${abs}`);
    const dataDir = path.resolve(this.deps.dataDir);
    if (abs === dataDir || isInside(abs, dataDir)) {
      throw new PictoError('data-dir', `${abs} is Picto's own data folder`);
    }
    const existing = repos.folders.byPath(abs);
    if (existing) return { folder: existing, created: false, absorbed: [] };
    const all = repos.folders.list();
    const parent = all.find((f) => isInside(abs, f.path));
    if (parent) {
      throw new PictoError('nested', `${abs} is already in the library (inside ${parent.path})`);
    }
    const children = all.filter((f) => isInside(f.path, abs));
    const now = new Date().toISOString();
    const folder = repos.db.transaction(() => {
      const row = repos.folders.insert(abs, now);
      for (const c of children) {
        repos.locations.moveFolder(c.id, row.id);
        repos.fileIssues.moveFolder(c.id, row.id);
        repos.imports.moveFolder(c.id, row.id);
        repos.folders.delete(c.id);
      }
      return row;
    })();
    events.emit({ type: 'folders.changed' });
    return { folder, created: true, absorbed: children.map((c) => c.path) };
  }

  /** Removes a folder from the library (never from disk); photos only it held leave the catalogue. */
  async remove(p: string): Promise<{ folder: FolderRow; removedPhotos: number }> {
    const { repos, events } = this.deps;
    const folder = await this.find(p);
    const hashes: string[] = [];
    const removed = repos.db.transaction(() => {
      const photoIds = repos.locations.photoIdsInFolder(folder.id);
      repos.folders.delete(folder.id);
      let n = 0;
      for (const id of photoIds) {
        if (repos.locations.countForPhoto(id) > 0) continue;
        const photo = repos.photos.get(id);
        if (photo) hashes.push(photo.content_hash);
        repos.photos.delete(id);
        n++;
      }
      return n;
    })();
    for (const h of hashes) await this.deps.forgetContent(h);
    events.emit({ type: 'folders.changed' });
    if (removed) events.emit({ type: 'photos.changed', ids: [], reason: 'removed' });
    return { folder, removedPhotos: removed };
  }

  async find(p: string): Promise<FolderRow> {
    const abs = await this.canonical(p);
    const folder =
      this.deps.repos.folders.byPath(abs) ?? this.deps.repos.folders.byPath(path.resolve(p));
    if (!folder) throw new PictoError('unknown-folder', `not a library folder: ${abs}`);
    return folder;
  }

  /** Switches AI for a folder; switching it on queues the AI stages its photos have not had. */
  setAi(id: number, enabled: boolean): number {
    const { repos } = this.deps;
    const folder = repos.folders.get(id);
    if (!folder) throw new PictoError('unknown-folder', `no folder with id ${id}`);
    repos.folders.setAi(id, enabled);
    let queued = 0;
    if (enabled) {
      const now = new Date().toISOString();
      const aiStages = AI_STAGES.map((s) => ({
        name: s.name,
        priority: s.priority,
        kinds: kindsOf(s),
      }));
      queued = repos.db.transaction(() => repos.jobs.enqueueMissingInFolder(id, aiStages, now))();
    }
    this.deps.events.emit({ type: 'folders.changed' });
    return queued;
  }
}
