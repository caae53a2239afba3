// The duplicates review: groups of photos showing the same picture, a suggestion of which to
// keep, and resolving a group (the others go to the trash, their favourite mark and albums move
// to the one kept, so nothing people did is lost).

import { PictoError } from '../../shared/errors.js';
import { createHash } from 'node:crypto';
import type { Collection } from '../../collection/collection.js';
import type { TrashService } from '../../collection/trash.js';
import type { Repos } from '../../db/index.js';
import type { SignatureRow } from '../../db/repos/duplicates.js';
import type { EventBus } from '../../shared/events.js';
import { runInWorker } from '../../shared/worker-thread.js';
import {
  DEFAULT_FINDER,
  findDuplicates,
  type DupGroup as FoundGroup,
  type DupItem,
  type PairKind,
} from './finder.js';
import type { FinderInput } from './finder-worker.js';
import { isCopyName, suggestKeep, type KeepFacts } from './keep.js';

/** Below this many photos a scan takes well under a second: no thread needed. */
const INLINE_MAX = 5000;

export interface DuplicatePhoto {
  id: string;
  width: number | null;
  height: number | null;
  size: number;
  format: string | null;
  sortAt: string;
  takenAt: string | null;
  favourite: boolean;
  albums: number;
  contentHash: string;
  hasThumb: boolean;
  thumbWidth: number | null;
  thumbHeight: number | null;
}

export interface DuplicateGroup {
  /** Stable while the group's members stay the same. */
  id: string;
  photos: DuplicatePhoto[];
  pairs: { a: string; b: string; kind: PairKind; distance: number }[];
  keep: string;
  /** Why that one: "it is a favourite", "highest resolution (4000×3000)" … (see keep.ts) */
  reason: string;
}

export interface DuplicatesReport {
  groups: DuplicateGroup[];
  /** Photos stored in several files (one photo for Picto: identical bytes). */
  copies: { id: string; paths: string[] }[];
  /** Photos compared, and photos still waiting for their signature. */
  compared: number;
  ms: number;
}

export interface DuplicatesDeps {
  repos: Repos;
  events: EventBus;
  trash: TrashService;
  collection: Collection;
}

export class DuplicatesService {
  private cache: { stamp: string; report: DuplicatesReport } | null = null;
  private running: Promise<DuplicatesReport> | null = null;
  private dirty = true;
  private readonly off: () => void;

  constructor(private readonly deps: DuplicatesDeps) {
    this.off = deps.events.on((e) => {
      if (e.type === 'photos.changed' || e.type === 'albums.changed') this.dirty = true;
    });
  }

  dispose(): void {
    this.off();
  }

