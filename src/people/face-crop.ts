// Face crops for the people pages: a square around the face box, cut from the photo's preview
// (already decoded, oriented and screen-sized: cheaper than the original and never sideways),
// padded so the whole head shows, as a small WebP.

import sharp from 'sharp';

export interface CropSource {
  /** The preview (or thumbnail) file and its size. */
  file: string;
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
  return sharp(src.file)
    .extract(cropRect(src))
    .resize(size, size, { fit: 'cover' })
    .webp({ quality: 82 })
    .toBuffer();
}
