/** "2008-10-22T16:28:39" + 120 → "2008-10-22T16:28:39+02:00". */
export function withOffset(local: string | null, offsetMinutes: number | null): string | null {
  if (!local) return null;
  if (offsetMinutes === null || offsetMinutes === undefined) return local;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
