import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { dayLabel, monthLabel, plural } from '../app/format.js';
import { Icon } from '../components/Icon.js';
import { Scrubber } from './Scrubber.js';
import { buildLayout, monthAt, targetRowHeight, type Layout, type VirtualRow } from './sections.js';
import type { TimelineStore } from './store.js';
import { Tile, type TileHandlers } from './Tile.js';

const GAP = 4;

/**
 * An element's size, following it through re-mounts: a callback ref, because the element changes
 * when the grid replaces the empty state.
 */
function useMeasured<T extends HTMLElement>(): [
  (el: T | null) => void,
  { width: number; height: number },
  T | null,
] {
  const [el, setEl] = useState<T | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (!el) return;
    const update = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, size, el];
}

let firstScreenMarked = false;
let firstScreenWaiters: (() => void)[] = [];

/** Marks the moment the first photos are on screen (read by the benchmark and e2e tests). */
function markFirstScreen(): void {
  if (firstScreenMarked) return;
  firstScreenMarked = true;
  performance.mark('picto:first-screen');
  document.documentElement.dataset.firstScreen = String(Math.round(performance.now()));
  for (const w of firstScreenWaiters) w();
  firstScreenWaiters = [];
}

/**
 * Resolves `settleMs` after the timeline's first screen is drawn (its thumbnails are then on
 * their way), or after `maxMs` on pages without one. Extras such as memories wait for it, so they
 * never compete with the first photos for the server.
 */
export function whenFirstScreen(settleMs = 1000, maxMs = 4000): Promise<void> {
  const drawn = firstScreenMarked
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        firstScreenWaiters.push(resolve);
        window.setTimeout(resolve, maxMs);
      });
  return drawn.then(() => new Promise((resolve) => window.setTimeout(resolve, settleMs)));
}

/** Photos a picker shows but cannot pick, and the words that say why. */
export interface Locked {
  ids: ReadonlySet<string>;
  why: string;
}

/**
 * The virtualized photo grid: only rows near the viewport exist in the DOM (a 100 000-photo
 * library keeps a few dozen tiles), months load as they approach, and the date scrubber covers the
 * whole range from the month counts alone.
 */
