import { useEffect, useMemo, useRef, useState } from 'react';
import type { MonthBucket } from '../../../src/shared/api.js';
import { monthLabel } from '../app/format.js';
import type { Layout } from './sections.js';

/**
 * The date scrubber on the right edge: years and months placed at their share of the scroll
 * height, a handle showing where you are, and drag-to-scroll. It works from the month buckets, so
 * it covers the whole library before any photo is loaded.
 */
export function Scrubber({
  buckets,
  layout,
  scroller,
  offsetTop,
  scrollTop,
  viewport,
}: {
  buckets: MonthBucket[];
  layout: Layout;
  scroller: HTMLElement | null;
  offsetTop: number;
  scrollTop: number;
  viewport: number;
}) {
  const track = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ y: number; month: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    const el = track.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const span = Math.max(1, layout.total - viewport + offsetTop);
  const marks = useMemo(() => {
    const out: { month: string; y: number; year?: string }[] = [];
    let lastYear = '';
    let lastLabelY = -100;
    for (const b of buckets) {
      const top = layout.monthTop.get(b.month) ?? 0;
      const y = (Math.min(top, span) / span) * height;
      const year = b.month.slice(0, 4);
      const mark: { month: string; y: number; year?: string } = { month: b.month, y };
      if (year !== lastYear && y - lastLabelY > 22) {
        mark.year = year;
        lastLabelY = y;
      }
      lastYear = year;
      out.push(mark);
    }
    return out;
  }, [buckets, layout, span, height]);

  const monthAtY = (y: number): string => {
    let found = marks[0]?.month ?? '';
    for (const m of marks) {
      if (m.y <= y + 0.5) found = m.month;
      else break;
    }
    return found;
  };

  const scrollToY = (y: number) => {
    if (!scroller) return;
    const frac = Math.min(1, Math.max(0, y / Math.max(1, height)));
    scroller.scrollTop = frac * span;
  };

  const yOf = (e: { clientY: number }) =>
    e.clientY - (track.current?.getBoundingClientRect().top ?? 0);

  const handleY = (Math.min(scrollTop, span) / span) * height;
  const current = monthAtY(handleY);

  if (buckets.length < 2) return null;
  return (
    <div
      ref={track}
      className={`scrubber${dragging ? ' scrubber-dragging' : ''}`}
      role="scrollbar"
      aria-controls="timeline"
      aria-orientation="vertical"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round((scrollTop / span) * 100)}
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
