/**
 * Serialised timeline pages, least recently used out first. Keys carry the month's change counter
 * (photo_month_versions), so an entry is never stale: a change to a month makes new keys and the
 * old entries age out. ~40 KB per 200-photo page: 400 entries stay under 20 MB.
 */
export class PageCache {
  private readonly map = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(private readonly max = 400) {}

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
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}
