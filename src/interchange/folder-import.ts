// Scan-time half of moving in: the directories whose sidecars changed (library/sidecar-scan.ts
// decides which), read on the main thread right after the scan. Takeout folders are resolved
// whole (which JSON is whose, the album, what matched nothing) and each media file's sidecar is
// stored for the interchange stage to merge; XMP sidecars are only paired, since the stage reads
// them itself. Photos whose sidecars changed get the interchange stage again.
//
// Why here and not in the workers: pairing needs the whole folder (titles, counters, edited
// copies), and a folder's album and its unmatched sidecars are facts about the folder, not about
// one photo. Reading a 12,500-file Takeout folder's JSON takes about a second of I/O, once.

import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { Repos } from '../db/index.js';
import type { SidecarKind } from '../db/repos/imports.js';
import type { EventBus } from '../shared/events.js';
import { sidecarOwnership } from './ownership.js';
import { hasJsonFiles, readTakeoutFolder } from './takeout/folder.js';
import { nfc, splitExt } from './takeout/names.js';
import type { FolderResolution } from './takeout/resolve.js';
import { isPictoMergeCopy, sidecarsInFolder } from './xmp-read/sidecar-files.js';

export interface FolderImportDeps {
  repos: Repos;
  events: EventBus;
  /** The stage that reads a photo's sidecars (the pipeline's `interchange`). */
  stage: { name: string; priority: number };
  now?: () => string;
}

export interface SidecarDirInput {
  dir: string;
  folderId: number;
  /** Sidecar paths added, changed or removed. */
  changed: string[];
}

const MAX_ALBUM_NAME = 200;
const isJson = (n: string) => /\.json$/i.test(n);
const isXmp = (n: string) => /\.xmp$/i.test(n);

async function listFiles(dir: string): Promise<string[] | null> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch {
    return null;
  }
}

/** Reads the sidecars of the given directories; one bad directory never stops the others. */
export function sidecarDirReader(
  deps: FolderImportDeps,
): (dirs: SidecarDirInput[]) => Promise<void> {
  return async (dirs) => {
    let albums = false;
    for (const d of dirs) {
      try {
        albums = (await readDir(deps, d)) || albums;
      } catch (err) {
        process.stderr.write(
          `picto: reading sidecars in ${d.dir} failed: ${(err as Error).message}\n`,
        );
      }
    }
    if (albums) deps.events.emit({ type: 'albums.changed' });
  };
}

/** One directory. Returns true when an album was made. */
async function readDir(deps: FolderImportDeps, d: SidecarDirInput): Promise<boolean> {
  const { repos } = deps;
  const now = deps.now?.() ?? new Date().toISOString();
  const files = (await listFiles(d.dir)) ?? [];
  const takeout = hasJsonFiles(files) ? await readTakeoutFolder(d.dir, files) : null;
  const ownSidecars = await untouchedOwnSidecars(d, files);
  const photoAt = (name: string) => repos.locations.byPath(path.join(d.dir, name))?.photo_id;
  const requeue = new Set<string>();
  let albumMade = false;

  repos.db.transaction(() => {
    if (takeout) albumMade = recordTakeout(deps, d, takeout, now, requeue, photoAt);
    else
      for (const m of repos.imports.takeoutMatchesIn(d.dir))
        forgetMatch(deps, m.media_path, requeue);
    recordXmp(deps, d, files, ownSidecars, requeue, photoAt);
    const { stage } = deps;
    for (const id of requeue) repos.jobs.enqueue(id, stage.name, now, stage.priority);
  })();
  return albumMade;
}

function forgetMatch(deps: FolderImportDeps, mediaPath: string, requeue: Set<string>): void {
  deps.repos.imports.deleteTakeoutMatch(mediaPath);
  const id = deps.repos.locations.byPath(mediaPath)?.photo_id;
  if (id) requeue.add(id);
}

