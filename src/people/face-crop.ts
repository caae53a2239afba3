// Face crops for the people pages: a square around the face box, cut from the photo's preview
// (already decoded, oriented and screen-sized: cheaper than the original and never sideways),
// padded so the whole head shows, as a small WebP. Photos a browser shows as they are have no
// preview file: their crop is cut from the original, turned upright and decoded at WORK_SIZE
// (shrink-on-load keeps that at the 1/2 scale of a 12 MP JPEG); the browser caches the crop.

import sharp from 'sharp';
import { WORK_SIZE } from '../media/files.js';

export interface CropSource {
  /** The preview (or thumbnail) file and its size; for `original`, the photo's displayed size. */
  file: string;
  /** `file` is the original (EXIF orientation not applied yet, any size). */
  original?: boolean;
  width: number;
  height: number;
  /** The oriented photo the face box refers to. */
  photoWidth: number;
  photoHeight: number;
  /** x, y, w, h in oriented photo pixels. */
  box: [number, number, number, number];
}

/** Side of the crop relative to the face box: room for hair and chin. */
const PAD = 1.7;

export function cropRect(src: CropSource): {
  left: number;
  top: number;
  width: number;
  height: number;
} {
  const k = src.width / src.photoWidth;
  const [x, y, w, h] = src.box.map((v) => v * k);
  const side = Math.min(Math.max(w, h) * PAD, src.width, src.height);
  const cx = x + w / 2;
  const cy = y + h / 2;
  const left = Math.round(Math.min(Math.max(cx - side / 2, 0), src.width - side));
  const top = Math.round(Math.min(Math.max(cy - side / 2, 0), src.height - side));
  const s = Math.max(1, Math.floor(Math.min(side, src.width - left, src.height - top)));
  return { left, top, width: s, height: s };
}

export async function faceCrop(src: CropSource, size: number): Promise<Buffer> {
  if (src.original) {
    const { data, info } = await sharp(src.file, { failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: WORK_SIZE, height: WORK_SIZE, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const upright = { ...src, width: info.width, height: info.height };
    return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .extract(cropRect(upright))
      .resize(size, size, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
  }
  return sharp(src.file)
    .extract(cropRect(src))
    .resize(size, size, { fit: 'cover' })
    .webp({ quality: 82 })
    .toBuffer();
}
