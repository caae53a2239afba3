/**
 * [Note: the scrubber's scale] The scrubber maps a point of its track to a scroll position. A purely
 * proportional track squeezes years with few photos into a few pixels at the bottom (ten old years
 * under one label), and a handful of months into a scrubber nobody can aim at. So each month's mark
 * sits between its share of the scroll height and an even share of the track (one slot per month);
 * between marks, track and scroll are linearly interpolated, so dragging stays smooth and the
 * mapping stays monotonic both ways.
 */

export interface Anchor {
  /** Position along the track, 0 (top) to 1 (bottom). */
  pos: number;
  /** Scroll offset of the scroller (px) at that position. */
  scroll: number;
}

/** How much of a mark's position comes from the even share of the track. */
export const EVEN_SHARE = 0.45;

/**
 * Anchors for months whose headers start at `tops` (px from the top of the scroll content, the
 * first at 0), in a scroller that scrolls from 0 to `span`.
 */
export function scaleAnchors(tops: number[], span: number, even = EVEN_SHARE): Anchor[] {
  const n = tops.length;
  const max = Math.max(1, span);
  const out: Anchor[] = [];
  for (let i = 0; i < n; i++) {
    const scroll = i === 0 ? 0 : Math.min(max, Math.max(0, tops[i]));
    out.push({ pos: (1 - even) * (scroll / max) + even * (i / n), scroll });
  }
  out.push({ pos: 1, scroll: max });
  return out;
}

function interpolate(
  anchors: Anchor[],
  value: number,
  from: 'pos' | 'scroll',
  to: 'pos' | 'scroll',
): number {
  if (!anchors.length) return 0;
  if (value <= anchors[0][from]) return anchors[0][to];
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1];
    const b = anchors[i];
    if (value <= b[from]) {
      const d = b[from] - a[from];
      return d <= 0 ? a[to] : a[to] + ((value - a[from]) / d) * (b[to] - a[to]);
    }
  }
  return anchors[anchors.length - 1][to];
}

/** Scroll offset for a track position (0..1). */
export function scrollAt(anchors: Anchor[], pos: number): number {
  return interpolate(anchors, Math.min(1, Math.max(0, pos)), 'pos', 'scroll');
}

/**
 * Track position (0..1) for a scroll offset. Where several months share one scroll offset (short
 * months at the very end), the first of them.
 */
export function posAt(anchors: Anchor[], scroll: number): number {
  return interpolate(anchors, scroll, 'scroll', 'pos');
}

/** Index of the month whose mark is at or above a track position. */
export function monthIndexAt(anchors: Anchor[], pos: number): number {
  let found = 0;
  for (let i = 0; i < anchors.length - 1; i++) {
    if (anchors[i].pos <= pos + 1e-9) found = i;
    else break;
  }
  return found;
}