function recordTakeout(
  deps: FolderImportDeps,
  d: SidecarDirInput,
  res: FolderResolution,
  now: string,
  requeue: Set<string>,
  photoAt: (name: string) => string | undefined,
): boolean {
  const { imports } = deps.repos;
  const claimed = new Set([...res.sidecars.values()].map((s) => s.json));
  const kindOf = new Map<string, SidecarKind>();
  for (const j of res.unmatched) kindOf.set(j, 'photo');
  for (const j of claimed) kindOf.set(j, 'photo');
  for (const j of res.other) kindOf.set(j, 'other');
  if (res.album) kindOf.set(res.album.json, 'album');
  const errors = new Map(res.invalid.map((i) => [i.json, i.error]));
  for (const j of errors.keys()) kindOf.set(j, 'invalid');
  for (const [json, kind] of kindOf) {
    imports.setSidecarState(
      path.join(d.dir, json),
      kind,
      claimed.has(json),
      errors.get(json) ?? null,
    );
  }

  const before = new Map(imports.takeoutMatchesIn(d.dir).map((m) => [m.media_path, m]));
  for (const [media, match] of res.sidecars) {
    const mediaPath = path.join(d.dir, media);
    const row = {
      media_path: mediaPath,
      folder_id: d.folderId,
      dir: d.dir,
      json: path.join(d.dir, match.json),
      rule: match.rule,
      data: JSON.stringify(match.photo),
    };
    const old = before.get(mediaPath);
    before.delete(mediaPath);
    if (old && old.data === row.data && old.json === row.json && old.applied_to) continue;
    imports.upsertTakeoutMatch(row);
    const id = photoAt(media);
    if (id) requeue.add(id);
  }
  for (const gone of before.keys()) forgetMatch(deps, gone, requeue);
  return res.album ? takeoutAlbum(deps, d, res.album, now) : false;
}

/**
 * A Takeout album folder becomes an album once: named and described from its metadata, joined
 * to an album of the same name if there is one. Its photos are added by the interchange stage.
 */
function takeoutAlbum(
  deps: FolderImportDeps,
  d: SidecarDirInput,
  album: { name: string; description: string | null },
  now: string,
): boolean {
  const { repos } = deps;
  if (repos.imports.takeoutAlbum(d.dir)) return false;
  const name =
    album.name.replace(/\s+/g, ' ').trim().slice(0, MAX_ALBUM_NAME) || path.basename(d.dir);
  const existing = repos.albums.byName(name);
  const row = existing ?? repos.albums.insert(name, album.description ?? '', now);
  repos.imports.insertTakeoutAlbum({
    dir: d.dir,
    folder_id: d.folderId,
    name,
    album_id: row.id,
    created_at: now,
  });
  return !existing;
}

/** Sidecars among the changed ones that Picto wrote and nobody touched: nothing new in them. */
async function untouchedOwnSidecars(d: SidecarDirInput, files: string[]): Promise<Set<string>> {
  const present = new Set(files);
  const own = new Set<string>();
  for (const p of d.changed) {
    const name = path.basename(p);
    if (!isXmp(name) || !present.has(name)) continue;
    const text = await fs.readFile(p, 'utf8').catch(() => null);
    if (text !== null && sidecarOwnership(text) === 'picto') own.add(p);
  }
  return own;
}

/** Which media files an XMP name may belong to: `NAME.jpg.xmp`, or `NAME.xmp` for its stem. */
function mediaForXmp(xmp: string, media: readonly string[]): string[] {
  const key = nfc(xmp).toLowerCase();
  return media.filter((m) => {
    const lower = nfc(m).toLowerCase();
    return `${lower}.xmp` === key || `${splitExt(lower)[0]}.xmp` === key;
  });
}

function recordXmp(
  deps: FolderImportDeps,
  d: SidecarDirInput,
  files: string[],
  ownSidecars: Set<string>,
  requeue: Set<string>,
  photoAt: (name: string) => string | undefined,
): void {
  const xmps = files.filter((f) => isXmp(f) && !isPictoMergeCopy(f));
  const media = files.filter((f) => !isXmp(f) && !isJson(f));
  const pairs = sidecarsInFolder(files);
  const claimed = new Set<string>();
  for (const s of pairs.values()) for (const f of [s.full, s.stem]) if (f) claimed.add(f);
  for (const x of xmps) {
    deps.repos.imports.setSidecarState(path.join(d.dir, x), 'xmp', claimed.has(x), null);
  }
  for (const p of d.changed) {
    const name = path.basename(p);
    if (!isXmp(name) || isPictoMergeCopy(name) || ownSidecars.has(p)) continue;
    for (const m of mediaForXmp(name, media)) {
      const id = photoAt(m);
      if (id) requeue.add(id);
    }
  }
}

/**
 * Queues the import stage again for those of these photos a Google Takeout sidecar belongs to
 * (after the user's date or place was taken back, so the sidecar fills the gap again). Returns
 * how many were queued.
 */
export function requeueTakeoutPhotos(
  repos: Repos,
  ids: readonly string[],
  stage: { name: string; priority: number },
  now: string,
): number {
  let n = 0;
  repos.db.transaction(() => {
    for (const id of ids) {
      const paths = repos.locations.forPhoto(id).map((l) => l.path);
      if (!repos.imports.takeoutFor(paths)) continue;
      repos.jobs.enqueue(id, stage.name, now, stage.priority);
      n++;
    }
  })();
  return n;
}
