// GrowingFile on small hand-written files: readers follow what a writer appends until it finishes.

import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';

import { GrowingFile } from '../../../src/media/video/growing-file.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'picto-growing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fresh(content = ''): GrowingFile {
  const file = path.join(dir, `g${n++}.bin`);
  writeFileSync(file, content);
  return new GrowingFile(file);
}

/** Everything a stream gives, or the error it ends with. */
async function drain(s: Readable): Promise<{ text: string; error: Error | null }> {
  const parts: Buffer[] = [];
  try {
    for await (const c of s) parts.push(c as Buffer);
    return { text: Buffer.concat(parts).toString(), error: null };
  } catch (e) {
    return { text: Buffer.concat(parts).toString(), error: e as Error };
  }
}

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GrowingFile', () => {
  it('follows appended bytes and ends when the writer finished', async () => {
    const g = fresh('ab');
    const read = drain(g.follow());
    await later(50);
    appendFileSync(g.path, 'cd');
    g.grew();
    await later(50);
    appendFileSync(g.path, 'ef');
    g.finish(true);
    expect(await read).toEqual({ text: 'abcdef', error: null });
  });

  it('follows from an offset, and ends with an error when the write failed', async () => {
    const g = fresh('0123');
    const read = drain(g.follow(2));
    await later(30);
    appendFileSync(g.path, '45');
    g.finish(false);
    const r = await read;
    expect(r.text).toBe('2345');
    expect(r.error?.message).toMatch(/transcode of this video failed/);
  });

  it('reads a slice of what exists without waiting', async () => {
    const g = fresh('0123456789');
    expect((await drain(g.slice(3, 6))).text).toBe('3456');
    // beyond the end: what there is
    expect((await drain(g.slice(8, 20))).text).toBe('89');
  });

  it('waits for bytes to exist, up to a limit', async () => {
    const g = fresh('');
    const waited = g.waitFor(0, 5000);
    await later(30);
    appendFileSync(g.path, 'x');
    g.grew();
    expect(await waited).toBe(1);
    expect(await g.waitFor(5, 50)).toBe(1); // the limit passes
    g.finish(true);
    expect(await g.waitFor(5, 5000)).toBe(1); // finished: no more is coming
  });

  it('is deleted on discard once its last reader is done, also one never read', async () => {
    const g = fresh('abc');
    const reading = g.follow();
    const unread = g.follow();
    g.finish(true);
    await g.discard();
    expect(existsSync(g.path)).toBe(true);
    expect((await drain(reading)).text).toBe('abc');
    expect(existsSync(g.path)).toBe(true);
    unread.destroy();
    await expect.poll(() => existsSync(g.path)).toBe(false);
    const alone = fresh('z');
    await alone.discard();
    expect(existsSync(alone.path)).toBe(false);
  });
});
