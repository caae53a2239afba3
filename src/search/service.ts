import { PictoError } from '../shared/errors.js';
import type { Plan, SearchKey, SearchRepo, SearchRow } from '../db/repos/search.js';
import type { EventBus } from '../shared/events.js';
import { understand, type Understanding } from './chips.js';
import { parseQuery } from './parse.js';
import { choosePlan } from './planner.js';
import type { Clause, ParsedQuery, SortOrder, Term } from '../shared/search-query.js';
import { Vocabulary, type VocabularyData } from './vocabulary.js';

export interface SearchRequest {
  q: string;
  /** nextCursor of the previous page. */
  cursor?: string;
  limit?: number;
  /** Overrides `sort:` in the text and the default. */
  sort?: SortOrder;
  /** Count matches (capped) on the first page. */
  count?: boolean;
}

export interface SearchPage {
  rows: SearchRow[];
  nextCursor: string | null;
  /** Matches counted up to COUNT_CAP (only on a first page with count). */
  total: number | null;
  totalCapped: boolean;
  sort: SortOrder;
  understood: Understanding;
  parsed: ParsedQuery;
  /** How the statement read the catalogue (for the benchmark and curious people). */
  plan: Plan;
  ms: number;
}

/** Finds photos that look like some words: the optional semantic model (see semantic/). */
export interface SemanticRanker {
  /** Photo id → similarity for the best matches of the text, or null when no model is present. */
  rank(text: string): Promise<Map<string, number> | null>;
}

export interface SearchDeps {
  repo: SearchRepo;
  events: EventBus;
  /** Extra names for places (country aliases), added to what the catalogue holds. */
  placeAliases?: (places: VocabularyData['places']) => VocabularyData['places'];
  semantic?: SemanticRanker;
  now?: () => Date;
  /** Runs before each search (cheap after the first time): e.g. geocode photos not placed yet. */
  beforeSearch?: () => void;
}

export const COUNT_CAP = 2000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
/** How stale the vocabulary may get while the library keeps changing (indexing emits a lot). */
const VOCABULARY_MAX_AGE_MS = 2000;
/** Estimates only steer the plan: counting further than this would cost more than it saves. */
const ESTIMATE_CAP = 25_000;
const ESTIMATE_MAX_AGE_MS = 30_000;
/** Text matching more photos than this is not ranked by bm25 (see search()). */
const RANK_TEXT_MAX = 2000;

/** The search box: parse, understand, run one ranked query, page. */
export class SearchService {
  private vocab: Vocabulary | null = null;
  private vocabBuiltAt = 0;
  private dirty = false;
  private readonly estimates = new Map<string, { rows: number; drivable: boolean }>();
  private estimatesAt = 0;
  private readonly off: () => void;

  constructor(private readonly deps: SearchDeps) {
    this.off = deps.events.on((e) => {
      if (e.type === 'jobs.progress' || e.type === 'scan.progress') return;
      this.dirty = true;
      // A name a person just gave (an album, a person) is searched for next: no waiting.
      if (e.type === 'albums.changed' || (e.type === 'people.changed' && e.reason === 'corrected'))
        this.forget();
    });
  }

  /** Drops the names at once (a person just named something): the next search reads them anew. */
  forget(): void {
    this.vocab = null;
  }

  dispose(): void {
    this.off();
  }

  /** Marks the names stale (e.g. places were geocoded, people renamed). */
  invalidate(): void {
    this.dirty = true;
  }

  vocabulary(): Vocabulary {
    const now = Date.now();
    if (!this.vocab || (this.dirty && now - this.vocabBuiltAt > VOCABULARY_MAX_AGE_MS)) {
      const data = this.deps.repo.vocabulary();
      if (this.deps.placeAliases) data.places = this.deps.placeAliases(data.places);
      this.vocab = new Vocabulary(data);
      this.vocabBuiltAt = now;
      this.dirty = false;
    }
    return this.vocab;
  }

  parse(q: string): ParsedQuery {
    return parseQuery(q, this.vocabulary(), { now: this.deps.now?.() ?? new Date() });
  }

  /**
   * Like search(), plus the optional semantic model (see semantic/model.ts): free words also match
   * the photos that look like them. Without a model it is search().
   */
  async searchAsync(req: SearchRequest): Promise<SearchPage> {
    if (!this.deps.semantic) return this.search(req);
    const words = this.parse(req.q)
      .clauses.filter((c) => !c.negate)
      .flatMap((c) => c.terms.flatMap((t) => (t.kind === 'text' && t.in === 'all' ? t.words : [])));
    const semantic = words.length ? await this.deps.semantic.rank(words.join(' ')) : null;
    return this.search(req, semantic ?? undefined);
  }

