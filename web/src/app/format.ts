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

/** "Alice", "Alice and Bob", "Alice, Bob and Carol". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A photo tile's accessible name: what tells it apart from its neighbours. Who is in it, what
 * (tags, "person" left out once people are named), where, and the date and time (to the second:
 * a burst of photos differs there), then the favourite mark and the state of processing.
 */
export function tileLabel(item: {
  takenAt: string;
  favourite: boolean;
  status: string;
  place?: string | null;
  people?: readonly string[];
  tags?: readonly string[];
}): string {
  const d = localDate(item.takenAt);
  const people = item.people ?? [];
  const tags = (item.tags ?? []).filter((t) => !(t === 'person' && people.length));
  let what = 'Photo';
  if (people.length) what += ` of ${listWords(people)}`;
  if (tags.length) what += `${people.length ? ' with' : ' of'} ${listWords(tags)}`;
  if (item.place) what += ` in ${item.place}`;
  const parts = [what, `${fullFmt.format(d)}, ${secondsFmt.format(d)}`];
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
