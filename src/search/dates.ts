// Date phrases of a search query: "2019", "june 2021", "last summer", "2019-2021", "the 90s",
// "15 june 2019", "3 years ago". Pure: `now` is passed in so tests and the query cache agree on
// what "last summer" means. Capture times are local wall-clock strings, so every span here is in
// local calendar days and compares as text against photos.sort_at.

import type { DateSpan, Term, YearlySpan } from '../shared/search-query.js';

export type DateTerm = Extract<Term, { kind: 'date' }>;

export interface DateMatch {
  /** How many tokens the phrase used. */
  consumed: number;
  term: DateTerm;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
/** English month names by number (1 = January; index 0 is unused). */
export const MONTH_NAMES = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Season = 'spring' | 'summer' | 'autumn' | 'winter';
// Northern-hemisphere meteorological seasons: the convention of most photo apps. Winter Y runs
// from December Y into February Y+1.
const SEASONS: Record<string, Season> = {
  spring: 'spring',
  summer: 'summer',
  autumn: 'autumn',
  fall: 'autumn',
  winter: 'winter',
};
const SEASON_MONTHS: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

/** Holidays with a fixed date: [month, first day, days]. */
const HOLIDAYS: Record<string, { month: number; day: number; days: number; name: string }> = {
  christmas: { month: 12, day: 24, days: 3, name: 'Christmas' },
  xmas: { month: 12, day: 24, days: 3, name: 'Christmas' },
  halloween: { month: 10, day: 31, days: 1, name: 'Halloween' },
  'new year': { month: 12, day: 31, days: 2, name: 'New Year' },
  "new year's eve": { month: 12, day: 31, days: 1, name: "New Year's Eve" },
  'valentines day': { month: 2, day: 14, days: 1, name: "Valentine's Day" },
};

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Y-M-D normalised through the calendar (month 13 → next January, day 0 → last of previous). */
function ymd(y: number, m: number, d = 1): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function today(now: Date): { y: number; m: number; d: number } {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

function span(name: string, from?: string, to?: string): DateTerm {
  return { kind: 'date', spans: [{ from, to }], yearly: [], name };
}

function yearly(name: string, spans: YearlySpan[]): DateTerm {
  return { kind: 'date', spans: [], yearly: spans, name };
}

function md(m: number, d: number): string {
  return `${pad(m)}-${pad(d)}`;
}

/** A yearly span that may wrap past December (e.g. winter, New Year). */
function yearlyWrap(m: number, d: number, days: number): YearlySpan[] {
  const start = new Date(Date.UTC(2001, m - 1, d)); // 2001: not a leap year, 29 Feb is not special
  const end = new Date(start.getTime() + days * 86_400_000);
  const from = md(m, d);
  const to = md(end.getUTCMonth() + 1, end.getUTCDate());
  if (end.getUTCFullYear() === 2001) return [{ from, to }];
  return to === '01-01'
    ? [{ from, to: '13-01' }]
    : [
        { from, to: '13-01' },
        { from: '01-01', to },
      ];
}

/** `count` whole months from month `m0`, wrapping past December. */
function yearlyMonths(m0: number, count: number): YearlySpan[] {
  const endMonth = m0 + count;
  if (endMonth <= 13) return [{ from: md(m0, 1), to: endMonth === 13 ? '13-01' : md(endMonth, 1) }];
  return [
    { from: md(m0, 1), to: '13-01' },
    { from: '01-01', to: md(endMonth - 12, 1) },
  ];
}

function yearTerm(y: number): DateTerm {
  return span(String(y), ymd(y, 1), ymd(y + 1, 1));
}

function monthTerm(y: number, m: number): DateTerm {
  return span(`${MONTH_NAMES[m]} ${y}`, ymd(y, m), ymd(y, m + 1));
}

function dayTerm(y: number, m: number, d: number): DateTerm {
  return span(`${d} ${MONTH_NAMES[m]} ${y}`, ymd(y, m, d), ymd(y, m, d + 1));
}

function seasonTerm(s: Season, y: number): DateTerm {
  const m = SEASON_MONTHS[s];
  const label = s === 'winter' ? `winter ${y}–${String(y + 1).slice(2)}` : `${s} ${y}`;
  return span(label, ymd(y, m), ymd(y, m + 3));
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function asYear(token: string | undefined): number | null {
  if (!token || !/^\d{4}$/.test(token)) return null;
  const y = Number(token);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

function asDay(token: string | undefined): number | null {
  const m = token ? /^(\d{1,2})(st|nd|rd|th)?$/.exec(token) : null;
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}

function asSmallNumber(token: string | undefined): number | null {
  if (!token) return null;
  const words: Record<string, number> = {
    a: 1,
    an: 1,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
  };
  if (token in words) return words[token];
  return /^\d{1,3}$/.test(token) ? Number(token) : null;
}

/** Lower-cased tokens with sentence punctuation trimmed ("2019," → "2019"). */
export function dateTokens(raw: string[]): string[] {
  return raw.map((t) => t.toLowerCase().replace(/^[("']+|[),.;!?]+$/g, ''));
}

/** One token that is a whole date expression on its own (ISO forms, ranges, decades). */
function singleToken(t: string, now: Date): DateTerm | null {
  const y = asYear(t);
  if (y !== null) return yearTerm(y);
  let m = /^(\d{4})\s*(?:-|–|\.\.|\/)\s*(\d{4})$/.exec(t);
  if (m) {
    const a = asYear(m[1]);
    const b = asYear(m[2]);
    if (a !== null && b !== null) {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return span(`${lo}–${hi}`, ymd(lo, 1), ymd(hi + 1, 1));
    }
  }
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m && asYear(m[1]) !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return monthTerm(Number(m[1]), Number(m[2]));
  }
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m && asYear(m[1]) !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return dayTerm(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // ISO range of days or months: 2019-06-01..2019-06-15 (both ends inclusive as written).
  m = /^(\d{4}-\d{1,2}(?:-\d{1,2})?)\.\.(\d{4}-\d{1,2}(?:-\d{1,2})?)$/.exec(t);
  if (m) {
    const a = singleToken(m[1], now);
    const b = singleToken(m[2], now);
    const from = a?.spans[0]?.from;
    const to = b?.spans[0]?.to;
    if (from && to && from < to) return span(`${m[1]} to ${m[2]}`, from, to);
  }
  m = /^'?(\d{2})s$/.exec(t) ?? /^(\d{3})0s$/.exec(t);
  if (m) {
    const start =
      m[1].length === 2 ? (Number(m[1]) >= 30 ? 1900 : 2000) + Number(m[1]) : Number(m[1]) * 10;
    if (start % 10 === 0 && start >= MIN_YEAR && start <= MAX_YEAR) {
      return span(`the ${start}s`, ymd(start, 1), ymd(start + 10, 1));
    }
  }
  if (t === 'today') {
    const d = today(now);
    return span('today', ymd(d.y, d.m, d.d), ymd(d.y, d.m, d.d + 1));
  }
  if (t === 'yesterday') {
    const d = today(now);
    return span('yesterday', ymd(d.y, d.m, d.d - 1), ymd(d.y, d.m, d.d));
  }
  return null;
}

/** "last summer": the most recent one that has ended. "this summer": the one of this year. */
function relativeSeason(s: Season, which: 'last' | 'this', now: Date): DateTerm {
  const { y, m } = today(now);
  const start = SEASON_MONTHS[s];
  if (which === 'this') {
    if (s === 'winter') return seasonTerm(s, m <= 2 ? y - 1 : y);
    return seasonTerm(s, y);
  }
  // A season of year Y ends at the start of month start+3 of year Y (winter: March of Y+1).
  let year = y;
  const endsAfterNow = (yy: number) => ymd(yy, start + 3) > ymd(y, m, today(now).d);
  while (endsAfterNow(year)) year--;
  return seasonTerm(s, year);
}

function relativePeriod(unit: string, which: 'last' | 'this', now: Date): DateTerm | null {
  const { y, m, d } = today(now);
  const label = `${which} ${unit}`;
  switch (unit) {
    case 'year':
      return which === 'this'
        ? span(label, ymd(y, 1), ymd(y + 1, 1))
        : span(label, ymd(y - 1, 1), ymd(y, 1));
    case 'month':
      return which === 'this'
        ? span(label, ymd(y, m), ymd(y, m + 1))
        : span(label, ymd(y, m - 1), ymd(y, m));
    case 'week': {
      const dow = (now.getDay() + 6) % 7; // Monday = 0
      const monday = d - dow;
      return which === 'this'
        ? span(label, ymd(y, m, monday), ymd(y, m, monday + 7))
        : span(label, ymd(y, m, monday - 7), ymd(y, m, monday));
    }
    case 'weekend': {
      // "last weekend" on a Monday is the one just passed; on a Sunday, the one before.
      const monday = d - ((now.getDay() + 6) % 7);
      const saturday = which === 'this' ? monday + 5 : monday - 2;
      return span(label, ymd(y, m, saturday), ymd(y, m, saturday + 2));
    }
  }
  return null;
}

function lastN(n: number, unit: string, now: Date): DateTerm | null {
  const { y, m, d } = today(now);
  const u = unit.replace(/s$/, '');
  const end = ymd(y, m, d + 1);
  if (u === 'day') return span(`last ${n} days`, ymd(y, m, d - n + 1), end);
  if (u === 'week') return span(`last ${n} weeks`, ymd(y, m, d - 7 * n + 1), end);
  if (u === 'month') return span(`last ${n} months`, ymd(y, m - n, d + 1), end);
  if (u === 'year') return span(`last ${n} years`, ymd(y - n, m, d + 1), end);
  return null;
}

function ago(n: number, unit: string, now: Date): DateTerm | null {
  const { y, m, d } = today(now);
  const u = unit.replace(/s$/, '');
  if (u === 'year')
    return { ...yearTerm(y - n), name: `${n} year${n > 1 ? 's' : ''} ago (${y - n})` };
  if (u === 'month') {
    const t = monthTerm(y, m - n);
    return { ...t, name: `${n} month${n > 1 ? 's' : ''} ago` };
  }
  if (u === 'week')
    return span(
      `${n} week${n > 1 ? 's' : ''} ago`,
      ymd(y, m, d - 7 * n - 3),
      ymd(y, m, d - 7 * n + 4),
    );
  if (u === 'day')
    return span(`${n} day${n > 1 ? 's' : ''} ago`, ymd(y, m, d - n), ymd(y, m, d - n + 1));
  return null;
}

/**
 * The longest date phrase at the start of `tokens` (already lower-cased, see dateTokens), or null.
 * Tries the multi-word forms first so "june 2021" wins over "june".
 */
export function matchDate(tokens: string[], now: Date): DateMatch | null {
  const [a, b, c, d] = tokens;
  if (a === undefined) return null;
  const hit = (consumed: number, term: DateTerm | null): DateMatch | null =>
    term ? { consumed, term } : null;

  // Ranges written with words: "2019 to 2021", "between 2019 and 2021", "from 2019 to 2021".
  if (
    (a === 'between' || a === 'from') &&
    asYear(b) !== null &&
    (c === 'and' || c === 'to') &&
    asYear(d) !== null
  ) {
    return hit(4, singleToken(`${b}-${d}`, now));
  }
  if (asYear(a) !== null && (b === 'to' || b === 'until' || b === '-') && asYear(c) !== null) {
    return hit(3, singleToken(`${a}-${c}`, now));
  }
  // "15 june 2019", "15th june", "june 15 2019", "june 15", "june 2019", "june".
  const dayFirst = asDay(a);
  if (dayFirst !== null && b !== undefined && MONTHS[b] !== undefined) {
    const month = MONTHS[b];
    const y = asYear(c);
    if (y !== null && validDay(y, month, dayFirst)) return hit(3, dayTerm(y, month, dayFirst));
    if (validDay(2000, month, dayFirst)) {
      return hit(2, yearly(`${dayFirst} ${MONTH_NAMES[month]}`, yearlyWrap(month, dayFirst, 1)));
    }
  }
  // "summer of 2019", "june of 2021".
  if (b === 'of' && asYear(c) !== null && (MONTHS[a] !== undefined || SEASONS[a] !== undefined)) {
    return hit(
      3,
      MONTHS[a] !== undefined
        ? monthTerm(asYear(c)!, MONTHS[a])
        : seasonTerm(SEASONS[a], asYear(c)!),
    );
  }
  if (MONTHS[a] !== undefined) {
    const month = MONTHS[a];
    const day = asDay(b);
    if (day !== null && asYear(c) !== null && validDay(asYear(c)!, month, day))
      return hit(3, dayTerm(asYear(c)!, month, day));
    if (asYear(b) !== null) return hit(2, monthTerm(asYear(b)!, month));
    if (day !== null && validDay(2000, month, day) && !(b && /^\d{3,}$/.test(b))) {
      return hit(2, yearly(`${day} ${MONTH_NAMES[month]}`, yearlyWrap(month, day, 1)));
    }
    // A bare month means that month in every year ("june": every June in the library).
    return hit(1, yearly(MONTH_NAMES[month], yearlyMonths(month, 1)));
  }
  if (SEASONS[a] !== undefined) {
    const s = SEASONS[a];
    const y = asYear(b);
    if (y !== null) return hit(2, seasonTerm(s, y));
    return hit(1, yearly(s, yearlyMonths(SEASON_MONTHS[s], 3)));
  }
  if ((a === 'last' || a === 'this' || a === 'past') && b !== undefined) {
    const which = a === 'this' ? 'this' : 'last';
    if (SEASONS[b] !== undefined) return hit(2, relativeSeason(SEASONS[b], which, now));
    const n = asSmallNumber(b);
    if (n !== null && n > 0 && c && /^(days?|weeks?|months?|years?)$/.test(c))
      return hit(3, lastN(n, c, now));
    const period = relativePeriod(b, which, now);
    if (period) return hit(2, period);
  }
  {
    const n = asSmallNumber(a);
    if (n !== null && n > 0 && b && /^(days?|weeks?|months?|years?)$/.test(b) && c === 'ago') {
      return hit(3, ago(n, b, now));
    }
  }
  for (const [phrase, h] of Object.entries(HOLIDAYS)) {
    const parts = phrase.split(' ');
    if (parts.every((p, i) => tokens[i] === p || tokens[i] === p.replace(/'/g, ''))) {
      const y = asYear(tokens[parts.length]);
      if (y !== null) {
        // "New Year 2020" is the night 2019 turns into 2020.
        const start = h.month === 12 && h.days > 1 && phrase === 'new year' ? y - 1 : y;
        return hit(
          parts.length + 1,
          span(`${h.name} ${y}`, ymd(start, h.month, h.day), ymd(start, h.month, h.day + h.days)),
        );
      }
      return hit(parts.length, yearly(h.name, yearlyWrap(h.month, h.day, h.days)));
    }
  }
  if (a === 'the' && b && /^'?\d{2,3}0?s$/.test(b)) return hit(2, singleToken(b, now));
  return hit(1, singleToken(a, now));
}

/**
 * The value of an explicit date key (`year:`, `date:`, `after:`, `before:` …). Accepts anything
 * matchDate accepts as a whole, with words joined by spaces, dashes or underscores.
 */
export function parseDateValue(value: string, now: Date): DateTerm | null {
  const tokens = dateTokens(value.split(/[\s_]+/).filter(Boolean));
  if (tokens.length === 0) return null;
  const m = matchDate(tokens, now);
  if (m && m.consumed === tokens.length) return m.term;
  // "last-summer" style: dashes between words that are not a numeric range.
  if (tokens.length === 1 && /[a-z]-[a-z0-9]/.test(tokens[0]))
    return parseDateValue(tokens[0].replace(/-/g, ' '), now);
  return null;
}

/** Open-ended span for `after:` (from the start of the period) and `before:` (until its start). */
export function boundTerm(which: 'after' | 'before' | 'until', term: DateTerm): DateTerm | null {
  const s = term.spans[0];
  if (!s || term.spans.length !== 1) return null;
  if (which === 'after') return s.from ? span(`after ${term.name}`, s.from, undefined) : null;
  if (which === 'before') return s.from ? span(`before ${term.name}`, undefined, s.from) : null;
  return s.to ? span(`until ${term.name}`, undefined, s.to) : null;
}

export type { DateSpan };