  search(req: SearchRequest, semantic?: Map<string, number>): SearchPage {
    this.deps.beforeSearch?.();
    const t0 = performance.now();
    const parsed = this.parse(req.q);
    const understood = understand(parsed);
    // Text has a rank worth ordering by (how well it matched); tags, people and places are
    // yes/no, so those results come newest first like the timeline (sort:relevance still ranks
    // them by detection score). A word in thousands of file names ("beach" folders) ranks all of
    // them alike: then bm25 costs time and says nothing, and newest first is the better order.
    // A category word's own text meaning ("selfies" in file names) ranks like the category.
    const texts = parsed.clauses
      .filter((c) => !c.negate && !c.terms.some((t) => t.kind === 'category'))
      .flatMap((c) => c.terms.filter((t) => t.kind === 'text'));
    const rankText = texts.length > 0 && texts.every((t) => this.estimate(t).rows <= RANK_TEXT_MAX);
    const sort = req.sort ?? parsed.sort ?? (rankText || semantic ? 'relevance' : 'newest');
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(req.limit ?? DEFAULT_LIMIT)));
    const after = req.cursor ? decodeSearchCursor(req.cursor, sort) : undefined;
    const plan = this.plan(parsed.clauses, sort, limit + 1);
    const criteria = { clauses: parsed.clauses, sort, semantic, after, limit: limit + 1, rankText };
    const rows = this.deps.repo.search(criteria, plan);
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const last = rows[rows.length - 1];
    let total: number | null = null;
    if (req.count && !req.cursor) {
      const countPlan = this.plan(parsed.clauses, 'newest', COUNT_CAP);
      total = more
        ? this.deps.repo.count(parsed.clauses, semantic, countPlan, COUNT_CAP)
        : rows.length;
    }
    return {
      rows,
      nextCursor: more && last ? encodeSearchCursor(sort, last) : null,
      total,
      totalCapped: total !== null && total >= COUNT_CAP,
      sort,
      understood,
      parsed,
      plan,
      ms: performance.now() - t0,
    };
  }

  /** How the statement should read the catalogue (see planner.ts), from cached capped counts. */
  plan(clauses: Clause[], sort: SortOrder, limit: number): Plan {
    if (!clauses.length) return { mode: 'walk' };
    const perClause = clauses.map((c) => {
      const parts = c.terms.map((t) => this.estimate(t));
      return {
        rows: parts.reduce((n, p) => n + p.rows, 0),
        drivable: parts.every((p) => p.drivable),
      };
    });
    return choosePlan({
      clauses,
      estimates: perClause.map((e) => e.rows),
      drivable: perClause.map((e) => e.drivable),
      total: this.total(),
      limit,
      sort,
    });
  }

  private estimate(t: Term): { rows: number; drivable: boolean } {
    if (Date.now() - this.estimatesAt > ESTIMATE_MAX_AGE_MS) {
      this.estimates.clear();
      this.estimatesAt = Date.now();
    }
    const key = JSON.stringify(t);
    let e = this.estimates.get(key);
    if (!e) {
      e = this.deps.repo.estimate(t, ESTIMATE_CAP);
      if (this.estimates.size > 2000) this.estimates.clear();
      this.estimates.set(key, e);
    }
    return e;
  }

  private total(): number {
    const key = '#total';
    let e = this.estimates.get(key);
    if (!e) {
      e = { rows: this.deps.repo.total(), drivable: false };
      this.estimates.set(key, e);
    }
    return e.rows;
  }
}

/** Cursors carry the order they were made for: a cursor of another order is refused, not misread. */
export function encodeSearchCursor(
  sort: SortOrder,
  row: { score: number; sort_at: string; id: string },
): string {
  const key =
    sort === 'relevance' ? [sort, row.score, row.sort_at, row.id] : [sort, row.sort_at, row.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeSearchCursor(cursor: string, sort: SortOrder): SearchKey {
  const bad = () =>
    new PictoError(
      'invalid',
      'cursor is not valid for this search: pass nextCursor back unchanged',
    );
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(key) || key[0] !== sort) throw bad();
  const [score, sortAt, id] = sort === 'relevance' ? key.slice(1) : [undefined, ...key.slice(1)];
  if (
    (sort === 'relevance' && typeof score !== 'number') ||
    typeof sortAt !== 'string' ||
    typeof id !== 'string'
  ) {
    throw bad();
  }
  if (!/^[0-9a-f]{16,64}$/.test(id) || sortAt.length > 40) throw bad();
  return { score: score as number | undefined, sortAt, id };
}
