import { promises as fs } from 'node:fs';
import { detectFormat, type FormatInfo } from './formats.js';

/** How much of a file format detection looks at (magic numbers, ISO-BMFF brands, TIFF IFD0). */
const HEAD_BYTES = 64 * 1024;

/**
 * The image format of a file's content as it is now (null: not an image Picto knows), read from
 * its first bytes. One small read: cheap enough to check before serving or deleting a file.
 */
export async function sniffFile(filePath: string): Promise<FormatInfo | null> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return detectFormat(buf.subarray(0, bytesRead), filePath);
  } finally {
    await handle.close();
  }
}
