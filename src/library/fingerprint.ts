import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';

const FULL_LIMIT = 1024 * 1024;
const WINDOW = 64 * 1024;
const WINDOWS = 16;

/**
 * Content identity of a file: sha256 over its size and either all bytes (≤ 1 MiB) or 16 windows of
 * 64 KiB spread from the first to the last byte. Photos differ in their headers, their compressed
 * data and their tails, so sampling tells them apart while reading 1 MiB instead of 5–50 MiB; the
 * size in the hash keeps truncated or appended copies apart.
 */
export async function fingerprintFile(file: string, size?: number): Promise<string> {
  const fh = await fs.open(file, 'r');
  try {
    const total = size ?? (await fh.stat()).size;
    const hash = createHash('sha256');
    const header = Buffer.alloc(16);
    header.write('pfp1', 0, 'latin1');
    header.writeBigUInt64LE(BigInt(total), 8);
    hash.update(header);
    for (const [start, length] of sampleWindows(total)) {
      const buf = Buffer.allocUnsafe(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await fh.read(buf, read, length - read, start + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      if (read < length) throw new Error('file changed while it was being read');
      hash.update(buf);
    }
    return hash.digest('hex');
  } finally {
    await fh.close();
  }
}

/** Byte ranges [start, length] read for a file of the given size; pure, so it can be tested. */
export function sampleWindows(size: number): [number, number][] {
  if (size <= FULL_LIMIT) return size === 0 ? [] : [[0, size]];
  const out: [number, number][] = [];
  const span = size - WINDOW;
  for (let i = 0; i < WINDOWS; i++) {
    const start = Math.floor((span * i) / (WINDOWS - 1));
    out.push([start, WINDOW]);
  }
  return out;
}

/** Photo ids are the first 16 hex digits of the first content hash seen (64 bits). */
export function photoIdFromHash(hash: string, taken: (id: string) => boolean): string {
  for (let len = 16; len <= hash.length; len += 4) {
    const id = hash.slice(0, len);
    if (!taken(id)) return id;
  }
  throw new Error(`no free photo id for hash ${hash}`);
}
