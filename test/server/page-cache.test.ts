import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/server/page-cache.js';

describe('page cache', () => {
  it('keeps recently used pages within its size and evicts the oldest', () => {
    const c = new PageCache(10);
    c.set('a', 'aaaa');
    c.set('b', 'bbbb');
    expect(c.get('a')).toBe('aaaa'); // a is now the most recent
    c.set('c', 'cccc'); // 12 bytes > 10: b goes
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('aaaa');
    expect(c.get('c')).toBe('cccc');
    expect(c.hits).toBe(3);
    expect(c.misses).toBe(1);
  });

  it('replaces a key without counting it twice', () => {
    const c = new PageCache(8);
    c.set('a', 'aaaa');
    c.set('a', 'AAAA');
    c.set('b', 'bbbb');
    expect(c.get('a')).toBe('AAAA');
    expect(c.get('b')).toBe('bbbb');
  });
});
