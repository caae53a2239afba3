import type { Db } from '../connection.js';

export type KeywordSource = 'xmp' | 'user';

export interface KeywordInput {
  /** Levels joined by '/' ("Places/Korea/Seoul"). */
  path: string;
  leaf: string;
  /** Every level, with its folded key (search/text.ts phraseKey) for the search box. */
  levels: { key: string; name: string }[];
}

export interface KeywordRow {
  path: string;
  leaf: string;
  source: KeywordSource;
}

/** Keywords of photos (migration 13) and the folded levels the search box finds them by. */
export class KeywordsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Replaces the photo's keywords from one source; the other source's stay (a path the other
   * source already has is left to it). Unchanged keywords are not rewritten: each write rebuilds
   * the photo's notes document (a trigger).
   */
  replace(photoId: string, source: KeywordSource, keywords: readonly KeywordInput[]): void {
    const old = new Set(
      this.db
        .prepare('SELECT path FROM photo_keywords WHERE photo_id = ? AND source = ?')
        .pluck()
        .all(photoId, source) as string[],
    );
    const wanted = new Map(keywords.map((k) => [k.path, k]));
    const dropLevels = this.db.prepare(
      'DELETE FROM photo_keyword_levels WHERE photo_id = ? AND path = ?',
    );
    const drop = this.db.prepare(
      'DELETE FROM photo_keywords WHERE photo_id = ? AND path = ? AND source = ?',
    );
    for (const path of old) {
      if (wanted.has(path)) continue;
      dropLevels.run(photoId, path);
      drop.run(photoId, path, source);
    }
    const ins = this.db.prepare(
      `INSERT INTO photo_keywords (photo_id, path, leaf, source) VALUES (?, ?, ?, ?)
       ON CONFLICT (photo_id, path) DO NOTHING`,
    );
    const level = this.db.prepare(
      `INSERT INTO photo_keyword_levels (key, photo_id, path, name) VALUES (?, ?, ?, ?)
       ON CONFLICT (key, photo_id, path) DO NOTHING`,
    );
    for (const k of wanted.values()) {
      if (old.has(k.path)) continue;
      if (ins.run(photoId, k.path, k.leaf, source).changes === 0) continue;
      for (const l of k.levels) if (l.key) level.run(l.key, photoId, k.path, l.name);
    }
  }

  forPhoto(photoId: string): KeywordRow[] {
    return this.db
      .prepare('SELECT path, leaf, source FROM photo_keywords WHERE photo_id = ? ORDER BY path')
      .all(photoId) as KeywordRow[];
  }

  /** Every photo's keyword paths (export). */
  all(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.db
      .prepare('SELECT photo_id, path FROM photo_keywords ORDER BY photo_id, path')
      .iterate() as IterableIterator<{ photo_id: string; path: string }>) {
      const list = out.get(r.photo_id);
      if (list) list.push(r.path);
      else out.set(r.photo_id, [r.path]);
    }
    return out;
  }

  /** Distinct levels (folded key and a name as written) for the search vocabulary. */
  levels(): { key: string; name: string }[] {
    return this.db
      .prepare('SELECT key, MIN(name) AS name FROM photo_keyword_levels GROUP BY key')
      .all() as { key: string; name: string }[];
  }
}
