import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';

const FULL_LIMIT = 1024 * 1024;
const WINDOW = 64 * 1024;
const WINDOWS = 16;

/** The most bytes a fingerprint reads: the scratch buffer a caller may hand in is this long. */
export const FINGERPRINT_BYTES = Math.max(FULL_LIMIT, WINDOW * WINDOWS);

/**
 * Content identity of a file: sha256 over its size and either all bytes (≤ 1 MiB) or 16 windows of
 * 64 KiB spread from the first to the last byte. Photos differ in their headers, their compressed
 * data and their tails, so sampling tells them apart while reading 1 MiB instead of 5–50 MiB; the
 * size in the hash keeps truncated or appended copies apart.
 *
 * The windows are read all at once into `scratch` (one buffer a scanning lane reuses, so a
 * 10,000-photo scan does not allocate 10 GiB of buffers for the collector to chase), through one
 * open file; the bytes hashed and their order are the same as ever, so ids never change.
 */
export async function fingerprintFile(
  file: string,
  size?: number,
  scratch?: Buffer,
): Promise<string> {
  const fh = await fs.open(file, 'r');
  try {
    const total = size ?? (await fh.stat()).size;
    const windows = sampleWindows(total);
    const need = windows.reduce((n, [, length]) => n + length, 0);
    const buf = scratch && scratch.length >= need ? scratch : Buffer.allocUnsafe(Math.max(need, 1));
    const at: number[] = [];
    let offset = 0;
    for (const [, length] of windows) {
      at.push(offset);
      offset += length;
    }
    const reads = await Promise.all(
      windows.map(([start, length], i) => readFully(fh, buf, at[i], length, start)),
    );
    if (reads.some((n, i) => n < windows[i][1]))
      throw new Error('file changed while it was being read');
    const hash = createHash('sha256');
    const header = Buffer.alloc(16);
    header.write('pfp1', 0, 'latin1');
    header.writeBigUInt64LE(BigInt(total), 8);
    hash.update(header);
    hash.update(buf.subarray(0, need));
    return hash.digest('hex');
  } finally {
    await fh.close();
  }
}

/** Reads `length` bytes at `position` into buf[offset…]; fewer only at the end of the file. */
async function readFully(
  fh: fs.FileHandle,
  buf: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  let read = 0;
  while (read < length) {
    const { bytesRead } = await fh.read(buf, offset + read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return read;
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
