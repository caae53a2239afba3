import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FINGERPRINT_BYTES,
  fingerprintFile,
  sampleWindows,
} from '../../src/library/fingerprint.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'picto-fp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The definition, window by window: what every catalogue's ids were made with. */
function reference(bytes: Buffer): string {
  const hash = createHash('sha256');
  const header = Buffer.alloc(16);
  header.write('pfp1', 0, 'latin1');
  header.writeBigUInt64LE(BigInt(bytes.length), 8);
  hash.update(header);
  for (const [start, length] of sampleWindows(bytes.length))
    hash.update(bytes.subarray(start, start + length));
  return hash.digest('hex');
}

describe('fingerprintFile', () => {
  it.each([0, 1, 1000, 1024 * 1024, 1024 * 1024 + 1, 3_333_333])(
    'hashes a %i-byte file as it always has, with and without a scratch buffer',
    async (size) => {
      const bytes = randomBytes(size);
      const file = path.join(dir, `f${size}`);
      writeFileSync(file, bytes);
      const want = reference(bytes);
      expect(await fingerprintFile(file)).toBe(want);
      expect(await fingerprintFile(file, size)).toBe(want);
      const scratch = Buffer.alloc(FINGERPRINT_BYTES, 0xab);
      expect(await fingerprintFile(file, size, scratch)).toBe(want);
      // Reused: what the last file left in the buffer does not leak into the next hash.
      expect(await fingerprintFile(file, size, scratch)).toBe(want);
    },
  );

  it('says so when the file is shorter than the size it was listed with', async () => {
    const file = path.join(dir, 'short');
    writeFileSync(file, randomBytes(2_000_000));
    await expect(fingerprintFile(file, 2_500_000)).rejects.toThrow(/changed while/);
  });
});
