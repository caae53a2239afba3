import type { Clause, SortOrder, Term } from '../../shared/search-query.js';
import type { Db } from '../connection.js';
import type { TimelineRow } from './timeline.js';
import {
  clauseDriver,
  clauseProbe,
  driver,
  ftsExpression,
  ownIndex,
  scoreOf,
  textTermsOf,
  type Sql,
  type TextRefs,
} from './search-sql.js';

export { ftsExpression };

/**
 * The trigram expression for words looked for inside OCR text ("lisbon" in "WelcometoLisbon"):
 * every word as a substring; null when a word is too short for trigrams or text in photos is not
 * searched.
 */
export function trigramExpression(words: string[], where: 'all' | 'names' | 'ocr'): string | null {
  if (where === 'names' || !words.length || words.some((w) => w.length < 3)) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * How the statement reads the catalogue (search/planner.ts chooses): `walk` down the timeline
 * index testing every clause, or start from the ids of clause `driver` (the most selective).
 */
export type Plan = { mode: 'walk' } | { mode: 'driven'; driver: number };

/** One result row: what a grid needs, plus the relevance it was ranked by. */
export interface SearchRow extends TimelineRow {
  score: number;
}

export interface ClusterRow {
  gy: number;
  gx: number;
  count: number;
  lat: number;
  lon: number;
  /** "sort_at id content_hash hasThumb" of the newest photo in the cell. */
  newest: string;
}

/** Position after the last row of a page. `score` only for relevance order. */
export interface SearchKey {
  score?: number;
  sortAt: string;
  id: string;
}

export interface SearchCriteria {
  clauses: Clause[];
  sort: SortOrder;
  /** Photo id → similarity from the semantic model; text clauses also match these photos. */
  semantic?: Map<string, number>;
  after?: SearchKey;
  limit: number;
  /** Rank text matches by bm25 (costly on many matches); otherwise every match counts the same. */
  rankText?: boolean;
}

const COLUMNS = `p.id, p.content_hash, p.sort_at, p.width, p.height, p.thumb_width, p.thumb_height,
  p.favourite, p.status, p.kind, p.duration_ms`;

/**
 * Search as one parameterised SQL statement: every clause becomes an indexed predicate on photos
 * (see search-sql.ts), the plan (src/search/planner.ts) decides whether the statement walks the
 * timeline index or starts from the ids of its most selective clause, and results are ranked and
 * paged with a keyset cursor. Trashed photos never appear.
 */
export class SearchRepo {
  constructor(private readonly db: Db) {}

  /** One page of results. */
  search(c: SearchCriteria, plan: Plan): SearchRow[] {
    const q = this.build(c, plan);
    return this.db.prepare(q.text).all(...q.params) as SearchRow[];
  }

  /** How many photos match, counting no further than `cap`. */
  count(
    clauses: Clause[],
    semantic: Map<string, number> | undefined,
    plan: Plan,
    cap: number,
  ): number {
    const q = this.build({ clauses, semantic, sort: 'newest', limit: cap }, plan, true);
    return (this.db.prepare(q.text).get(...q.params) as { n: number }).n;
  }

  /** Photos in the catalogue (trashed included: only used for estimates). */
  total(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM photos').get() as { n: number }).n;
  }

  /**
   * Photos a term matches, counted no further than `cap`, and whether the term can start a query.
   * Cheap: every count reads one index range.
   */
  estimate(t: Term, cap: number): { rows: number; drivable: boolean } {
    const refs: TextRefs = { index: () => 0, semantic: false };
    if (t.kind === 'text') {
      const row = this.db
        .prepare(
          'SELECT COUNT(*) AS n FROM (SELECT rowid FROM search_text WHERE search_text MATCH ? LIMIT ?)',
        )
        .get(ftsExpression(t.words, t.in), cap) as { n: number };
      const glued = trigramExpression(t.words, t.in);
      const extra = glued
        ? (
            this.db
              .prepare(
                'SELECT COUNT(*) AS n FROM (SELECT rowid FROM ocr_trigram WHERE ocr_trigram MATCH ? LIMIT ?)',
              )
              .get(glued, cap) as { n: number }
          ).n
        : 0;
      const notes =
        t.in === 'all'
          ? (
              this.db
                .prepare(
                  'SELECT COUNT(*) AS n FROM (SELECT rowid FROM note_text WHERE note_text MATCH ? LIMIT ?)',
                )
                .get(ftsExpression(t.words, 'all'), cap) as { n: number }
            ).n
          : 0;
      return { rows: Math.min(cap, row.n + extra + notes), drivable: true };
    }
    const d = driver(t, refs);
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM (${d.text} LIMIT ?)`)
      .get(...d.params, cap) as { n: number };
    return { rows: row.n, drivable: true };
  }

  /** The statement for a page, or for a capped count (exposed for EXPLAIN in tests and the bench). */
  /** FROM and WHERE of a search: CTEs for text and the driver, the table walk, the probes. */
  private scope(c: Pick<SearchCriteria, 'clauses' | 'semantic' | 'rankText'>, plan: Plan) {
    const texts = textTermsOf(c.clauses);
    const positiveText = c.clauses.some(
      (cl) => !cl.negate && cl.terms.some((t) => t.kind === 'text'),
    );
    const refs: TextRefs = {
      index: (t) => texts.indexOf(t),
      semantic: Boolean(c.semantic?.size) && positiveText,
    };
    const ctes: string[] = [];
    const params: unknown[] = [];
    texts.forEach((t, i) => {
      if (t.kind !== 'text') return;
      // File names, descriptions and keywords weigh more than found text: a person chose them.
      const rank = c.rankText === false ? '1.0' : '-bm25(search_text, 4.0, 1.0)';
      const parts = [
        `SELECT d.photo_id, ${rank} AS r
        FROM search_text JOIN search_docs d ON d.doc = search_text.rowid WHERE search_text MATCH ?`,
      ];
      const partParams: unknown[] = [ftsExpression(t.words, t.in)];
      if (t.in === 'all') {
        const noteRank = c.rankText === false ? '1.0' : '-bm25(note_text, 4.0, 4.0)';
        parts.push(`SELECT d.photo_id, ${noteRank} AS r
          FROM note_text JOIN search_docs d ON d.doc = note_text.rowid WHERE note_text MATCH ?`);
        partParams.push(ftsExpression(t.words, 'all'));
      }
      // Text found in photos also matches inside glued words (a match of whole words ranks higher).
      const glued = trigramExpression(t.words, t.in);
      if (glued) {
        parts.push('SELECT photo_id, 0.0 AS r FROM ocr_trigram WHERE ocr_trigram MATCH ?');
        partParams.push(glued);
      }
      ctes.push(
        parts.length === 1
          ? `txt${i} AS MATERIALIZED (${parts[0]})`
          : `txt${i} AS MATERIALIZED (SELECT photo_id, MAX(r) AS r FROM (${parts.join(' UNION ALL ')}) GROUP BY photo_id)`,
      );
      params.push(...partParams);
    });
    if (refs.semantic) {
      ctes.push('sem AS MATERIALIZED (SELECT key AS photo_id, value AS s FROM json_each(?))');
      params.push(JSON.stringify(Object.fromEntries(c.semantic!)));
    }
    let from = 'photos p INDEXED BY photos_timeline';
    const where = ['p.trashed_at IS NULL', 'p.live_of IS NULL'];
    const whereParams: unknown[] = [];
    const driverClause = plan.mode === 'driven' ? c.clauses[plan.driver] : undefined;
    const inPlace = driverClause ? ownIndex(driverClause) : null;
    if (inPlace) from = `photos p INDEXED BY ${inPlace}`;
    c.clauses.forEach((clause) => {
      if (clause === driverClause && !inPlace) {
        const d = clauseDriver(clause, refs)!;
        ctes.push(`d AS MATERIALIZED (SELECT DISTINCT photo_id FROM (${d.text}))`);
        params.push(...d.params);
        // CROSS JOIN keeps SQLite from reordering: the driver's ids are the outer loop.
        from = 'd CROSS JOIN photos p ON p.id = d.photo_id';
        return;
      }
      const p = clauseProbe(clause, refs);
      where.push(p.text);
      whereParams.push(...p.params);
    });
    const withSql = ctes.length ? `WITH ${ctes.join(', ')} ` : '';
    return { withSql, params, from, where, whereParams, refs };
  }

  build(c: SearchCriteria, plan: Plan, countOnly = false): Sql {
    const { withSql, params, from, where, whereParams, refs } = this.scope(c, plan);

    if (countOnly) {
      return {
        text: `${withSql}SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT ?)`,
        params: [...params, ...whereParams, c.limit],
      };
    }
    if (c.sort === 'relevance') {
      const score = scoreOf(c.clauses, refs);
      let text = `${withSql}SELECT * FROM (SELECT ${COLUMNS}, ${score.text} AS score FROM ${from}
        WHERE ${where.join(' AND ')})`;
      const all = [...params, ...score.params, ...whereParams];
      if (c.after) {
        text += ' WHERE (score < ? OR (score = ? AND (sort_at, id) < (?, ?)))';
        all.push(c.after.score ?? 0, c.after.score ?? 0, c.after.sortAt, c.after.id);
      }
      text += ' ORDER BY score DESC, sort_at DESC, id DESC LIMIT ?';
      all.push(c.limit);
      return { text, params: all };
    }
    const desc = c.sort === 'newest';
    if (c.after) {
      where.push(`(p.sort_at, p.id) ${desc ? '<' : '>'} (?, ?)`);
      whereParams.push(c.after.sortAt, c.after.id);
    }
    const order = desc ? 'p.sort_at DESC, p.id DESC' : 'p.sort_at ASC, p.id ASC';
    return {
      text: `${withSql}SELECT ${COLUMNS}, 0.0 AS score FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
      params: [...params, ...whereParams, c.limit],
    };
  }

  /**
   * Photos with a position grouped in cells of `cellDeg` degrees: one row per cell with the
   * count, the mean position and the newest photo. `clauses` must include the map's area (it is
   * the driver, read through the position index).
   */
  clusters(clauses: Clause[], plan: Plan, cellDeg: number): ClusterRow[] {
    const { withSql, params, from, where, whereParams } = this.scope({ clauses }, plan);
    const sql = `${withSql}SELECT CAST(floor(p.lat / ?) AS INTEGER) AS gy, CAST(floor(p.lon / ?) AS INTEGER) AS gx,
        COUNT(*) AS count, AVG(p.lat) AS lat, AVG(p.lon) AS lon,
        max(p.sort_at || ' ' || p.id || ' ' || p.content_hash || ' ' || (p.thumb_width IS NOT NULL)) AS newest
      FROM ${from} WHERE p.lat IS NOT NULL AND ${where.join(' AND ')} GROUP BY gy, gx`;
    return this.db.prepare(sql).all(...params, cellDeg, cellDeg, ...whereParams) as ClusterRow[];
  }

  /** Names the parser should recognise, as this catalogue holds them. */
  vocabulary(): {
    persons: { id: number; name: string }[];
    albums: { id: number; name: string }[];
    places: { field: 'city' | 'region' | 'country' | 'continent'; key: string; name: string }[];
    cameras: { make: string | null; model: string | null }[];
    keywords: { key: string; name: string }[];
    roots: string[];
    dirs: string[];
  } {
    const people = this.peopleColumns();
    // A person merged into another keeps its row (and maybe its name) but no longer has faces.
    const merged = people.has('merged_into') ? 'AND merged_into IS NULL' : '';
    const persons =
      people.has('id') && people.has('name')
        ? (this.db
            .prepare(
              `SELECT id, name FROM people WHERE name IS NOT NULL AND trim(name) != '' ${merged}`,
            )
            .all() as { id: number; name: string }[])
        : [];
    const albums = this.db.prepare('SELECT id, name FROM albums').all() as {
      id: number;
      name: string;
    }[];
    const places = this.db
      .prepare(
        `SELECT DISTINCT 'city' AS field, city_key AS key, city AS name FROM photo_places WHERE city_key IS NOT NULL
       UNION SELECT DISTINCT 'region', region_key, region FROM photo_places WHERE region_key IS NOT NULL
       UNION SELECT DISTINCT 'country', country_code, country FROM photo_places WHERE country_code IS NOT NULL
       UNION SELECT DISTINCT 'continent', continent_key, continent FROM photo_places WHERE continent_key IS NOT NULL`,
      )
      .all() as { field: 'city' | 'region' | 'country' | 'continent'; key: string; name: string }[];
    const cameras = this.db
      .prepare(
        'SELECT DISTINCT make, model FROM photos WHERE make IS NOT NULL OR model IS NOT NULL',
      )
      .all() as { make: string | null; model: string | null }[];
    const keywords = this.db
      .prepare('SELECT key, MIN(name) AS name FROM photo_keyword_levels GROUP BY key')
      .all() as { key: string; name: string }[];
    const roots = (this.db.prepare('SELECT path FROM folders').all() as { path: string }[]).map(
      (r) => r.path,
    );
    // rtrim(path, <every character but "/">) cuts the file name: the directory, with its slash.
    const dirs = (
      this.db
        .prepare(`SELECT DISTINCT rtrim(path, replace(path, '/', '')) AS dir FROM locations`)
        .all() as { dir: string }[]
    ).map((r) => r.dir.replace(/\/+$/, ''));
    return { persons, albums, places, cameras, keywords, roots, dirs };
  }

  /** Columns of the people table (made by the people feature; none before it exists). */
  private peopleColumns(): Set<string> {
    const cols = this.db.prepare(`SELECT name FROM pragma_table_info('people')`).all() as {
      name: string;
    }[];
    return new Set(cols.map((c) => c.name));
  }
}
