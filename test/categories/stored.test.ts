import { describe, expect, it } from 'vitest';
import { classify, imageStats } from '../../src/categories/index.js';
import { sheetInView } from '../../src/categories/document.js';
import { NO_SHEET, parseSignals, storedSignals } from '../../src/categories/stored.js';
import type { RawImage } from '../../src/media/types.js';
import type { Signals } from '../../src/categories/types.js';

// The categories' signals as the catalogue keeps them: the grid is dropped where no sheet of
// paper is in view ([Note: the grid kept]) and every verdict stays the same.

function image(w: number, h: number, px: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(px(x, y), (y * w + x) * 3);
  return { data, width: w, height: h, channels: 3 } as RawImage;
}

// A white page (with lines of "ink") on a brown table, and a colourful textured scene.
const page = image(480, 360, (x, y) => {
  const onPage = x > 120 && x < 360 && y > 40 && y < 320;
  if (!onPage) return [110 + ((x * 7 + y * 3) % 23), 70, 40];
  return y % 12 < 2 && x > 140 && x < 340 ? [30, 30, 30] : [235, 233, 228];
});
const scene = image(480, 360, (x, y) => [
  (x * 13 + y * 7) % 256,
  (x * 3 + y * 11) % 200,
  (x * y) % 180,
]);

const meta = {
  fileName: 'IMG_0001.jpg',
  format: 'jpeg',
  width: 480,
  height: 360,
  make: 'Apple',
  model: 'iPhone 12',
  lens: null,
  lensMake: null,
  software: null,
  userComment: null,
  panorama: null,
  iso: 100,
  exposureTime: 0.01,
  fNumber: 1.6,
  focalLength: 4.2,
  takenAt: '2024-07-02T14:10:00',
  takenOffsetMinutes: 120,
  takenAtSource: 'exif' as const,
  gps: null,
};

const roundTrip = (pixels: ReturnType<typeof imageStats>) => {
  const s = storedSignals({ hints: null, pixels });
  const row = { hints: s.hints, pixels: s.pixels, version: 'v', text: null, text_version: null };
  return { json: s.pixels!, parsed: parseSignals(row)! };
};

describe('stored category signals', () => {
  it('keep the grid of a photo with a sheet of paper in view', () => {
    const stats = imageStats(page);
    expect(sheetInView(stats)).toBe(true);
    const { parsed } = roundTrip(stats);
    expect(parsed.pixels).toEqual(stats);
  });

  it('drop it elsewhere, and every verdict stays the same', () => {
    const stats = imageStats(scene);
    expect(sheetInView(stats)).toBe(false);
    const { json, parsed } = roundTrip(stats);
    expect(json.length).toBeLessThan(600);
    expect(JSON.stringify(stats).length).toBeGreaterThan(3000);
    expect(parsed.pixels?.grid).toEqual(NO_SHEET);
    expect(sheetInView(parsed.pixels!)).toBe(false);
    const before: Signals = { meta, pixels: stats, faces: [], objects: [] };
    const after: Signals = { ...before, pixels: parsed.pixels };
    expect(classify(after)).toEqual(classify(before));
  });

  it('read anything that no longer parses as not known', () => {
    const row = {
      hints: '{',
      pixels: '{"width":1}',
      version: 'v',
      text: '[[2,0,0,0]]',
      text_version: 'v',
    };
    expect(parseSignals(row)).toEqual({ hints: null, pixels: null });
    expect(parseSignals({ ...row, version: null })).toBeNull();
  });
});
