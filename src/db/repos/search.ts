import type Database from 'better-sqlite3';
import type { Clause, SortOrder, Term } from '../../search/query-types.js';
import type { Db } from '../connection.js';

/** One result row: what a grid needs, plus the relevance it was ranked by. */
export interface SearchRow {
  id: string;
  content_hash: string;
  sort_at: string;
  width: number | null;
  height: number | null;
  thumb_width: number | null;
  thumb_height: number | null;
  favourite: number;
  status: 'pending' | 'ready' | 'error';
  score: number;
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
}

interface Sql {
  text: string;
  params: unknown[];
}

const COLUMNS = `p.id, p.content_hash, p.sort_at, p.width, p.height, p.thumb_width, p.thumb_height,
  p.favourite, p.status`;

const PLACE_COLUMN = {
  city: 'city_key',
  region: 'region_key',
  country: 'country_code',
  continent: 'continent_key',
};

const marks = (n: number) => Array(n).fill('?').join(', ');

/**
 * The FTS5 expression for some words: a phrase whose last word may be a prefix ("holi" finds
 * "holidays"). Words come from the parser as letters and digits only; quoting them anyway means
 * no input can ever be read as FTS syntax (NEAR, OR, column filters, *).
 */
export function ftsExpression(words: string[], where: 'all' | 'names' | 'ocr'): string {
  const last = words[words.length - 1] ?? '';
  const phrase = `"${words.map((w) => w.replace(/"/g, '""')).join(' ')}"${last.length >= 3 ? ' *' : ''}`;
  return where === 'all' ? phrase : `${where} : ${phrase}`;
}

/**
 * Search as one parameterised SQL statement: every clause of the query becomes a predicate on
 * photos backed by an index (tags by label, people by person, places by key, text by FTS5, dates
 * by the timeline key…), results are ranked and paged with a keyset cursor. Trashed photos never
 * appear.
 */
export class SearchRepo {
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      // Statement texts repeat: the same query shape with other values is the same statement.
      if (this.stmts.size > 500) this.stmts.clear();
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** One page of results. */
  search(c: SearchCriteria): SearchRow[] {
    const q = this.build(c);
    return this.stmt(q.text).all(...q.params) as SearchRow[];
  }

  /** How many photos match, counting no further than `cap` (enough to say "1,000+"). */
  count(clauses: Clause[], semantic: Map<string, number> | undefined, cap: number): number {
    const ctes = cteFor(clauses, semantic);
    const where = this.where(clauses, semantic);
    const sql = `${ctes.text}SELECT COUNT(*) AS n FROM (SELECT 1 FROM photos p WHERE ${where.text} LIMIT ?)`;
    const row = this.stmt(sql).get(...ctes.params, ...where.params, cap) as { n: number };
    return row.n;
  }

  /** The statement for a page (exposed for EXPLAIN in tests and the benchmark). */
  build(c: SearchCriteria): Sql {
    const ctes = cteFor(c.clauses, c.semantic);
    const where = this.where(c.clauses, c.semantic);
    const params: unknown[] = [...ctes.params];
    if (c.sort === 'relevance') {
      const score = scoreOf(c.clauses, c.semantic);
      let text = `${ctes.text}SELECT * FROM (SELECT ${COLUMNS}, ${score.text} AS score FROM photos p
        WHERE ${where.text})`;
      params.push(...score.params, ...where.params);
      if (c.after) {
        text += ` WHERE (score < ? OR (score = ? AND (sort_at, id) < (?, ?)))`;
        params.push(c.after.score ?? 0, c.after.score ?? 0, c.after.sortAt, c.after.id);
      }
      text += ` ORDER BY score DESC, sort_at DESC, id DESC LIMIT ?`;
      params.push(c.limit);
      return { text, params };
    }
    const desc = c.sort === 'newest';
    let text = `${ctes.text}SELECT ${COLUMNS}, 0.0 AS score FROM photos p WHERE ${where.text}`;
    params.push(...where.params);
    if (c.after) {
      text += ` AND (p.sort_at, p.id) ${desc ? '<' : '>'} (?, ?)`;
      params.push(c.after.sortAt, c.after.id);
    }
    text += desc
      ? ' ORDER BY p.sort_at DESC, p.id DESC LIMIT ?'
      : ' ORDER BY p.sort_at ASC, p.id ASC LIMIT ?';
    params.push(c.limit);
    return { text, params };
  }

