/**
 * Serialised timeline pages, least recently used out first, bounded by size. Keys carry the
 * month's change counter (photo_month_versions), so an entry is never stale: a change to a month
 * makes new keys and the old entries age out. A 200-photo page is ~40 KB of JSON; the default
 * 32 MB holds every page of a 100 000-photo library listed 200 at a time.
 */
export class PageCache {
  private readonly map = new Map<string, string>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: string): void {
    const old = this.map.get(key);
    if (old !== undefined) this.bytes -= old.length;
    this.map.set(key, value);
    this.bytes += value.length;
    while (this.bytes > this.maxBytes && this.map.size > 1) {
      const [k, v] = this.map.entries().next().value!;
      this.map.delete(k);
      this.bytes -= v.length;
    }
  }
}
