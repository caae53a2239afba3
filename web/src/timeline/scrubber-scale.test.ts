import { describe, expect, it } from 'vitest';
import { monthIndexAt, posAt, scaleAnchors, scrollAt } from './scrubber-scale.js';

describe('the scrubber scale', () => {
  it('gives old years with few photos room instead of squashing them at the bottom', () => {
    // One big recent month (10 000 px) and ten small old ones (100 px each).
    const tops = [
      0, 10_000, 10_100, 10_200, 10_300, 10_400, 10_500, 10_600, 10_700, 10_800, 10_900,
    ];
    const a = scaleAnchors(tops, 11_000);
    const proportional = 10_000 / 11_000;
    expect(a[1].pos).toBeLessThan(proportional - 0.3);
    // Every old month keeps at least a few percent of the track.
    for (let i = 2; i < tops.length; i++) expect(a[i].pos - a[i - 1].pos).toBeGreaterThan(0.04);
  });

  it('maps both ways, monotonically, and round-trips', () => {
    const a = scaleAnchors([0, 500, 2000, 2100], 3000);
    let last = -1;
    for (let p = 0; p <= 1; p += 0.01) {
      const s = scrollAt(a, p);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
      expect(posAt(a, s)).toBeCloseTo(p, 5);
    }
    expect(scrollAt(a, 0)).toBe(0);
    expect(scrollAt(a, 1)).toBe(3000);
    expect(monthIndexAt(a, 0)).toBe(0);
    expect(monthIndexAt(a, a[2].pos)).toBe(2);
    expect(monthIndexAt(a, 1)).toBe(3);
  });

  it('works for a single month', () => {
    const a = scaleAnchors([0], 800);
    expect(scrollAt(a, 0.5)).toBe(400);
    expect(posAt(a, 200)).toBeCloseTo(0.25);
    expect(monthIndexAt(a, 0.9)).toBe(0);
  });

  it('keeps months at the very end that cannot scroll to the top in order', () => {
    const a = scaleAnchors([0, 900, 980, 990], 950);
    expect(a.map((x) => x.scroll)).toEqual([0, 900, 950, 950, 950]);
    for (let i = 1; i < a.length; i++) expect(a[i].pos).toBeGreaterThan(a[i - 1].pos);
  });
});
