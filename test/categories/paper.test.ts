import { describe, expect, it } from 'vitest';
import { paperRegion, textOnPaper } from '../../src/categories/paper.js';
import { grid } from './signals.js';

describe('the paper-like region', () => {
  it('is the largest bright grey patch, ink holes filled, with its box', () => {
    // A sheet at x 4–11, y 2–9 of a 16 × 12 grid, with dark "ink" cells within its margins, and a smaller
    // bright patch elsewhere.
    const g = grid(16, 12, (x, y) => {
      if (x >= 4 && x < 12 && y >= 2 && y < 10) {
        const inside = x > 4 && x < 11 && y > 2 && y < 9;
        return inside && (x + y) % 3 === 0 ? { luma: 60 } : { luma: 220, chroma: 10 };
      }
      if (x >= 13 && y >= 10) return { luma: 230, chroma: 5 };
      return { luma: 80, chroma: 40 };
    });
    const r = paperRegion(g)!;
    expect(r.cells.size).toBe(64);
    expect(r.area).toBeCloseTo(64 / 192, 5);
    expect(r.box).toEqual([4 / 16, 2 / 12, 8 / 16, 8 / 12]);
    expect(r.elongation).toBeCloseTo(1, 1);
  });

  it('colourful or dark regions are not paper', () => {
    expect(paperRegion(grid(8, 6, () => ({ luma: 200, chroma: 80 })))).toBeNull();
    expect(paperRegion(grid(8, 6, () => ({ luma: 90, chroma: 0 })))).toBeNull();
  });

  it('elongation sees a long sheet at any tilt', () => {
    // A diagonal strip 2 cells wide on a square grid.
    const diagonal = grid(24, 24, (x, y) => (Math.abs(x - y) <= 1 ? { luma: 230 } : { luma: 50 }));
    expect(paperRegion(diagonal)!.elongation).toBeGreaterThan(5);
    const twoToOne = grid(20, 10, (x, y) =>
      x >= 2 && x < 18 && y >= 1 && y < 9 ? { luma: 230 } : { luma: 50 },
    );
    expect(paperRegion(twoToOne)!.elongation).toBeCloseTo(2, 1);
  });

  it('text coverage counts the sheet under the boxes and the lines centred on it', () => {
    const g = grid(10, 10, (x) => (x < 5 ? { luma: 230 } : { luma: 50 }));
    const r = paperRegion(g)!;
    const t = textOnPaper(r, g, [
      [0, 0, 0.5, 0.25], // a quarter of the sheet
      [0.6, 0.6, 0.3, 0.1], // off the sheet
    ]);
    expect(t.coverage).toBeCloseTo(0.25, 5);
    expect(t.lines).toBe(1);
  });
});
