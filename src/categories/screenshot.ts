// screenshot: captured from a screen, not by a camera.

import { hasExposure } from './camera.js';
import { percent, weigh, type Evidence } from './evidence.js';
import { longPhoneCapture, screenSize } from './screens.js';
import type { Signals, Verdict } from './types.js';

export const SCREENSHOT_DEFINITION =
  'Captured from a screen, not by a camera: no camera EXIF, a screen-like size, flat areas, ' +
  'sharp text and few colours, often PNG; iOS marks its screenshots in UserComment. A ' +
  'screenshot-like file name is a weak hint only.';

const TOOLS =
  /screenshot|screen ?shot|screen ?capture|snipping|greenshot|sharex|flameshot|spectacle|lightshot|snagit|gnome-screenshot/i;
/** Android ("Screenshot_20240312-211117"), macOS ("Screenshot 2024-03-23 at 20.22.34"), Windows. */
const NAMES =
  /^(screenshot|screen ?shot|scr_?\d|capture d.écran|bildschirmfoto|schermafbeelding|captura de pantalla)/i;

/**
 * [Note: screenshot weights] Log-odds from a prior of −3 (few photos are screenshots). iOS's
 * UserComment and a screenshot tool decide alone; camera exposure data all but excludes; a
 * camera or scanner make without exposure weighs against. The pixels carry most photos: flat UI
 * areas (cameras always add noise) and few colours; PNG adds, a camera format takes away. The
 * name adds +0.8: never enough alone. Tuned on the generated set and corpus/objects.
 */
export function screenshotVerdict(s: Signals): Verdict {
  const m = s.meta;
  const p = s.pixels;
  const w = m.width ?? p?.width ?? 0;
  const h = m.height ?? p?.height ?? 0;
  const screen = w && h ? screenSize(w, h) : null;
  const evidence: (Evidence | null | false)[] = [
    !!m.userComment &&
      /screenshot/i.test(m.userComment) && { weight: 8, reason: 'marked as a screenshot (iOS)' },
    !!m.software && TOOLS.test(m.software) && { weight: 4, reason: `saved by ${m.software}` },
    hasExposure(m)
      ? { weight: -6, reason: 'camera exposure data' }
      : (m.make !== null || m.model !== null) && {
          weight: -3,
          reason: `made by ${m.make ?? m.model}`,
        },
    screen
      ? { weight: 2, reason: `${screen} screen size (${w}×${h})` }
      : w > 0 && longPhoneCapture(w, h) && { weight: 1, reason: 'phone screen width, scrolled' },
    m.format === 'png' && { weight: 1.5, reason: 'PNG' },
    ['heic', 'heif', 'avif', 'dng', 'cr2', 'cr3', 'nef', 'arw', 'raf', 'orf', 'rw2'].includes(
      m.format,
    ) && {
      weight: -3,
      reason: `${m.format.toUpperCase()} (a camera format)`,
    },
    NAMES.test(m.fileName) && { weight: 0.8, reason: 'named like a screenshot' },
  ];
  if (p) {
    if (p.flatFraction >= 0.55)
      evidence.push({
        weight: 1.5 + 3 * (p.flatFraction - 0.55),
        reason: `flat areas (${percent(p.flatFraction)})`,
      });
    else if (p.flatFraction < 0.3) evidence.push({ weight: -1.5, reason: 'photographic texture' });
    if (p.topColours >= 0.7) evidence.push({ weight: 1.5, reason: 'few colours' });
    else if (p.topColours < 0.4) evidence.push({ weight: -1, reason: 'many colours' });
  }
  return weigh(-3, evidence);
}
