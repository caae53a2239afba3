// SQL fragments for the terms of a search query. Each term can be asked two ways:
//   probe(t)  – a predicate on one photo row `p` that an index answers for that photo alone
//               (a lookup by (photo_id, …) keys, or a column of photos);
//   driver(t) – the photo ids it matches, read from the index on the term's value, to start the
//               query from when it is the most selective clause.
// Values are always bound parameters; only fixed SQL text is concatenated.

import type { Clause, Term } from '../../shared/search-query.js';

export interface Sql {
  text: string;
  params: unknown[];
}

const marks = (n: number) => Array(n).fill('?').join(', ');
const sql = (text: string, params: unknown[] = []): Sql => ({ text, params });
const NONE = sql('0');

const PLACE_COLUMN = {
  city: 'city_key',
  region: 'region_key',
  country: 'country_code',
  continent: 'continent_key',
};

/** Names the FTS and semantic CTE a text term reads: its position among the query's text terms. */
export interface TextRefs {
  index(t: Term): number;
  semantic: boolean;
}

/** The FTS5 expression for some words: one quoted phrase, the last word a prefix when ≥ 3 letters. */
export function ftsExpression(words: string[], where: 'all' | 'names' | 'ocr'): string {
  const last = words[words.length - 1] ?? '';
  const phrase = `"${words.map((w) => w.replace(/"/g, '""')).join(' ')}"${last.length >= 3 ? ' *' : ''}`;
  return where === 'all' ? phrase : `${where} : ${phrase}`;
}

function dateSql(t: Extract<Term, { kind: 'date' }>): Sql {
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
    alts.push('substr(p.sort_at, 6, 5) >= ? AND substr(p.sort_at, 6, 5) < ?');
    params.push(y.from, y.to);
  }
  if (!alts.length) return NONE;
  return sql(
    alts.length === 1 ? `(${alts[0]})` : `(${alts.map((a) => `(${a})`).join(' OR ')})`,
    params,
  );
}

function folderRanges(dirs: string[]): Sql {
  // Everything below dir: paths between "dir/" and "dir0" ('0' follows '/'), a range of the
  // unique path index.
  return sql(
    dirs.map(() => '(l.path > ? AND l.path < ?)').join(' OR '),
    dirs.flatMap((d) => [`${d}/`, `${d}0`]),
  );
}

/**
 * `(SELECT 1 … LIMIT 1) IS NOT NULL` rather than EXISTS: for EXISTS on some tables SQLite builds
 * a Bloom filter over the whole table before the first row (15 ms on 40k places), which ruins a
 * walk that would stop after a page.
 */
function exists(from: string, where: string, params: unknown[] = []): Sql {
  return sql(`(SELECT 1 FROM ${from} WHERE ${where} LIMIT 1) IS NOT NULL`, params);
}

/** A predicate for one photo row `p`. */
export function probe(t: Term, refs: TextRefs): Sql {
  switch (t.kind) {
    case 'tag':
      return exists(
        'photo_tags t',
        `t.photo_id = p.id AND t.label IN (${marks(t.labels.length)})`,
        t.labels,
      );
    case 'person':
      if (!t.ids.length) return NONE;
      return exists(
        'faces f',
        `f.photo_id = p.id AND f.person_id IN (${marks(t.ids.length)})`,
        t.ids,
      );
    case 'album':
      if (!t.ids.length) return NONE;
      return exists(
        'album_photos ap',
        `ap.photo_id = p.id AND ap.album_id IN (${marks(t.ids.length)})`,
        t.ids,
      );
    case 'place':
      return exists('photo_places pl', `pl.photo_id = p.id AND pl.${PLACE_COLUMN[t.field]} = ?`, [
        t.key,
      ]);
    case 'folder': {
      if (!t.dirs.length) return NONE;
      const r = folderRanges(t.dirs);
      return exists('locations l', `l.photo_id = p.id AND (${r.text})`, r.params);
    }
    case 'category':
      return exists(
        'photo_categories c',
        `c.photo_id = p.id AND c.name = ?${t.subtype ? ' AND c.subtype = ?' : ''}`,
        [t.category, ...(t.subtype ? [t.subtype] : [])],
      );
    case 'text': {
      const i = refs.index(t);
      const fts = `p.id IN (SELECT photo_id FROM txt${i})`;
      return sql(refs.semantic ? `(${fts} OR p.id IN (SELECT photo_id FROM sem))` : fts);
    }
    case 'has':
      switch (t.what) {
        case 'gps':
          return sql('p.lat IS NOT NULL');
        case 'place':
          return exists('photo_places pl', 'pl.photo_id = p.id AND pl.country_code IS NOT NULL');
        case 'text':
          return exists('photo_text pt', "pt.photo_id = p.id AND pt.text != ''");
        case 'faces':
          return exists('faces f', 'f.photo_id = p.id');
        case 'tags':
          return exists('photo_tags t', 't.photo_id = p.id');
      }
      return NONE;
    default:
      return column(t);
  }
}

