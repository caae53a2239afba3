import { promises as fs } from 'node:fs';
import { detectFormat, type FormatInfo } from './formats.js';

/** How much of a file format detection looks at (magic numbers, ISO-BMFF brands, TIFF IFD0). */
export const HEAD_BYTES = 64 * 1024;

/** The first `bytes` of a file (fewer when it is shorter), in one read. */
export async function readFileHead(filePath: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    // Unfilled: only the bytes read are handed out.
    const buf = Buffer.allocUnsafe(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The image format of a file's content as it is now (null: not an image Picto knows), read from
 * its first bytes. One small read: cheap enough to check before serving or deleting a file.
 */
export async function sniffFile(filePath: string): Promise<FormatInfo | null> {
  return detectFormat(await readFileHead(filePath), filePath);
}