export function Timeline({
  store,
  selected,
  handlers,
  onToggleDay,
  header,
  empty,
  alwaysSelecting = false,
  locked,
  follow,
  id = 'timeline',
}: {
  store: TimelineStore;
  selected: Set<string>;
  handlers: TileHandlers;
  onToggleDay: (ids: string[], select: boolean) => void;
  header?: ReactNode;
  empty: ReactNode;
  /** Check circles always shown (a picker), not only once something is selected. */
  alwaysSelecting?: boolean;
  /** Photos that cannot be picked, and why (a picker: "already in Garda"). */
  locked?: Locked;
  /** The photo open in the viewer over this grid: the grid keeps its tile in view. */
  follow?: string | null;
  /** The scroller's id (the scrubber controls it); unique on the page. */
  id?: string;
}) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const [scrollerRef, { height: viewport }, scrollerEl] = useMeasured<HTMLDivElement>();
  const [gridRef, { width }] = useMeasured<HTMLDivElement>();
  const [headerRef, { height: headerSize }] = useMeasured<HTMLDivElement>();
  const scroller = useRef<HTMLDivElement | null>(null);
  scroller.current = scrollerEl;
  const [scrollTop, setScrollTop] = useState(0);

  const layout: Layout | null = useMemo(() => {
    if (!store.buckets || width <= 0) return null;
    return buildLayout(store.buckets, (m) => store.items(m), {
      width,
      target: targetRowHeight(width),
      gap: GAP,
    });
    // `version` is the store's change counter: a new version means new data.
  }, [store, version, width]);

  const rows = layout?.rows ?? [];
  const estimateSize = useCallback((i: number) => rows[i]?.height ?? 0, [rows]);
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    scrollMargin: headerSize,
  });

  // Keep the view still when months above it load and change height: re-anchor on the month at
  // the top of the viewport, keeping the same distance into it.
  const prevLayout = useRef<Layout | null>(null);
  useLayoutEffect(() => {
    const prev = prevLayout.current;
    prevLayout.current = layout;
    const el = scroller.current;
    if (!prev || !layout || !el || !store.buckets) return;
    const offset = el.scrollTop - headerSize;
    if (offset <= 0) return;
    const months = store.buckets.map((b) => b.month);
    const m = monthAt(prev, offset, months);
    if (!m) return;
    const before = prev.monthTop.get(m);
    const after = layout.monthTop.get(m);
    if (before === undefined || after === undefined || before === after) return;
    el.scrollTop = after + (offset - before) + headerSize;
  }, [layout, headerSize, store]);

  // [Note: the grid follows the viewer] Behind the viewer, the grid scrolls to the photo on
  // screen, as Google Photos does: its tile stays rendered (the rows are virtualized), so closing
  // the viewer gives focus back to it and shows where you are, however far the arrows went.
  useEffect(() => {
    const el = scroller.current;
    if (!follow || !el) return;
    const tile = el.querySelector(`[data-photo-id="${CSS.escape(follow)}"]`);
    if (tile) {
      const t = tile.getBoundingClientRect();
      const v = el.getBoundingClientRect();
      if (t.top >= v.top && t.bottom <= v.bottom) return;
    }
    const index = rows.findIndex(
      (r) => r.kind === 'row' && r.tiles.some((x) => x.item.id === follow),
    );
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [follow, rows]);

  const items = virtualizer.getVirtualItems();
  const visibleMonths = useMemo(() => {
    const set = new Set<string>();
    for (const v of items) {
      const r = rows[v.index];
      if (r) set.add(r.month);
    }
    // One month beyond each end, so the next screen is usually ready before it is seen.
    const all = store.buckets?.map((b) => b.month) ?? [];
    const idx = [...set].map((m) => all.indexOf(m)).filter((i) => i >= 0);
    if (idx.length) {
      const lo = Math.min(...idx);
      const hi = Math.max(...idx);
      if (all[lo - 1]) set.add(all[lo - 1]);
      if (all[hi + 1]) set.add(all[hi + 1]);
    }
    return [...set];
  }, [items, rows, store.buckets]);
  const visibleKey = visibleMonths.join(',');
  useEffect(() => {
    if (visibleMonths.length) store.show(visibleMonths);
  }, [visibleKey]);

  useEffect(() => {
    if (rows.some((r) => r.kind === 'row')) markFirstScreen();
  }, [rows]);

  const onScroll = () => setScrollTop(scroller.current?.scrollTop ?? 0);

  if (store.buckets && store.buckets.length === 0) {
    return (
      <div className="scroller" ref={scrollerRef}>
        <div ref={headerRef}>{header}</div>
        <div ref={gridRef}>{empty}</div>
      </div>
    );
  }

  return (
    <div className="timeline">
      <div className="scroller scroller-timeline" ref={scrollerRef} onScroll={onScroll} id={id}>
        <div ref={headerRef}>{header}</div>
        <div className="grid" ref={gridRef} style={{ height: virtualizer.getTotalSize() }}>
          {!layout && <div className="grid-loading" aria-busy="true" />}
          {layout &&
            items.map((v) => {
              const row = rows[v.index];
              return (
                <div
                  key={v.key}
                  className={`vrow vrow-${row.kind}`}
                  style={{ transform: `translateY(${v.start - headerSize}px)`, height: row.height }}
                >
                  <RowView
                    row={row}
                    selected={selected}
                    selecting={alwaysSelecting || selected.size > 0}
                    handlers={handlers}
                    onToggleDay={onToggleDay}
                    locked={locked}
                    picking={alwaysSelecting}
                  />
                </div>
              );
            })}
        </div>
      </div>
      {layout && store.buckets && (
        <Scrubber
          buckets={store.buckets}
          layout={layout}
          scroller={scrollerEl}
          scrollerId={id}
          offsetTop={headerSize}
          scrollTop={scrollTop}
          viewport={viewport}
        />
      )}
    </div>
  );
}

function RowView({
  row,
  selected,
  selecting,
  handlers,
  onToggleDay,
  locked,
  picking,
}: {
  row: VirtualRow;
  selected: Set<string>;
  selecting: boolean;
  handlers: TileHandlers;
  onToggleDay: (ids: string[], select: boolean) => void;
  locked?: Locked;
  picking: boolean;
}) {
  switch (row.kind) {
    case 'month':
      return (
        <div className="month-head">
          <h2 className="month-title">{monthLabel(row.month)}</h2>
          <span className="month-count">{plural(row.count, 'photo')}</span>
        </div>
      );
    case 'day': {
      // A day's locked photos count as chosen, and its check circle never touches them.
      const free = locked ? row.ids.filter((id) => !locked.ids.has(id)) : row.ids;
      const all = free.every((id) => selected.has(id));
      return (
        <div
          className={`day-head${all ? ' day-selected' : ''}${selecting ? ' day-selecting' : ''}`}
        >
          <button
            className="day-check"
            aria-label={all ? 'Deselect this day' : 'Select this day'}
            onClick={() => onToggleDay(free, !all)}
          >
            <Icon name="check" size={14} strokeWidth={3} />
          </button>
          <span className="day-title">{dayLabel(row.day)}</span>
        </div>
      );
    }
    case 'row':
      return (
        <>
          {row.tiles.map((t) => (
            <Tile
              key={t.item.id}
              item={t.item}
              x={t.x}
              width={t.width}
              height={row.height - GAP}
              selected={selected.has(t.item.id)}
              selecting={selecting}
              handlers={handlers}
              locked={locked?.ids.has(t.item.id) ? locked.why : undefined}
              picking={picking}
            />
          ))}
        </>
      );
    case 'placeholder':
      return <div className="placeholder" style={{ height: row.height - GAP }} />;
  }
}
