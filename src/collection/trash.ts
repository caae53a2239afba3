import { promises as fs } from 'node:fs';
import type { Repos } from '../db/index.js';
import type { TrashedFile } from '../db/repos/trash.js';
import { insideLibrary, realRoots } from '../library/real-path.js';
import { sniffFile } from '../media/files.js';
import { PictoError } from '../shared/errors.js';
import type { EventBus } from '../shared/events.js';

export interface EmptyTrashOutcome {
  deletedPhotos: number;
  deletedFiles: number;
  kept: { id: string; path: string; reason: string }[];
}

export interface TrashDeps {
  repos: Repos;
  events: EventBus;
  /** Deletes thumbnails of content that left the catalogue. */
  forgetContent: (contentHash: string) => Promise<void>;
}

/**
 * The trash. Moving to the trash and restoring only flip a flag; emptying it is the one place in
 * Picto that deletes original files, and it refuses unless the caller confirms explicitly.
 */
export class TrashService {
  constructor(private readonly deps: TrashDeps) {}

  private requireIds(ids: string[]): void {
    const missing = ids.filter((id) => !this.deps.repos.photos.idExists(id));
    if (missing.length)
      throw new PictoError('not-found', `no photo with id ${missing.slice(0, 5).join(', ')}`);
  }

  moveToTrash(ids: string[]): number {
    this.requireIds(ids);
    const { repos } = this.deps;
    const n = repos.db.transaction(() => repos.trash.setTrashed(ids, new Date().toISOString()))();
    this.changed(ids);
    return n;
  }

  restore(ids: string[]): number {
    this.requireIds(ids);
    const { repos } = this.deps;
    const n = repos.db.transaction(() => repos.trash.setTrashed(ids, null))();
    this.changed(ids);
    return n;
  }

  /**
   * Deletes the files of trashed photos from disk, then forgets the photos. A file is deleted only
   * if it still looks like the one the catalogue knows (same size and modification time): a file
   * replaced on disk since the last scan may hold a different photo, so it is kept and reported.
   * A photo leaves the catalogue only once none of its files remain. Files reached through links
   * are deleted only where they really are inside the library ([Note: Links and real paths]).
   */
  async empty(opts: { confirm: boolean; ids?: string[] }): Promise<EmptyTrashOutcome> {
    if (opts.confirm !== true) {
      throw new PictoError(
        'invalid',
        'emptying the trash deletes files from disk: confirm must be true',
      );
    }
    const { repos } = this.deps;
    if (opts.ids) {
      this.requireIds(opts.ids);
      const notTrashed = opts.ids.filter((id) => !repos.trash.isTrashed(id));
      if (notTrashed.length) {
        throw new PictoError('conflict', `not in the trash: ${notTrashed.slice(0, 5).join(', ')}`);
      }
    }
    const ids = opts.ids ?? repos.trash.trashedIds();
    const files = repos.trash.filesOfTrashed(ids);
    const byPhoto = new Map<string, TrashedFile[]>();
    for (const id of ids) byPhoto.set(id, []);
    for (const f of files) byPhoto.get(f.photo_id)!.push(f);

    const roots = await realRoots(repos.folders.list().map((folder) => folder.path));
    const out: EmptyTrashOutcome = { deletedPhotos: 0, deletedFiles: 0, kept: [] };
    const gone: { photoId: string; hash: string | null }[] = [];
    const goneLocations: number[] = [];
    for (const [photoId, list] of byPhoto) {
      let allGone = true;
      for (const f of list) {
        const reason = await deleteIfUnchanged(f, roots);
        if (reason === null) {
          out.deletedFiles++;
          goneLocations.push(f.location_id);
        } else if (reason === 'absent') {
          goneLocations.push(f.location_id);
        } else {
          allGone = false;
          out.kept.push({ id: photoId, path: f.path, reason });
        }
      }
      if (allGone) gone.push({ photoId, hash: list[0]?.content_hash ?? null });
    }

    repos.db.transaction(() => {
      for (const id of goneLocations) repos.locations.delete(id);
      for (const g of gone) repos.photos.delete(g.photoId);
    })();
    out.deletedPhotos = gone.length;
    for (const g of gone) {
      const hash = g.hash ?? null;
      if (hash) await this.deps.forgetContent(hash);
    }
    this.deps.events.emit({
      type: 'photos.changed',
      ids: gone.map((g) => g.photoId),
      reason: 'removed',
    });
    this.deps.events.emit({ type: 'albums.changed' });
    this.deps.events.emit({ type: 'folders.changed' });
    return out;
  }

  private changed(ids: string[]): void {
    this.deps.events.emit({ type: 'photos.changed', ids, reason: 'updated' });
    // Album counts and covers leave out trashed photos.
    this.deps.events.emit({ type: 'albums.changed' });
  }
}

/**
 * Deletes one file of a trashed photo: null when deleted, 'absent' when already gone, else why it
 * was kept. It acts on the file's real location, and only inside the library (see
 * [Note: Links and real paths] in library/real-path.ts).
 */
async function deleteIfUnchanged(f: TrashedFile, roots: string[]): Promise<string | null> {
  let link;
  try {
    link = await fs.lstat(f.path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    return `cannot read the file: ${(err as Error).message}`;
  }
  let real: string;
  try {
    real = await fs.realpath(f.path);
  } catch (err) {
    // A link whose target is gone holds no photo any more.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    return `cannot read the file: ${(err as Error).message}`;
  }
  if (!insideLibrary(real, roots)) {
    return `its real location ${real} is outside the library folders (reached through a link); Picto deletes only files inside them`;
  }
  const st = await fs.stat(real).catch(() => null);
  if (!st) return 'absent';
  if (!st.isFile()) return 'not a regular file any more';
  if (st.size !== f.size || Math.floor(st.mtimeMs) !== f.mtime_ms) {
    return 'the file changed on disk since the last scan; rescan its folder first';
  }
  if (!(await sniffFile(real).catch(() => null))) {
    return 'the file is not a photo Picto recognises (its content is not an image); delete it yourself if you mean to';
  }
  try {
    await fs.unlink(real);
    // The link itself would only dangle: it goes with the file it led to.
    if (link.isSymbolicLink()) await fs.unlink(f.path).catch(() => undefined);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    return code === 'EACCES' || code === 'EPERM'
      ? 'no permission to delete the file'
      : `could not delete: ${(err as Error).message}`;
  }
}
