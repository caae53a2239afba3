// Face boxes between the displayed photo (what Picto detects on and shows: EXIF orientation
// applied) and the stored pixels that XMP regions describe.
//
// [Note: regions live on stored pixels] MWG's guidelines (5.9, and 5.4 on orientation) apply region
// metadata to the image as stored: a viewer that turns the pixels by the EXIF orientation must turn
// the regions with them. digiKam and Lightroom follow this (a Lightroom face on a portrait photo is
// in landscape coordinates), and digiKam writes its Microsoft regions in the same frame as its MWG
// ones, so both kinds go through the same transform. A sidecar carries no pixels: the orientation
// is the photo's own (the catalogue's), not whatever the sidecar says.

export type Box = [number, number, number, number];

/** A normalised rectangle: left, top, width, height as fractions of the image. */
export type NormRect = [number, number, number, number];

/**
 * Maps a normalised point of the displayed image back to the stored pixels. MWG regions describe
 * the image as stored, so faces found on the upright image are turned back by the orientation.
 */
export function toStored(x: number, y: number, orientation: number | null): [number, number] {
  switch (orientation) {
    case 2:
      return [1 - x, y];
    case 3:
      return [1 - x, 1 - y];
    case 4:
      return [x, 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [y, 1 - x];
    case 7:
      return [1 - y, 1 - x];
    case 8:
      return [1 - y, x];
    default:
      return [x, y];
  }
}

/** The inverse of toStored: where a stored point appears once the orientation is applied. */
export function toDisplayed(u: number, v: number, orientation: number | null): [number, number] {
  switch (orientation) {
    case 2:
      return [1 - u, v];
    case 3:
      return [1 - u, 1 - v];
    case 4:
      return [u, 1 - v];
    case 5:
      return [v, u];
    case 6:
      return [1 - v, u];
    case 7:
      return [1 - v, 1 - u];
    case 8:
      return [v, 1 - u];
    default:
      return [u, v];
  }
}

/** Do width and height swap between stored and displayed (orientations 5–8)? */
export function swapsAxes(orientation: number | null): boolean {
  return (orientation ?? 1) >= 5 && (orientation ?? 1) <= 8;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function mapRect(r: NormRect, f: (x: number, y: number) => [number, number]): NormRect {
  const [x0, y0] = f(r[0], r[1]);
  const [x1, y1] = f(r[0] + r[2], r[1] + r[3]);
  const left = clamp01(Math.min(x0, x1));
  const top = clamp01(Math.min(y0, y1));
  return [left, top, clamp01(Math.max(x0, x1)) - left, clamp01(Math.max(y0, y1)) - top];
}

/** A stored normalised rectangle as a displayed normalised rectangle. */
export function storedToDisplayed(r: NormRect, orientation: number | null): NormRect {
  return mapRect(r, (x, y) => toDisplayed(x, y, orientation));
}

/** A displayed normalised rectangle as a stored normalised rectangle. */
export function displayedToStored(r: NormRect, orientation: number | null): NormRect {
  return mapRect(r, (x, y) => toStored(x, y, orientation));
}

/** A pixel box on the displayed photo as a normalised rectangle of it. */
export function boxToRect(box: Box, width: number, height: number): NormRect {
  return [box[0] / width, box[1] / height, box[2] / width, box[3] / height];
}

/** A normalised rectangle of the displayed photo in its pixels. */
export function rectToBox(r: NormRect, width: number, height: number): Box {
  return [r[0] * width, r[1] * height, r[2] * width, r[3] * height];
}
