import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/rate-limit.js';

describe('rate limiter', () => {
  const limits = { perSecond: 10, burst: 5, failures: 2, failureWindowMs: 1000 };

  it('lets a burst through, then refills at the sustained rate', () => {
    let now = 0;
    const r = new RateLimiter(limits, () => now);
    for (let i = 0; i < 5; i++) expect(r.check('a').ok).toBe(true);
    expect(r.check('a')).toEqual({ ok: false, reason: 'requests', retryAfterS: 1 });
    expect(r.check('b').ok).toBe(true);
    now += 100; // one token back
    expect(r.check('a').ok).toBe(true);
    expect(r.check('a').ok).toBe(false);
    now += 10_000;
    for (let i = 0; i < 5; i++) expect(r.check('a').ok).toBe(true);
  });

  it('locks an address out after wrong tokens until the window has passed', () => {
    let now = 0;
    const r = new RateLimiter(limits, () => now);
    r.failed('a');
    expect(r.check('a').ok).toBe(true);
    now = 400;
    r.failed('a');
    expect(r.check('a')).toEqual({ ok: false, reason: 'sign-in', retryAfterS: 1 });
    expect(r.check('b').ok).toBe(true);
    now = 1001; // the first failure has aged out
    expect(r.check('a').ok).toBe(true);
  });
});
