// Hand-made signals for the classifier unit tests.
import type { ImageStats, MetaSignals, Signals, StatsGrid } from '../../src/categories/index.js';
import { cameraInfo, captureHints, emptyTags, exposureInfo } from '../../src/media/tags.js';

export function meta(over: Partial<MetaSignals> = {}): MetaSignals {
  return {
    fileName: 'IMG_0001.jpg',
    format: 'jpeg',
    width: 4032,
    height: 3024,
    // What the media readers give for a file without tags.
    ...cameraInfo(emptyTags()),
    ...captureHints(emptyTags()),
    ...exposureInfo(emptyTags()),
    takenAt: null,
    takenOffsetMinutes: null,
    takenAtSource: null,
    gps: null,
    ...over,
  };
}

/** A phone camera's EXIF. */
export const phone: Partial<MetaSignals> = {
  make: 'Apple',
  model: 'iPhone 12',
  lensMake: 'Apple',
  lens: 'iPhone 12 back dual wide camera 4.2mm f/1.6',
  iso: 50,
  exposureTime: 1 / 250,
  fNumber: 1.6,
  takenAt: '2024-06-01T12:00:00',
  takenOffsetMinutes: 120,
  takenAtSource: 'exif',
};

/** A grid of `cols` × `rows` cells, each from `cell(x, y)`. */
export function grid(
  cols: number,
  rows: number,
  cell: (x: number, y: number) => { luma: number; chroma?: number; texture?: number },
): StatsGrid {
  const g: StatsGrid = { cols, rows, luma: [], chroma: [], texture: [] };
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++) {
      const c = cell(x, y);
      g.luma.push(c.luma);
      g.chroma.push(c.chroma ?? 0);
      g.texture.push(c.texture ?? 0);
    }
  return g;
}

/** Statistics of an ordinary photo (textured, many colours, mid-grey), overridable. */
export function stats(over: Partial<ImageStats> = {}): ImageStats {
  return {
    width: 1440,
    height: 1080,
    meanLuma: 110,
    p5: 20,
    p50: 105,
    p95: 220,
    p99: 245,
    meanChroma: 0.15,
    flatFraction: 0.1,
    edgeFraction: 0.03,
    edgeSharpness: 0.4,
    topColours: 0.25,
    palette95: 180,
    grid: grid(32, 24, () => ({ luma: 110, chroma: 30, texture: 8 })),
    ...over,
  };
}

/** Statistics of a drawn screen: flat, few colours. */
export const screenPixels = (): ImageStats =>
  stats({ flatFraction: 0.85, topColours: 0.9, palette95: 12, meanLuma: 235, p50: 255 });

export const signals = (over: Partial<Signals> = {}): Signals => ({
  meta: meta(),
  pixels: stats(),
  ...over,
});