/** Terms that are columns of photos. */
function column(t: Term): Sql {
  switch (t.kind) {
    case 'date':
      return dateSql(t);
    case 'camera': {
      const conds: string[] = [];
      if (t.makes.length) conds.push(`p.make IN (${marks(t.makes.length)})`);
      if (t.models.length) conds.push(`p.model IN (${marks(t.models.length)})`);
      if (!conds.length) return NONE;
      return sql(`(${conds.join(' OR ')})`, [...t.makes, ...t.models]);
    }
    case 'type':
      return sql(`p.format IN (${marks(t.formats.length)})`, t.formats);
    case 'favourite':
      return sql('p.favourite = 1');
    case 'area': {
      const lon = t.west <= t.east ? 'p.lon BETWEEN ? AND ?' : '(p.lon >= ? OR p.lon <= ?)';
      return sql(`(p.lat BETWEEN ? AND ? AND ${lon})`, [t.south, t.north, t.west, t.east]);
    }
    default:
      return NONE;
  }
}

/**
 * The ids a term matches, read from the index on its value. Ids may repeat (a photo with two
 * wanted people): callers take DISTINCT.
 */
export function driver(t: Term, refs: TextRefs): Sql {
  switch (t.kind) {
    case 'tag':
      return sql(
        `SELECT photo_id FROM photo_tags WHERE label IN (${marks(t.labels.length)})`,
        t.labels,
      );
    case 'person':
      return sql(
        `SELECT photo_id FROM faces WHERE person_id IN (${marks(t.ids.length || 1)})`,
        t.ids.length ? t.ids : [null],
      );
    case 'album':
      return sql(
        `SELECT photo_id FROM album_photos WHERE album_id IN (${marks(t.ids.length || 1)})`,
        t.ids.length ? t.ids : [null],
      );
    case 'place':
      return sql(`SELECT photo_id FROM photo_places WHERE ${PLACE_COLUMN[t.field]} = ?`, [t.key]);
    case 'category':
      return sql(
        `SELECT photo_id FROM photo_categories WHERE name = ?${t.subtype ? ' AND subtype = ?' : ''}`,
        [t.category, ...(t.subtype ? [t.subtype] : [])],
      );
    case 'folder': {
      if (!t.dirs.length) return sql('SELECT NULL AS photo_id WHERE 0');
      const r = folderRanges(t.dirs);
      return sql(`SELECT l.photo_id FROM locations l WHERE ${r.text}`, r.params);
    }
    case 'text': {
      const i = refs.index(t);
      return sql(
        refs.semantic
          ? `SELECT photo_id FROM txt${i} UNION SELECT photo_id FROM sem`
          : `SELECT photo_id FROM txt${i}`,
      );
    }
    case 'has':
      if (t.what === 'text') return sql("SELECT photo_id FROM photo_text WHERE text != ''");
      if (t.what === 'faces') return sql('SELECT photo_id FROM faces');
      if (t.what === 'place')
        return sql('SELECT photo_id FROM photo_places WHERE country_code IS NOT NULL');
      if (t.what === 'tags') return sql('SELECT photo_id FROM photo_tags');
      return sql('SELECT p.id AS photo_id FROM photos p WHERE p.lat IS NOT NULL');
    case 'camera': {
      const parts: string[] = [];
      if (t.makes.length)
        parts.push(
          `SELECT p.id AS photo_id FROM photos p WHERE p.make IN (${marks(t.makes.length)})`,
        );
      if (t.models.length)
        parts.push(
          `SELECT p.id AS photo_id FROM photos p WHERE p.model IN (${marks(t.models.length)})`,
        );
      if (!parts.length) return sql('SELECT NULL AS photo_id WHERE 0');
      return sql(parts.join(' UNION ALL '), [...t.makes, ...t.models]);
    }
    case 'date':
    case 'type':
    case 'favourite':
    case 'area': {
      // Column terms read their own index: the timeline (one date span), day of year (yearly
      // spans), format, favourites, position.
      const c = column(t);
      return sql(
        `SELECT p.id AS photo_id FROM photos p WHERE p.trashed_at IS NULL AND ${c.text}`,
        c.params,
      );
    }
  }
}

