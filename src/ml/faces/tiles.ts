// [Note: face tiles] BlazeFace sees the whole photo at 256², where a 30 px face in a 1440 px
// photo shrinks to ~5 px and is lost (docs/models.md: 55 % recall on 25–40 px faces). Running it
// again on overlapping tiles gives small faces more pixels. Tiling small images does harm: the
// detector then fires on single eyes and mouths, so tiles are only used when the short side is
// ≥ 400 px. Overlap lets every face fit wholly inside some tile; detections touching an inner tile
// edge are dropped (they are usually cut faces, and the neighbouring tile sees the whole face).

export type Rect = [number, number, number, number]; // x, y, w, h

export interface TileOptions {
  /** Tiles per axis on the long side; the short side gets as many as keep tiles ~square. */
  grid: number;
  /** Fraction of a tile shared with its neighbour. */
  overlap: number;
  /** No tiling below this short side (px). */
  minShortSide: number;
}

export const DEFAULT_TILES: TileOptions = { grid: 2, overlap: 0.25, minShortSide: 400 };

/** Overlapping tile rectangles covering the image, or [] when it is too small to tile. */
export function tileRects(width: number, height: number, o: TileOptions = DEFAULT_TILES): Rect[] {
  if (Math.min(width, height) < o.minShortSide || o.grid < 2) return [];
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const nLong = o.grid;
  // Tile side along the long axis, then as many tiles on the short axis as keep tiles near square.
  const side = long / (nLong - (nLong - 1) * o.overlap);
  const nShort = Math.max(2, Math.round((short - side * o.overlap) / (side * (1 - o.overlap))));
  const sideShort = short / (nShort - (nShort - 1) * o.overlap);
  const [nx, ny, tw, th] =
    width >= height ? [nLong, nShort, side, sideShort] : [nShort, nLong, sideShort, side];
  const rects: Rect[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      rects.push([i * tw * (1 - o.overlap), j * th * (1 - o.overlap), tw, th]);
    }
  }
  return rects;
}

/** True when `box` touches an edge of `tile` that is inside the image (within `margin` px). */
export function touchesInnerEdge(
  box: Rect,
  tile: Rect,
  imgW: number,
  imgH: number,
  margin: number,
): boolean {
  const [bx, by, bw, bh] = box;
  const [tx, ty, tw, th] = tile;
  if (tx > 0 && bx <= tx + margin) return true;
  if (ty > 0 && by <= ty + margin) return true;
  if (tx + tw < imgW - 0.5 && bx + bw >= tx + tw - margin) return true;
  if (ty + th < imgH - 0.5 && by + bh >= ty + th - margin) return true;
  return false;
}
