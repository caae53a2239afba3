// The offline zone lookup Takeout dates use by default: @photostructure/tz-lookup (a ~70 kB
// table, no I/O). When the media module's own lookup (videos) lands, both should share one.

import { createRequire } from 'node:module';

import type tzLookupModule from '@photostructure/tz-lookup';

import type { ZoneLookup } from './local-time.js';

// [Note: CommonJS by require] in media/exifr-reader.ts.
const tzLookup = createRequire(import.meta.url)(
  '@photostructure/tz-lookup',
) as typeof tzLookupModule;

/** IANA zone at a position; null where the table knows none or the position is invalid. */
export const zoneAt: ZoneLookup = (lat, lon) => {
  try {
    return tzLookup(lat, lon) || null;
  } catch {
    return null;
  }
};