  /** Names the parser should recognise, as this catalogue holds them. */
  vocabulary(): {
    persons: { id: number; name: string }[];
    albums: { id: number; name: string }[];
    places: { field: 'city' | 'region' | 'country' | 'continent'; key: string; name: string }[];
    cameras: { make: string | null; model: string | null }[];
    roots: string[];
    dirs: string[];
  } {
    const persons = this.hasPeople()
      ? (this.stmt(
          `SELECT id, name FROM people WHERE name IS NOT NULL AND trim(name) != ''`,
        ).all() as { id: number; name: string }[])
      : [];
    const albums = this.stmt('SELECT id, name FROM albums').all() as { id: number; name: string }[];
    const places = this.stmt(
      `SELECT DISTINCT 'city' AS field, city_key AS key, city AS name FROM photo_places WHERE city_key IS NOT NULL
       UNION SELECT DISTINCT 'region', region_key, region FROM photo_places WHERE region_key IS NOT NULL
       UNION SELECT DISTINCT 'country', country_code, country FROM photo_places WHERE country_code IS NOT NULL
       UNION SELECT DISTINCT 'continent', continent_key, continent FROM photo_places WHERE continent_key IS NOT NULL`,
    ).all() as { field: 'city' | 'region' | 'country' | 'continent'; key: string; name: string }[];
    const cameras = this.stmt(
      'SELECT DISTINCT make, model FROM photos WHERE make IS NOT NULL OR model IS NOT NULL',
    ).all() as { make: string | null; model: string | null }[];
    const roots = (this.stmt('SELECT path FROM folders').all() as { path: string }[]).map(
      (r) => r.path,
    );
    // rtrim(path, <every character but "/">) cuts the file name: the directory, with its slash.
    const dirs = (
      this.stmt(
        `SELECT DISTINCT rtrim(path, replace(path, '/', '')) AS dir FROM locations`,
      ).all() as { dir: string }[]
    ).map((r) => r.dir.replace(/\/+$/, ''));
    return { persons, albums, places, cameras, roots, dirs };
  }

  /** The people table arrives with the people feature; until then person names match no one. */
  private hasPeople(): boolean {
    const cols = this.db.prepare(`SELECT name FROM pragma_table_info('people')`).all() as {
      name: string;
    }[];
    return cols.some((c) => c.name === 'id') && cols.some((c) => c.name === 'name');
  }

  private where(clauses: Clause[], semantic: Map<string, number> | undefined): Sql {
    // Repeats the timeline index's predicate word for word, so SQLite may walk photos_timeline.
    const parts = ['p.trashed_at IS NULL'];
    const params: unknown[] = [];
    let txt = 0;
    const useSemantic = Boolean(semantic?.size);
    for (const clause of clauses) {
      const alts = clause.terms.map((t) =>
        termPredicate(t, () => txt++, useSemantic && !clause.negate),
      );
      const text = alts.length === 1 ? alts[0].text : `(${alts.map((a) => a.text).join(' OR ')})`;
      // IFNULL: a NULL column (no camera recorded) must count as "not that camera" when negated.
      parts.push(clause.negate ? `NOT IFNULL(${text}, 0)` : text);
      for (const a of alts) params.push(...a.params);
    }
    return { text: parts.join(' AND '), params };
  }
}

/** Common table expressions for ranked text matches and semantic candidates. */
function cteFor(clauses: Clause[], semantic: Map<string, number> | undefined): Sql {
  const parts: string[] = [];
  const params: unknown[] = [];
  textTerms(clauses).forEach((t, i) => {
    parts.push(`txt${i} AS MATERIALIZED (SELECT d.photo_id, -bm25(search_text, 4.0, 1.0) AS r
      FROM search_text JOIN search_docs d ON d.doc = search_text.rowid WHERE search_text MATCH ?)`);
    params.push(ftsExpression(t.words, t.in));
  });
  if (semantic && semantic.size && textTerms(clauses).length) {
    parts.push(`sem AS MATERIALIZED (SELECT key AS photo_id, value AS s FROM json_each(?))`);
    params.push(JSON.stringify(Object.fromEntries(semantic)));
  }
  return { text: parts.length ? `WITH ${parts.join(', ')} ` : '', params };
}

/** Text terms in order of appearance: their position names their CTE (txt0, txt1…). */
function textTerms(clauses: Clause[]): Extract<Term, { kind: 'text' }>[] {
  return clauses.flatMap((c) =>
    c.terms.filter((t): t is Extract<Term, { kind: 'text' }> => t.kind === 'text'),
  );
}

