import type { MonthBucket, TimelineItem } from '../../../src/shared/api.js';
import { clampAspect, justify } from './justify.js';

export interface Tile {
  item: TimelineItem;
  x: number;
  width: number;
}

export type VirtualRow =
  | { kind: 'month'; key: string; month: string; count: number; height: number }
  | { kind: 'day'; key: string; month: string; day: string; ids: string[]; height: number }
  | { kind: 'row'; key: string; month: string; tiles: Tile[]; height: number }
  | { kind: 'placeholder'; key: string; month: string; count: number; height: number };

export interface Layout {
  rows: VirtualRow[];
  /** Pixel offset of each month's header. */
  monthTop: Map<string, number>;
  total: number;
}

export interface LayoutOptions {
  width: number;
  target: number;
  gap: number;
}

export const MONTH_HEADER = 76;
export const DAY_HEADER = 44;

/** Target row height for a container width: smaller tiles on small screens. */
export function targetRowHeight(width: number): number {
  if (width < 520) return 112;
  if (width < 900) return 160;
  if (width < 1500) return 210;
  return 240;
}

/**
 * Height of a month whose photos are not loaded, from its count alone: photos are assumed 4:3 and
 * one day header per dozen photos. Only the scrollbar's precision depends on it; loading a month
 * above the viewport keeps the view still (see the Timeline's scroll anchoring).
 */
export function estimateHeight(count: number, o: LayoutOptions): number {
  if (count <= 0) return 0;
  const perRow = Math.max(1, Math.floor((o.width + o.gap) / ((4 / 3) * o.target + o.gap)));
  const rows = Math.ceil(count / perRow);
  const days = Math.min(count, Math.max(1, Math.round(count / 12)));
  return rows * (o.target + o.gap) + days * DAY_HEADER;
}

/** Splits a month's photos (newest first) into days. */
export function byDay(items: TimelineItem[]): { day: string; items: TimelineItem[] }[] {
  const out: { day: string; items: TimelineItem[] }[] = [];
  for (const it of items) {
    const day = it.takenAt.slice(0, 10);
    const last = out[out.length - 1];
    if (last && last.day === day) last.items.push(it);
    else out.push({ day, items: [it] });
  }
  return out;
}

/**
 * The timeline as a flat list of rows for the virtualizer: month header, then per day a header and
 * justified rows. Months not loaded yet (or only partly) get a placeholder of estimated height.
 */
export function buildLayout(
  buckets: MonthBucket[],
  loaded: (month: string) => TimelineItem[] | undefined,
  o: LayoutOptions,
): Layout {
  const rows: VirtualRow[] = [];
  const monthTop = new Map<string, number>();
  let y = 0;
  const push = (r: VirtualRow) => {
    rows.push(r);
    y += r.height;
  };
  for (const b of buckets) {
    monthTop.set(b.month, y);
    push({
      kind: 'month',
      key: `m:${b.month}`,
      month: b.month,
      count: b.count,
      height: MONTH_HEADER,
    });
    const items = loaded(b.month) ?? [];
    for (const d of byDay(items)) {
      push({
        kind: 'day',
        key: `d:${d.day}`,
        month: b.month,
        day: d.day,
        ids: d.items.map((i) => i.id),
        height: DAY_HEADER,
      });
      const justified = justify(
        d.items.map((i) => clampAspect(i.width, i.height)),
        o.width,
        o.target,
        o.gap,
      );
      justified.forEach((r, n) =>
        push({
          kind: 'row',
          key: `r:${d.day}:${n}:${d.items[r.boxes[0].index].id}`,
          month: b.month,
          tiles: r.boxes.map((bx) => ({ item: d.items[bx.index], x: bx.x, width: bx.width })),
          height: r.height + o.gap,
        }),
      );
    }
    const missing = b.count - items.length;
    if (missing > 0) {
      push({
        kind: 'placeholder',
        key: `p:${b.month}`,
        month: b.month,
        count: missing,
        height: estimateHeight(missing, o),
      });
    }
  }
  return { rows, monthTop, total: y };
}

/** The month shown at a scroll offset. */
export function monthAt(layout: Layout, offset: number, months: string[]): string | undefined {
  let found: string | undefined = months[0];
  for (const m of months) {
    const top = layout.monthTop.get(m);
    if (top === undefined) continue;
    if (top <= offset) found = m;
    else break;
  }
  return found;
}
