import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a derived file (thumbnail, preview, poster) to a unique temporary name and renames it:
 * a crash never leaves half a file under the final name, and two writers of the same content-named
 * file (workers on byte-identical photos, a remote worker's copy arriving) cannot interleave.
 */
export async function writeAtomic(target: string, data: Buffer): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
