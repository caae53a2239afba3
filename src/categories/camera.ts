// What the metadata says about the device: a camera's exposure record, a phone maker, a lens.

import type { MetaSignals } from './types.js';

/** Exposure data (time, aperture, ISO) is written by cameras only: screens and scanners have none. */
export function hasExposure(m: MetaSignals): boolean {
  return m.exposureTime !== null || m.fNumber !== null || m.iso !== null;
}

/** A camera photo: exposure data, or at least a camera make or model. */
export function isCameraPhoto(m: MetaSignals): boolean {
  return hasExposure(m) || m.make !== null || m.model !== null;
}

const PHONE_MAKERS =
  /^(apple|samsung|google|huawei|honor|xiaomi|redmi|poco|oneplus|oppo|vivo|realme|motorola|lge?|htc|nokia|hmd|sony|asus|zte|nothing|fairphone|meizu|lenovo|tcl|alcatel)\b/i;

/** Made by a phone maker (Sony also makes cameras: a Sony counts only with an Xperia model). */
export function isPhone(m: MetaSignals): boolean {
  if (!m.make || !PHONE_MAKERS.test(m.make.trim())) return false;
  if (/^sony/i.test(m.make)) return /xperia|^so-|^[a-z]\d{4}$/i.test(m.model ?? '');
  return true;
}

/**
 * [Note: front camera strings] Phones name the camera in EXIF LensModel: Apple "iPhone 12 front
 * camera 2.71mm f/2.2", "iPhone X front TrueDepth camera 2.87mm f/2.2" (back: "iPhone 12 back dual
 * wide camera 4.2mm f/1.6"); Google "Pixel 8 Pro front camera 2.74mm f/2.2"; other Android phones
 * "… Front Camera" where they write one at all. LensMake is the maker ("Apple").
 */
const FRONT = /\bfront\b|\bselfie\b|truedepth|facing front/i;

export type LensSide = 'front' | 'back' | null;

/** Which camera the lens tags name: front, back (any other recorded lens), or null (none). */
export function lensSide(m: MetaSignals): LensSide {
  const text = [m.lensMake, m.lens].filter(Boolean).join(' ');
  if (!m.lens) return FRONT.test(text) ? 'front' : null;
  return FRONT.test(text) ? 'front' : 'back';
}
