// The offline zone lookup Takeout dates use by default: @photostructure/tz-lookup (a ~70 kB
// table, no I/O). When the media module's own lookup (videos) lands, both should share one.

import tzLookup from '@photostructure/tz-lookup';

import type { ZoneLookup } from './local-time.js';

/** IANA zone at a position; null where the table knows none or the position is invalid. */
export const zoneAt: ZoneLookup = (lat, lon) => {
  try {
    return tzLookup(lat, lon) || null;
  } catch {
    return null;
  }
};
