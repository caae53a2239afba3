// The scan's fingerprinting: files hashed in parallel lanes, each reusing one read buffer
// for the length of a scan, in a deterministic order whatever order the reads finished in.

import type { KnownFile } from '../db/repos/locations.js';
import { FINGERPRINT_BYTES, fingerprintFile } from './fingerprint.js';
import { describeFsError, type WalkedFile } from './walker.js';

/** Reads in flight at once: enough to hide a disk's latency, few enough to stay cheap. */
const HASH_CONCURRENCY = 8;

export interface HashItem {
  file: WalkedFile;
  folderId: number;
  known?: KnownFile;
}

export type Hashed = HashItem & { hash: string };

export interface HashFailure {
  path: string;
  folderId: number;
  error: string;
}

/** One buffer per hashing lane, kept by the caller for the length of a scan. */
export type HashLanes = Buffer[];

/**
 * Fingerprints `items` (in their order in the result; unreadable files come back as failures).
 * `onHashed` is called after each file, read or not.
 */
export async function hashFiles(
  items: HashItem[],
  lanes: HashLanes,
  onHashed: () => void,
): Promise<{ hashed: Hashed[]; failures: HashFailure[] }> {
  const hashed: Hashed[] = [];
  const failures: HashFailure[] = [];
  let next = 0;
  const lane = async (k: number) => {
    const scratch = (lanes[k] ??= Buffer.allocUnsafe(FINGERPRINT_BYTES));
    while (next < items.length) {
      const item = items[next++];
      try {
        const hash = await fingerprintFile(item.file.path, item.file.size, scratch);
        hashed.push({ ...item, hash });
      } catch (err) {
        failures.push({
          path: item.file.path,
          folderId: item.folderId,
          error: `cannot read file: ${describeFsError(err)}`,
        });
      }
      onHashed();
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(HASH_CONCURRENCY, items.length) }, (_, k) => lane(k)),
  );
  // Deterministic order: the same disk gives the same ids whatever order hashing finished in.
  const order = new Map(items.map((it, i) => [it.file.path, i]));
  hashed.sort((a, b) => order.get(a.file.path)! - order.get(b.file.path)!);
  return { hashed, failures };
}
