import type { RawImage } from './types.js';

/** The EXIF orientation as a valid 1–8 integer, else null (absent, 0, garbage). */
export function normalizeOrientation(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 8) return null;
  return n;
}

/** Orientations 5–8 turn the picture by a quarter: width and height trade places on screen. */
export function swapsAxes(orientation: number | null | undefined): boolean {
  return orientation != null && orientation >= 5 && orientation <= 8;
}

/** Size as displayed, from the stored size and the orientation the pixels still need. */
export function displayedSize(
  width: number,
  height: number,
  orientation: number | null | undefined,
): { width: number; height: number } {
  return swapsAxes(orientation) ? { width: height, height: width } : { width, height };
}

/**
 * Applies an EXIF orientation to decoded pixels, returning upright pixels.
 *
 * [Note: orientation mapping] For a displayed pixel (x, y) of a W'×H' result, the stored pixel it
 * comes from in the W×H source is (EXIF 2.3, tag 0x0112: "row 0 is the visual top/right/…"):
 *   2 mirror ↔        (W-1-x, y)          6 rotate 90° CW      (y, H-1-x)
 *   3 rotate 180°     (W-1-x, H-1-y)      7 transverse         (W-1-y, H-1-x)
 *   4 mirror ↕        (x, H-1-y)          8 rotate 90° CCW     (W-1-y, x)
 *   5 transpose       (y, x)
 * Used for RAW previews, whose orientation lives in the RAW's IFD0 and not in the embedded JPEG;
 * sharp's autoOrient handles the ordinary case.
 */
export function orientRawImage(img: RawImage, orientation: number | null): RawImage {
  const o = normalizeOrientation(orientation);
  if (o === null || o === 1) return img;
  const { width: W, height: H, channels: C, data } = img;
  const swap = swapsAxes(o);
  const outW = swap ? H : W;
  const outH = swap ? W : H;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      let sx: number;
      let sy: number;
      switch (o) {
        case 2:
          sx = W - 1 - x;
          sy = y;
          break;
        case 3:
          sx = W - 1 - x;
          sy = H - 1 - y;
          break;
        case 4:
          sx = x;
          sy = H - 1 - y;
          break;
        case 5:
          sx = y;
          sy = x;
          break;
        case 6:
          sx = y;
          sy = H - 1 - x;
          break;
        case 7:
          sx = W - 1 - y;
          sy = H - 1 - x;
          break;
        default: // 8
          sx = W - 1 - y;
          sy = x;
      }
      const src = (sy * W + sx) * C;
      const dst = (y * outW + x) * C;
      for (let c = 0; c < C; c++) out[dst + c] = data[src + c];
    }
  }
  return { data: out, width: outW, height: outH, channels: img.channels };
}