function termPredicate(t: Term, nextText: () => number, semantic: boolean): Sql {
  switch (t.kind) {
    case 'tag':
      return {
        text: `p.id IN (SELECT t.photo_id FROM photo_tags t WHERE t.label IN (${marks(t.labels.length)}))`,
        params: t.labels,
      };
    case 'person':
      if (!t.ids.length) return { text: '0', params: [] };
      return {
        text: `p.id IN (SELECT f.photo_id FROM faces f WHERE f.person_id IN (${marks(t.ids.length)}))`,
        params: t.ids,
      };
    case 'album':
      if (!t.ids.length) return { text: '0', params: [] };
      return {
        text: `p.id IN (SELECT ap.photo_id FROM album_photos ap WHERE ap.album_id IN (${marks(t.ids.length)}))`,
        params: t.ids,
      };
    case 'date': {
      const alts: string[] = [];
      const params: unknown[] = [];
      for (const s of t.spans) {
        const conds: string[] = [];
        if (s.from) {
          conds.push('p.sort_at >= ?');
          params.push(s.from);
        }
        if (s.to) {
          conds.push('p.sort_at < ?');
          params.push(s.to);
        }
        alts.push(conds.length ? conds.join(' AND ') : '1');
      }
      for (const y of t.yearly) {
        alts.push('(substr(p.sort_at, 6, 5) >= ? AND substr(p.sort_at, 6, 5) < ?)');
        params.push(y.from, y.to);
      }
      if (!alts.length) return { text: '0', params: [] };
      return {
        text: alts.length === 1 ? `(${alts[0]})` : `(${alts.map((a) => `(${a})`).join(' OR ')})`,
        params,
      };
    }
    case 'place':
      return {
        text: `p.id IN (SELECT pl.photo_id FROM photo_places pl WHERE pl.${PLACE_COLUMN[t.field]} = ?)`,
        params: [t.key],
      };
    case 'camera': {
      const conds: string[] = [];
      if (t.makes.length) conds.push(`p.make IN (${marks(t.makes.length)})`);
      if (t.models.length) conds.push(`p.model IN (${marks(t.models.length)})`);
      if (!conds.length) return { text: '0', params: [] };
      return { text: `(${conds.join(' OR ')})`, params: [...t.makes, ...t.models] };
    }
    case 'type':
      return { text: `p.format IN (${marks(t.formats.length)})`, params: t.formats };
    case 'folder': {
      if (!t.dirs.length) return { text: '0', params: [] };
      // Everything below dir: paths between "dir/" and "dir0" ('0' follows '/'), a range scan
      // of the unique path index.
      const ranges = t.dirs.map(() => '(l.path > ? AND l.path < ?)').join(' OR ');
      return {
        text: `p.id IN (SELECT l.photo_id FROM locations l WHERE ${ranges})`,
        params: t.dirs.flatMap((d) => [`${d}/`, `${d}0`]),
      };
    }
    case 'favourite':
      return { text: 'p.favourite = 1', params: [] };
    case 'text': {
      // With a semantic model, photos that look like the words match too (negations stay literal:
      // "not looking like a beach" is too vague to exclude anything).
      const i = nextText();
      const fts = `p.id IN (SELECT photo_id FROM txt${i})`;
      return {
        text: semantic ? `(${fts} OR p.id IN (SELECT photo_id FROM sem))` : fts,
        params: [],
      };
    }
    case 'area': {
      const lon = t.west <= t.east ? 'p.lon BETWEEN ? AND ?' : '(p.lon >= ? OR p.lon <= ?)';
      return {
        text: `(p.lat BETWEEN ? AND ? AND ${lon})`,
        params: [t.south, t.north, t.west, t.east],
      };
    }
    case 'has':
      switch (t.what) {
        case 'gps':
          return { text: 'p.lat IS NOT NULL', params: [] };
        case 'place':
          return {
            text: 'p.id IN (SELECT pl.photo_id FROM photo_places pl WHERE pl.country_code IS NOT NULL)',
            params: [],
          };
        case 'text':
          return {
            text: "p.id IN (SELECT pt.photo_id FROM photo_text pt WHERE pt.text != '')",
            params: [],
          };
        case 'faces':
          return { text: 'p.id IN (SELECT f.photo_id FROM faces f)', params: [] };
        case 'tags':
          return { text: 'p.id IN (SELECT t.photo_id FROM photo_tags t)', params: [] };
      }
  }
}

/** Relevance: best detection score of each wanted tag, text rank, semantic similarity. */
function scoreOf(clauses: Clause[], semantic: Map<string, number> | undefined): Sql {
  const parts: string[] = [];
  const params: unknown[] = [];
  let txt = 0;
  for (const c of clauses) {
    for (const t of c.terms) {
      if (t.kind === 'text') {
        if (!c.negate) {
          // bm25 grows without bound; r/(1+r) keeps one text match worth less than two tags.
          parts.push(
            `IFNULL((SELECT r / (1.0 + r) FROM txt${txt} WHERE txt${txt}.photo_id = p.id), 0)`,
          );
          if (semantic?.size)
            parts.push('IFNULL((SELECT s FROM sem WHERE sem.photo_id = p.id), 0)');
        }
        txt++;
      } else if (t.kind === 'tag' && !c.negate) {
        parts.push(
          `IFNULL((SELECT MAX(t.score) FROM photo_tags t WHERE t.photo_id = p.id AND t.label IN (${marks(t.labels.length)})), 0)`,
        );
        params.push(...t.labels);
      }
    }
  }
  return { text: parts.length ? parts.join(' + ') : '0.0', params };
}
