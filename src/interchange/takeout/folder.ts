// One Takeout folder from disk: list it, read its JSON files, resolve. The scanner's walker only
// lists photo files, so Takeout import lists the folders it cares about itself (one readdir each).

import { promises as fs } from 'node:fs';
import path from 'node:path';

import { parseTakeoutJson, type TakeoutJson } from './parse.js';
import { resolveTakeoutFolder, type FolderResolution } from './resolve.js';

/** A sidecar is a few kB; anything past this is not one and is not read whole. */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** Quick check before reading anything: does the folder hold JSON files at all? */
export function hasJsonFiles(names: readonly string[]): boolean {
  return names.some((n) => /\.json$/i.test(n) && !n.startsWith('.'));
}

async function readJson(file: string): Promise<TakeoutJson> {
  try {
    const st = await fs.stat(file);
    if (st.size > MAX_JSON_BYTES) return { kind: 'invalid', error: `too large (${st.size} bytes)` };
    return parseTakeoutJson(await fs.readFile(file, 'utf8'));
  } catch (e) {
    return { kind: 'invalid', error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

/**
 * Reads and resolves one folder. `names` may be passed when the caller has already listed it.
 * Never throws for bad JSON (those come back in `invalid`); throws only when the folder cannot be
 * listed at all.
 */
export async function readTakeoutFolder(
  dir: string,
  names?: readonly string[],
): Promise<FolderResolution> {
  const files =
    names ??
    (await fs.readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => e.name);
  const json = new Map<string, TakeoutJson>();
  const jsonNames = files.filter((n) => /\.json$/i.test(n) && !n.startsWith('.'));
  // Eight reads in flight, like the scanner's fingerprinting: enough to hide latency on a NAS.
  for (let i = 0; i < jsonNames.length; i += 8) {
    const chunk = jsonNames.slice(i, i + 8);
    const docs = await Promise.all(chunk.map((n) => readJson(path.join(dir, n))));
    chunk.forEach((n, k) => json.set(n, docs[k]));
  }
  return resolveTakeoutFolder({ folderName: path.basename(dir), files, json });
}