/** A clause as a predicate on `p` (NULL-safe under NOT: no camera recorded is "not that camera"). */
export function clauseProbe(c: Clause, refs: TextRefs): Sql {
  const alts = c.terms.map((t) =>
    probe(t, { index: refs.index, semantic: refs.semantic && !c.negate }),
  );
  const text = alts.length === 1 ? alts[0].text : `(${alts.map((a) => a.text).join(' OR ')})`;
  return sql(
    c.negate ? `NOT IFNULL(${text}, 0)` : text,
    alts.flatMap((a) => a.params),
  );
}

/** A positive clause as a set of photo ids (null for a negated clause: it cannot start a query). */
export function clauseDriver(c: Clause, refs: TextRefs): Sql | null {
  if (c.negate) return null;
  const parts = c.terms.map((t) => driver(t, refs));
  return sql(
    parts.map((p) => p.text).join(' UNION ALL '),
    parts.flatMap((p) => p.params),
  );
}

/** Relevance of a photo: best detection score of each wanted tag, text rank, similarity. */
export function scoreOf(clauses: Clause[], refs: TextRefs): Sql {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const c of clauses) {
    if (c.negate) continue;
    for (const t of c.terms) {
      if (t.kind === 'text') {
        const i = refs.index(t);
        // bm25 grows without bound; r/(1+r) keeps one text match worth about one sure tag.
        parts.push(`IFNULL((SELECT r / (1.0 + r) FROM txt${i} WHERE txt${i}.photo_id = p.id), 0)`);
        if (refs.semantic) parts.push('IFNULL((SELECT s FROM sem WHERE sem.photo_id = p.id), 0)');
      } else if (t.kind === 'category') {
        parts.push(
          'IFNULL((SELECT c.score FROM photo_categories c WHERE c.photo_id = p.id AND c.name = ?), 0)',
        );
        params.push(t.category);
      } else if (t.kind === 'tag') {
        parts.push(
          `IFNULL((SELECT MAX(t.score) FROM photo_tags t WHERE t.photo_id = p.id AND t.label IN (${marks(t.labels.length)})), 0)`,
        );
        params.push(...t.labels);
      }
    }
  }
  return sql(parts.length ? parts.join(' + ') : '0.0', params);
}

/** Text terms in order: their position names their CTE (txt0, txt1 …). */
export function textTermsOf(clauses: Clause[]): Term[] {
  return clauses.flatMap((c) => c.terms.filter((t) => t.kind === 'text'));
}

/**
 * The index of photos a single column term can be read from in place, so that a query starting
 * from it scans photos directly instead of collecting ids first; null when there is none.
 */
export function ownIndex(c: Clause): string | null {
  if (c.negate || c.terms.length !== 1) return null;
  const t = c.terms[0];
  switch (t.kind) {
    case 'date':
      if (!t.spans.length && t.yearly.length === 1) return 'photos_day_of_year';
      if (t.spans.length === 1 && !t.yearly.length) return 'photos_timeline';
      return null;
    case 'type':
      return 'photos_format';
    case 'favourite':
      return 'photos_favourites';
    case 'area':
      return t.west <= t.east ? 'photos_geo' : null;
    case 'has':
      return t.what === 'gps' ? 'photos_geo' : null;
    default:
      return null;
  }
}
