import { describe, expect, it } from 'vitest';
import { imageStats } from '../../src/categories/image-stats.js';
import type { RawImage } from '../../src/media/types.js';
import { mulberry32 } from '../../src/shared/random.js';

function image(
  w: number,
  h: number,
  px: (x: number, y: number) => [number, number, number],
): RawImage {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(px(x, y), (y * w + x) * 3);
  return { data, width: w, height: h, channels: 3 };
}

describe('imageStats', () => {
  it('a drawn UI is flat, has few colours and edges that step in one pixel', () => {
    // White page, a blue bar, black text-like strokes.
    const ui = image(400, 300, (x, y) =>
      y < 40 ? [10, 132, 255] : y % 20 < 3 && x % 50 < 30 ? [20, 20, 20] : [255, 255, 255],
    );
    const s = imageStats(ui);
    expect(s.flatFraction).toBeGreaterThan(0.8);
    expect(s.topColours).toBeGreaterThan(0.99);
    expect(s.palette95).toBeLessThanOrEqual(3);
    expect(s.edgeSharpness).toBe(1);
    expect(s.p50).toBe(255);
  });

  it('a noisy photo-like frame is neither flat nor few-coloured', () => {
    const r = mulberry32(1);
    const photo = image(400, 300, (x, y) => {
      const n = () => Math.round((r() - 0.5) * 24);
      return [120 + (x % 97) + n(), 90 + (y % 61) + n(), 60 + ((x + y) % 53) + n()];
    });
    const s = imageStats(photo);
    expect(s.flatFraction).toBeLessThan(0.05);
    expect(s.topColours).toBeLessThan(0.4);
    expect(s.palette95).toBeGreaterThan(50);
    expect(s.meanChroma).toBeGreaterThan(0.2);
  });

  it('brightness percentiles and the grid follow the picture', () => {
    // Left half black, right half white with a thin grey stripe every other column at the far
    // right: a 32-cell grid on the long side.
    const half = image(640, 320, (x) =>
      x < 320 ? [0, 0, 0] : x >= 600 && x % 2 ? [128, 128, 128] : [255, 255, 255],
    );
    const s = imageStats(half);
    expect([s.p5, s.p99]).toEqual([0, 255]);
    expect(s.meanLuma).toBeGreaterThan(110);
    expect(s.meanLuma).toBeLessThan(130);
    expect(s.grid.cols).toBe(32);
    expect(s.grid.rows).toBe(16);
    expect(s.grid.luma[0]).toBe(0);
    expect(s.grid.luma[20]).toBe(255);
    expect(s.grid.chroma.every((c) => c === 0)).toBe(true);
    expect(s.grid.texture[20]).toBe(0);
    expect(s.grid.texture[31]).toBeGreaterThan(100); // the stripes
  });

  it('refuses images too small to measure', () => {
    expect(() => imageStats(image(2, 2, () => [0, 0, 0]))).toThrow(/too small/);
  });
});
