import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../src/shared/api.js';
import { clampAspect, justify } from './justify.js';
import { buildLayout, byDay, estimateHeight, monthAt, MONTH_HEADER } from './sections.js';

const item = (id: string, takenAt: string, w = 400, h = 300): TimelineItem => ({
  id: id.padStart(16, '0'),
  thumbUrl: null,
  takenAt,
  width: w,
  height: h,
  favourite: false,
  status: 'ready',
  place: null,
  people: [],
  tags: [],
});

describe('justified rows', () => {
  it('fills every full row exactly and keeps the gaps', () => {
    const aspects = [1.5, 0.75, 1.33, 1.33, 1, 2, 1.5, 0.66, 1.5, 1.33];
    const rows = justify(aspects, 1000, 200, 4);
    for (const r of rows.slice(0, -1)) {
      const last = r.boxes[r.boxes.length - 1];
      expect(last.x + last.width).toBe(1000);
      for (let i = 1; i < r.boxes.length; i++) {
        expect(r.boxes[i].x - (r.boxes[i - 1].x + r.boxes[i - 1].width)).toBeGreaterThanOrEqual(3);
        expect(r.boxes[i].x - (r.boxes[i - 1].x + r.boxes[i - 1].width)).toBeLessThanOrEqual(5);
      }
      expect(r.height).toBeGreaterThan(120);
      expect(r.height).toBeLessThan(320);
    }
    expect(rows.flatMap((r) => r.boxes.map((b) => b.index))).toEqual(aspects.map((_, i) => i));
  });

  it('keeps the target height on a short last row instead of blowing it up', () => {
    const rows = justify([1.5], 1200, 200, 4);
    expect(rows).toEqual([{ boxes: [{ index: 0, x: 0, width: 300 }], height: 200 }]);
  });

  it('handles one very wide photo per row and an empty list', () => {
    expect(justify([], 800, 200, 4)).toEqual([]);
    const rows = justify([3, 3, 3], 300, 200, 4);
    expect(rows).toHaveLength(3);
    expect(rows[0].boxes[0].width).toBe(300);
  });

  it('clamps extreme or unknown shapes', () => {
    expect(clampAspect(10_000, 100)).toBe(3);
    expect(clampAspect(100, 10_000)).toBe(0.5);
    expect(clampAspect(null, 300)).toBeCloseTo(4 / 3);
  });
});

describe('timeline sections', () => {
  const opts = { width: 1000, target: 200, gap: 4 };

  it('groups a month by day, newest first', () => {
    const days = byDay([
      item('a', '2024-06-02T10:00:00'),
      item('b', '2024-06-02T09:00:00'),
      item('c', '2024-06-01T20:00:00'),
    ]);
    expect(days.map((d) => [d.day, d.items.length])).toEqual([
      ['2024-06-02', 2],
      ['2024-06-01', 1],
    ]);
  });

  it('lays out loaded months and stands in for the others with their estimated height', () => {
    const buckets = [
      { month: '2024-06', count: 3 },
      { month: '2024-05', count: 500 },
    ];
    const june = [
      item('a', '2024-06-02T10:00:00'),
      item('b', '2024-06-02T09:00:00'),
      item('c', '2024-06-01T20:00:00'),
    ];
    const layout = buildLayout(buckets, (m) => (m === '2024-06' ? june : undefined), opts);
    expect(layout.rows.map((r) => r.kind)).toEqual([
      'month',
      'day',
      'row',
      'day',
      'row',
      'month',
      'placeholder',
    ]);
    expect(layout.monthTop.get('2024-06')).toBe(0);
    const placeholder = layout.rows[layout.rows.length - 1];
    expect(placeholder.height).toBe(estimateHeight(500, opts));
    expect(layout.total).toBe(layout.rows.reduce((n, r) => n + r.height, 0));
    expect(layout.monthTop.get('2024-05')).toBe(layout.total - MONTH_HEADER - placeholder.height);
    expect(monthAt(layout, 10, ['2024-06', '2024-05'])).toBe('2024-06');
    expect(monthAt(layout, layout.total - 1, ['2024-06', '2024-05'])).toBe('2024-05');
  });

  it('shows a partly loaded month with a placeholder for the rest', () => {
    const layout = buildLayout(
      [{ month: '2024-06', count: 10 }],
      () => [item('a', '2024-06-02T10:00:00')],
      opts,
    );
    const last = layout.rows[layout.rows.length - 1];
    expect(last).toMatchObject({ kind: 'placeholder', count: 9 });
  });

  it('estimates about as tall as the real layout for typical photos', () => {
    const items = Array.from({ length: 240 }, (_, i) =>
      item(
        String(i),
        `2024-06-${String(28 - Math.floor(i / 12)).padStart(2, '0')}T12:00:00`,
        i % 3 ? 4000 : 3000,
        i % 3 ? 3000 : 4000,
      ),
    );
    const real =
      buildLayout([{ month: '2024-06', count: 240 }], () => items, opts).total - MONTH_HEADER;
    const est = estimateHeight(240, opts);
    expect(Math.abs(est - real) / real).toBeLessThan(0.35);
  });
});
