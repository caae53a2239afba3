import { useEffect, useMemo, useRef, useState } from 'react';
import type { MonthBucket } from '../../../src/shared/api.js';
import { monthLabel } from '../app/format.js';
import { monthIndexAt, posAt, scaleAnchors, scrollAt } from './scrubber-scale.js';
import type { Layout } from './sections.js';

/** Year labels closer than this (px) would overlap: the later one is left out. */
const LABEL_GAP = 18;

/**
 * The date scrubber on the right edge: years and months placed along the track (see [Note: the
 * scrubber's scale]), a handle showing where you are, and drag-to-scroll. It works from the month
 * buckets, so it covers the whole library before any photo is loaded.
 */
export function Scrubber({
  buckets,
  layout,
  scroller,
  scrollerId,
  offsetTop,
  scrollTop,
  viewport,
}: {
  buckets: MonthBucket[];
  layout: Layout;
  scroller: HTMLElement | null;
  scrollerId: string;
  /** Height above the grid (memories, headers) inside the scroller. */
  offsetTop: number;
  /** The scroller's scrollTop. */
  scrollTop: number;
  viewport: number;
}) {
  const track = useRef<HTMLDivElement | null>(null);
  // The track is measured once it exists: the scrubber renders nothing while everything fits
  // (say, before the thumbnails' rows are laid out), so a mount-time effect would find no element
  // and leave the height at 0, every mark and the handle stacked at the top.
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [hover, setHover] = useState<{ y: number; month: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);

  const span = Math.max(1, layout.total + offsetTop - viewport);
  const anchors = useMemo(
    () =>
      scaleAnchors(
        buckets.map((b) => (layout.monthTop.get(b.month) ?? 0) + offsetTop),
        span,
      ),
    [buckets, layout, offsetTop, span],
  );
  const marks = useMemo(() => {
    const out: { month: string; y: number; year?: string }[] = [];
    let lastYear = '';
    let lastLabelY = -100;
    buckets.forEach((b, i) => {
      const y = anchors[i].pos * height;
      const year = b.month.slice(0, 4);
      const mark: { month: string; y: number; year?: string } = { month: b.month, y };
      if (year !== lastYear && y - lastLabelY > LABEL_GAP) {
        mark.year = year;
        lastLabelY = y;
      }
      lastYear = year;
      out.push(mark);
    });
    return out;
  }, [buckets, anchors, height]);

  const monthAtY = (y: number): string =>
    buckets[monthIndexAt(anchors, y / Math.max(1, height))]?.month ?? '';

  const scrollToY = (y: number) => {
    if (scroller) scroller.scrollTop = scrollAt(anchors, y / Math.max(1, height));
  };

  const yOf = (e: { clientY: number }) =>
    e.clientY - (track.current?.getBoundingClientRect().top ?? 0);

  const handleY = posAt(anchors, Math.min(scrollTop, span)) * height;
  const current = monthAtY(handleY);

  // Nothing to scrub when everything fits on the screen.
  if (!buckets.length || layout.total + offsetTop <= viewport + 8) return null;
  return (
    <div
      ref={(node) => {
        track.current = node;
        setEl(node);
      }}
      className={`scrubber${dragging ? ' scrubber-dragging' : ''}`}
      role="scrollbar"
      aria-controls={scrollerId}
      aria-orientation="vertical"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round((Math.min(scrollTop, span) / span) * 100)}
      aria-valuetext={current ? monthLabel(current) : undefined}
      onPointerDown={(e) => {
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
        setDragging(true);
        scrollToY(yOf(e));
      }}
      onPointerMove={(e) => {
        const y = yOf(e);
        setHover({ y, month: monthAtY(y) });
        if (dragging) scrollToY(y);
      }}
      onPointerUp={() => setDragging(false)}
      onPointerCancel={() => setDragging(false)}
      onPointerLeave={() => !dragging && setHover(null)}
    >
      {marks.map((m) =>
        m.year ? (
          <span
            key={m.month}
            className="scrubber-year"
            style={{ transform: `translateY(${m.y}px)` }}
          >
            {m.year}
          </span>
        ) : (
          <span
            key={m.month}
            className="scrubber-dot"
            style={{ transform: `translateY(${m.y + 6}px)` }}
          />
        ),
      )}
      <span className="scrubber-handle" style={{ transform: `translateY(${handleY}px)` }} />
      {(hover || dragging) && (
        <span
          className="scrubber-label"
          style={{ transform: `translateY(${dragging ? handleY : hover!.y}px)` }}
        >
          {monthLabel(dragging ? current : hover!.month)}
        </span>
      )}
    </div>
  );
}
