import path from 'node:path';
import type { KnownFile } from '../db/repos/locations.js';
import type { WalkedFile } from './walker.js';

export interface FolderPlan {
  unchanged: number;
  /** Known path whose size or mtime moved: hash again to see whether the content changed. */
  changed: { file: WalkedFile; known: KnownFile }[];
  /** Path never seen: a new photo, a copy, or the new name of a moved file. */
  added: WalkedFile[];
  /** Known path no longer on disk: a deletion, or the old name of a moved file. */
  missing: KnownFile[];
}

/**
 * Compares what the disk holds with what the catalogue knows, by path and stat only. Files under a
 * folder that could not be listed are not "missing": an unreadable folder must not erase photos.
 */
export function planFolder(
  walked: WalkedFile[],
  known: KnownFile[],
  unreadableDirs: string[] = [],
): FolderPlan {
  const byPath = new Map<string, KnownFile>();
  for (const k of known) byPath.set(k.path, k);
  const plan: FolderPlan = { unchanged: 0, changed: [], added: [], missing: [] };
  for (const f of walked) {
    const k = byPath.get(f.path);
    if (!k) {
      plan.added.push(f);
      continue;
    }
    byPath.delete(f.path);
    if (k.size === f.size && k.mtime_ms === f.mtimeMs) plan.unchanged++;
    else plan.changed.push({ file: f, known: k });
  }
  const hidden = unreadableDirs.map((d) => d + path.sep);
  for (const k of byPath.values()) {
    if (hidden.some((d) => k.path.startsWith(d))) continue;
    plan.missing.push(k);
  }
  return plan;
}
