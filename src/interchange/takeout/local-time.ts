// A UTC instant (Takeout's photoTakenTime) as the wall-clock time where the photo was taken. The
// zone comes from a (lat, lon) → IANA zone lookup passed in by the caller, so this file works with
// any offline lookup (tz-lookup.ts here, or the media module's when the two are joined); the zone's
// offset at that instant (summer time included) comes from the ICU data Node ships.

export type ZoneLookup = (lat: number, lon: number) => string | null;

export interface LocalTime {
  /** Wall clock at the place: `YYYY-MM-DDTHH:mm:ss`, the catalogue's `taken_at` form. */
  local: string;
  /** Minutes east of UTC at that instant in that zone. */
  offsetMinutes: number;
  /** The IANA zone used. */
  zone: string;
  /** 'place' when the zone came from the photo's position, 'system' when there was none. */
  zoneFrom: 'place' | 'system';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

function isZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock parts of an instant in a zone, and the zone's offset then (whole seconds). */
function wallClock(epochMs: number, zone: string): { local: string; offsetMinutes: number } {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(whole))) parts[p.type] = p.value;
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return { local, offsetMinutes: Math.round((asUtc - whole) / 60000) };
}

/** The machine's zone: the same guess the catalogue makes for file times without a zone. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The local time of an instant at a place. Without a place (or when the lookup knows no zone
 * there, e.g. at sea) the machine's zone stands in, and `zoneFrom` says so.
 */
export function localTimeAt(
  instant: string | number,
  place: { lat: number; lon: number } | null,
  zoneOf: ZoneLookup,
  fallbackZone: string = systemZone(),
): LocalTime | null {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) return null;
  let zone: string | null = null;
  if (place) {
    try {
      zone = zoneOf(place.lat, place.lon);
    } catch {
      zone = null;
    }
    if (zone && !isZone(zone)) zone = null;
  }
  const zoneFrom = zone ? 'place' : 'system';
  const use = zone ?? (isZone(fallbackZone) ? fallbackZone : 'UTC');
  return { ...wallClock(ms, use), zone: use, zoneFrom };
}