  /**
   * All groups, newest first. Computed once and kept until the library changes; a large library
   * is scanned in a worker thread, and concurrent callers share one scan.
   */
  async report(): Promise<DuplicatesReport> {
    const repo = this.deps.repos.discovery.duplicates;
    const stamp = repo.stamp();
    if (this.cache && !this.dirty && this.cache.stamp === stamp) return this.cache.report;
    if (this.running) return this.running;
    this.dirty = false;
    this.running = this.scan(stamp).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async scan(stamp: string): Promise<DuplicatesReport> {
    const repo = this.deps.repos.discovery.duplicates;
    const t0 = performance.now();
    const rows = repo.signatures();
    const dismissed = repo.dismissed();
    const items: DupItem[] = rows.map((r) => ({
      id: r.id,
      pixels: r.pixels,
      dct: new Int8Array(r.dct.buffer, r.dct.byteOffset, r.dct.byteLength),
      windows: new Uint8Array(r.windows.buffer, r.windows.byteOffset, r.windows.byteLength),
      width: r.width ?? 1,
      height: r.height ?? 1,
    }));
    const found =
      items.length <= INLINE_MAX
        ? findDuplicates(items, {
            ...DEFAULT_FINDER,
            dismissed: (a, b) => dismissed.has(a < b ? `${a}|${b}` : `${b}|${a}`),
          })
        : await inWorker(items, [...dismissed]);
    const groups = found.map((g): DuplicateGroup => {
      const members = g.members.map((i) => rows[i]);
      const { keep, reason } = suggestKeep(members.map((m) => keepFacts(this.deps.repos, m)));
      return {
        id: groupId(members.map((m) => m.id)),
        photos: members.map(photoView),
        pairs: g.pairs.map((p) => ({
          a: rows[p.a].id,
          b: rows[p.b].id,
          kind: p.kind,
          distance: p.distance,
        })),
        keep,
        reason,
      };
    });
    const newest = (g: DuplicateGroup) =>
      g.photos.reduce((m, p) => (p.sortAt > m ? p.sortAt : m), '');
    groups.sort((a, b) => newest(b).localeCompare(newest(a)) || a.id.localeCompare(b.id));
    const copies = repo
      .copies(1000)
      .map((c) => ({ id: c.photo_id, paths: JSON.parse(c.paths) as string[] }));
    const report = {
      groups,
      copies,
      compared: rows.length,
      ms: Math.round(performance.now() - t0),
    };
    this.cache = { stamp, report };
    return report;
  }

  async group(id: string): Promise<DuplicateGroup> {
    const g = (await this.report()).groups.find((x) => x.id === id);
    if (!g)
      throw new PictoError(
        'not-found',
        `no duplicate group ${id} (the library changed: reload the list)`,
      );
    return g;
  }

  /**
   * Keeps one photo of a group and moves the others to the trash. The kept photo inherits the
   * favourite mark and the albums of the others.
   */
  async resolve(groupId: string, keep: string): Promise<{ kept: string; trashed: string[] }> {
    const g = await this.group(groupId);
    if (!g.photos.some((p) => p.id === keep))
      throw new PictoError('invalid', `photo ${keep} is not in group ${groupId}`);
    const others = g.photos.filter((p) => p.id !== keep).map((p) => p.id);
    const { collection, repos } = this.deps;
    if (g.photos.some((p) => p.favourite)) collection.setFavourite([keep], true);
    for (const other of others) {
      for (const album of repos.albums.namesForPhoto(other))
        collection.addToAlbum(album.id, [keep]);
    }
    this.deps.trash.moveToTrash(others);
    this.dirty = true;
    return { kept: keep, trashed: others };
  }

  /** "These are not duplicates": the group's pairs are never proposed again. */
  async dismiss(groupId: string): Promise<number> {
    const g = await this.group(groupId);
    const now = new Date().toISOString();
    const repo = this.deps.repos.discovery.duplicates;
    this.deps.repos.db.transaction(() => {
      for (const p of g.pairs) repo.dismiss(p.a, p.b, now);
    })();
    this.dirty = true;
    return g.pairs.length;
  }
}

function inWorker(items: DupItem[], dismissed: string[]): Promise<FoundGroup[]> {
  const input: FinderInput = { items, dismissed };
  return runInWorker<FoundGroup[]>(import.meta.url, 'finder-worker', {
    task: 'finding duplicates',
    workerData: input,
  });
}

/** What the keep suggestion weighs, read for one photo of a group (groups are few and small). */
function keepFacts(repos: Repos, r: SignatureRow): KeepFacts {
  const files = repos.locations.forPhoto(r.id);
  const people = new Map<number, boolean>();
  let namedFaces = 0;
  for (const f of repos.people.facesInPhoto(r.id)) {
    if (f.person_id === null) continue;
    let named = people.get(f.person_id);
    if (named === undefined) {
      named = Boolean(repos.people.resolve(f.person_id)?.name);
      people.set(f.person_id, named);
    }
    if (named) namedFaces++;
  }
  const firstSeen = files.reduce<string | null>(
    (m, f) => (m === null || f.first_seen_at < m ? f.first_seen_at : m),
    null,
  );
  return {
    id: r.id,
    favourite: r.favourite === 1,
    albums: r.albums,
    namedFaces,
    firstSeen,
    modified: files.length ? Math.min(...files.map((f) => f.mtime_ms)) : null,
    copyName: files.length > 0 && files.every((f) => isCopyName(f.path)),
    width: r.width,
    height: r.height,
    size: r.size,
    takenAt: r.taken_at,
    sortAt: r.sort_at,
  };
}

function photoView(r: SignatureRow): DuplicatePhoto {
  return {
    id: r.id,
    width: r.width,
    height: r.height,
    size: r.size,
    format: r.format,
    sortAt: r.sort_at,
    takenAt: r.taken_at,
    favourite: r.favourite === 1,
    albums: r.albums,
    contentHash: r.content_hash,
    hasThumb: r.thumb_width !== null,
    thumbWidth: r.thumb_width,
    thumbHeight: r.thumb_height,
  };
}

function groupId(ids: string[]): string {
  return createHash('sha1')
    .update([...ids].sort().join(','))
    .digest('hex')
    .slice(0, 16);
}
