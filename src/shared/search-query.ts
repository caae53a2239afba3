// What a search query means once parsed: clauses that must all hold, each an any-of list of terms.
// The parser (search/parse.ts) produces it from text, the service resolves nothing more (names are
// already ids), and the search repository (db/repos/search.ts) turns it into one SQL statement.
// It lives in shared/ because both sides speak it: `db` never imports a domain module.

/** Calendar span on local capture time: `from` inclusive, `to` exclusive, both YYYY-MM-DD. */
export interface DateSpan {
  from?: string;
  to?: string;
}

/** Span of the year regardless of the year ("june", "summer"): MM-DD, `to` exclusive ('13-01' = end). */
export interface YearlySpan {
  from: string;
  to: string;
}

export type PlaceField = 'city' | 'region' | 'country' | 'continent';

export type HasWhat = 'gps' | 'place' | 'text' | 'faces' | 'tags';

export type Term =
  /** Object labels (COCO); a group tag ("animal") lists all its labels. */
  | { kind: 'tag'; labels: string[]; name: string }
  | { kind: 'person'; ids: number[]; name: string }
  | { kind: 'album'; ids: number[]; name: string }
  | { kind: 'date'; spans: DateSpan[]; yearly: YearlySpan[]; name: string }
  /** `key` is the folded name (or ISO code for countries) stored in photo_places. */
  | { kind: 'place'; field: PlaceField; key: string; name: string }
  | { kind: 'camera'; makes: string[]; models: string[]; name: string }
  | { kind: 'type'; formats: string[]; name: string }
  /** Absolute directory paths: photos with a file anywhere below one of them. */
  | { kind: 'folder'; dirs: string[]; name: string }
  | { kind: 'favourite' }
  /** Words searched in file names and in text found in photos (`in` narrows to one of them). */
  | { kind: 'text'; words: string[]; in: 'all' | 'names' | 'ocr'; name: string }
  /** Map rectangle; west > east crosses the antimeridian. */
  | { kind: 'area'; south: number; west: number; north: number; east: number }
  | { kind: 'has'; what: HasWhat }
  /**
   * A photo category (src/categories: screenshot, document, selfie…); `subtype` narrows it
   * ('receipt': the receipt-shaped documents). `name` is what the chip shows ("Screenshots").
   */
  | { kind: 'category'; category: string; subtype?: 'receipt'; name: string };

export type TermKind = Term['kind'];

export interface Clause {
  /** Any of these (several when a word has several meanings, or "dog or cat"). */
  terms: Term[];
  negate: boolean;
  /** Where in the query text this clause came from ([start, end) in UTF-16 units). */
  span: [number, number];
  /** Something the user should know about this clause (e.g. "no album called …"). */
  note?: string;
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface ParsedQuery {
  /** The text that was parsed (after trimming and length capping). */
  text: string;
  clauses: Clause[];
  /** Set by `sort:`; otherwise the service decides (relevance when something can be ranked). */
  sort?: SortOrder;
  /** Words that carried no meaning ("photos", "of", "with") or were cut off by limits. */
  ignored: string[];
}
