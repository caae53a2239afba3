import type { Gallery, TimelineScope } from '../collection/gallery.js';
import type { TimelinePage, TimelineQuery } from '../shared/api.js';
import { PageCache } from './page-cache.js';

/**
 * Timeline pages as response bodies. Pages of one month (how the web app asks) are cached under
 * the month's change counter: many clients scrolling the same library, or one client coming back
 * to a month, cost one lookup instead of a query. Album pages and cross-month pages are always
 * fresh.
 */
export class TimelinePages {
  private readonly cache = new PageCache();

  constructor(private readonly gallery: Gallery) {}

  json(scope: TimelineScope, q: TimelineQuery, serialize: (page: TimelinePage) => string): string {
    if (!q.month || scope.kind === 'album') return serialize(this.gallery.page(scope, q));
    const version = this.gallery.monthVersion(q.month);
    const key = `${scope.kind}|${q.month}|${version}|${q.limit ?? 200}|${q.cursor ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const json = serialize(this.gallery.page(scope, q));
    this.cache.set(key, json);
    return json;
  }
}
