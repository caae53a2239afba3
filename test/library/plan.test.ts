import { describe, expect, it } from 'vitest';
import { planFolder } from '../../src/library/plan.js';
import { sampleWindows, photoIdFromHash } from '../../src/library/fingerprint.js';
import { isSkippedName } from '../../src/library/walker.js';

const known = (id: number, p: string, size = 10, mtime = 100) => ({
  id,
  photo_id: `p${id}`,
  path: p,
  size,
  mtime_ms: mtime,
});

describe('planFolder', () => {
  it('sorts files into unchanged, changed, added and missing by path and stat', () => {
    const plan = planFolder(
      [
        { path: '/a/1.jpg', size: 10, mtimeMs: 100 },
        { path: '/a/2.jpg', size: 11, mtimeMs: 100 },
        { path: '/a/3.jpg', size: 10, mtimeMs: 100 },
      ],
      [known(1, '/a/1.jpg'), known(2, '/a/2.jpg'), known(4, '/a/4.jpg')],
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.changed.map((c) => c.file.path)).toEqual(['/a/2.jpg']);
    expect(plan.added.map((a) => a.path)).toEqual(['/a/3.jpg']);
    expect(plan.missing.map((m) => m.path)).toEqual(['/a/4.jpg']);
  });

  it('treats an mtime change alone as a change to verify', () => {
    const plan = planFolder([{ path: '/a/1.jpg', size: 10, mtimeMs: 200 }], [known(1, '/a/1.jpg')]);
    expect(plan.changed).toHaveLength(1);
  });

  it('never reports files under an unreadable folder as missing', () => {
    const plan = planFolder([], [known(1, '/a/locked/1.jpg'), known(2, '/a/2.jpg')], ['/a/locked']);
    expect(plan.missing.map((m) => m.path)).toEqual(['/a/2.jpg']);
  });
});

describe('fingerprint windows', () => {
  it('reads small files whole and nothing of empty ones', () => {
    expect(sampleWindows(0)).toEqual([]);
    expect(sampleWindows(500)).toEqual([[0, 500]]);
    expect(sampleWindows(1024 * 1024)).toEqual([[0, 1024 * 1024]]);
  });

  it('spreads 16 windows from the first to the last byte of large files', () => {
    const size = 5_000_000;
    const w = sampleWindows(size);
    expect(w).toHaveLength(16);
    expect(w[0][0]).toBe(0);
    const last = w[w.length - 1];
    expect(last[0] + last[1]).toBe(size);
    for (let i = 1; i < w.length; i++) expect(w[i][0]).toBeGreaterThan(w[i - 1][0]);
  });

  it('derives ids from the hash and lengthens them on a clash', () => {
    const hash = 'abcdef0123456789fedcba9876543210'.repeat(2);
    expect(photoIdFromHash(hash, () => false)).toBe('abcdef0123456789');
    expect(photoIdFromHash(hash, (id) => id.length === 16)).toBe('abcdef0123456789fedc');
  });
});

describe('walker skip rules', () => {
  it('skips hidden entries and system folders, not ordinary ones', () => {
    expect(isSkippedName('.thumbnails', true)).toBe(true);
    expect(isSkippedName('@eaDir', true)).toBe(true);
    expect(isSkippedName('$RECYCLE.BIN', true)).toBe(true);
    expect(isSkippedName('.DS_Store', false)).toBe(true);
    expect(isSkippedName('Holidays 2019', true)).toBe(false);
    expect(isSkippedName('旅行 2023', true)).toBe(false);
  });
});
