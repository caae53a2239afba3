// selfie: taken with the front camera.

import { isPhone, lensSide } from './camera.js';
import { PORTRAIT_FACE_SIZE } from './faces.js';
import { usefulFaces } from './face-size.js';
import type { Signals, Verdict } from './types.js';

export const SELFIE_DEFINITION =
  'Taken with the front camera, as the EXIF lens (LensModel/LensMake) says ("iPhone 12 front ' +
  'camera", "Pixel 8 Pro front camera"). Where no lens is recorded, one large face in a phone ' +
  'photo is a weaker sign.';

/** Without a lens record, a face this large (of the frame's size) looks like arm's length. */
const ARMS_LENGTH_FACE = 1.5 * PORTRAIT_FACE_SIZE;

/** Null while the answer waits for faces (no lens recorded). */
export function selfieVerdict(s: Signals): Verdict | null {
  const side = lensSide(s.meta);
  if (side === 'front') return { score: 0.95, reason: 'front camera' };
  if (side === 'back') return { score: 0.02, reason: `lens: ${s.meta.lens}` };
  const faces = usefulFaces(s);
  if (!faces) return null;
  const big = faces.length === 1 && faces[0].size >= ARMS_LENGTH_FACE;
  if (!big) return { score: 0.05, reason: 'no lens recorded, no close face' };
  return isPhone(s.meta)
    ? { score: 0.6, reason: 'one close face, phone without lens data' }
    : { score: 0.3, reason: 'one close face, but no phone or lens data' };
}
