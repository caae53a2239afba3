// Dates in the timeline are local wall-clock strings ("2024-06-01T12:00:00"): they are shown as
// they were on the camera, never shifted into the viewer's time zone.

export function localDate(iso: string): Date {
  const [d, t = '00:00:00'] = iso.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm, ss] = t.split(/[:.+Z-]/).map(Number);
  return new Date(y, (m || 1) - 1, day || 1, hh || 0, mm || 0, ss || 0);
}

const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const dayFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const dayYearFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const fullFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const secondsFmt = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

export function monthLabel(month: string): string {
  return monthFmt.format(localDate(`${month}-01`));
}

export function dayLabel(day: string, now = new Date()): string {
  const d = localDate(day);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const diff = Math.round((today.getTime() - d.getTime()) / 86_400_000);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Yesterday';
  return (d.getFullYear() === now.getFullYear() ? dayFmt : dayYearFmt).format(d);
}

export function fullDate(iso: string): string {
  return fullFmt.format(localDate(iso));
}

export function timeOf(iso: string): string {
  return timeFmt.format(localDate(iso));
}

/** "Sat, 14 Jun 2008": the viewer's title where a full date does not fit (phones). */
export function mediumDate(iso: string): string {
  return dayYearFmt.format(localDate(iso));
}

/** What an item is, as the grid and the API name it: a photo, a video or a Live Photo. */
export type ItemKind = 'photo' | 'video' | 'live';

const CODECS: Record<string, string> = {
  h264: 'H.264',
  hevc: 'HEVC (H.265)',
  h265: 'HEVC (H.265)',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  mpeg4: 'MPEG-4',
  mpeg2video: 'MPEG-2',
  prores: 'ProRes',
  mjpeg: 'Motion JPEG',
};

/** A codec as ffprobe names it ("hevc"), as people know it ("HEVC (H.265)"). */
export function codecName(codec: string): string {
  return CODECS[codec.toLowerCase()] ?? codec.toUpperCase();
}

/** "30 fps", "29.97 fps". */
export function fpsLabel(fps: number): string {
  return `${Number(fps.toFixed(2))} fps`;
}

/**
 * A video's length as players show it: "0:07", "12:34", "1:02:03". Seconds are rounded (a 2.6-s
 * clip reads 0:03, as on phones), but never to 0:00 for a clip that has any length.
 */
export function duration(ms: number): string {
  const total = ms > 0 ? Math.max(1, Math.round(ms / 1000)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "Video, 0:12", "Live Photo" or "Photo": how a tile starts its accessible name. */
export function kindLabel(kind: ItemKind | undefined, durationMs?: number | null): string {
  if (kind === 'video') return durationMs ? `Video, ${duration(durationMs)}` : 'Video';
  if (kind === 'live') return 'Live Photo';
  return 'Photo';
}

/** "Alice", "Alice and Bob", "Alice, Bob and Carol". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A tile's accessible name: what tells it apart from its neighbours. What it is (photo, video,
 * Live Photo), who is in it, what (tags, "person" left out once people are named), where, a
 * video's length, and the date and time (to the second: a burst of photos differs there), then
 * the favourite mark and the state of processing.
 */
export function tileLabel(item: {
  takenAt: string;
  favourite: boolean;
  status: string;
  kind?: ItemKind;
  durationMs?: number | null;
  place?: string | null;
  people?: readonly string[];
  tags?: readonly string[];
}): string {
  const d = localDate(item.takenAt);
  const people = item.people ?? [];
  const tags = (item.tags ?? []).filter((t) => !(t === 'person' && people.length));
  let what = kindLabel(item.kind);
  if (people.length) what += ` of ${listWords(people)}`;
  if (tags.length) what += `${people.length ? ' with' : ' of'} ${listWords(tags)}`;
  if (item.place) what += ` in ${item.place}`;
  const parts = [what];
  if (item.kind === 'video' && item.durationMs) parts.push(duration(item.durationMs));
  parts.push(`${fullFmt.format(d)}, ${secondsFmt.format(d)}`);
  if (item.favourite) parts.push('favourite');
  if (item.status === 'error') parts.push('could not be read');
  else if (item.status === 'pending') parts.push('still being processed');
  return parts.join(', ');
}

/** "+02:00" at the end of an ISO string, shown as "UTC+2". */
export function offsetLabel(iso: string): string | null {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) return null;
  const h = Number(m[2]);
  const min = Number(m[3]);
  return `UTC${m[1]}${h}${min ? `:${m[3]}` : ''}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function exposureTime(s: number): string {
  if (s >= 1) return `${Number(s.toFixed(1))} s`;
  return `1/${Math.round(1 / s)} s`;
}

export function relativeTime(iso: string | null): string {
  if (!iso) return 'never';
  const ms = Date.now() - new Date(iso).getTime();
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(iso).toLocaleDateString();
}
