// Chooses how the one search statement reads the catalogue. SQLite's planner cannot know that
// "person" matches 90 % of photos and "Alice" 8 %, so it tends to start from any IN-list and sort
// everything it found. We know (capped counts per clause, cached), so we pick:
//
//   walk    – go down the timeline index (newest first, within a date span if the query has one)
//             and test each photo against every clause with index probes, stopping after one page.
//             Cheap when matches are common.
//   driven  – start from the ids of the most selective clause (tag, person, place, text, camera,
//             a day of the year …), test the other clauses on those photos, sort. Cheap when that
//             clause is rare.
//
// Pure: estimates in, plan out. Costs are in "rows touched"; the constants only need to be right
// within a factor of two for the choice to be right.

import type { Plan } from '../db/repos/search.js';
import type { Clause, SortOrder } from '../shared/search-query.js';

export interface PlanInput {
  clauses: Clause[];
  /** Per clause: photos its terms match (ignoring negation), from a capped count. */
  estimates: number[];
  /** Per clause: whether it can start the query (has an index of ids to read). */
  drivable: boolean[];
  /** Photos in the catalogue. */
  total: number;
  /** Rows wanted (a page, or the count cap). */
  limit: number;
  sort: SortOrder;
}

/** Relative cost of one row when driving (id lookup, sort) versus walking the timeline. */
const DRIVEN_ROW = 3;
const PROBE = 0.3;
/**
 * How much longer than "independent of time" a walk may take to fill a page. Photos of an album,
 * a folder, a trip or a camera sit together in time, so newest first may have to go back years
 * before the first match; objects in view are spread more evenly.
 */
const CLUSTERED: Record<string, number> = {
  tag: 1.5,
  person: 1.5,
  // Screenshots and documents come in bursts; selfies and night photos less so.
  category: 2,
  favourite: 2,
  has: 2,
  place: 2,
  text: 3,
  type: 3,
  area: 3,
  camera: 3,
};
const CLUSTERED_DEFAULT = 6; // albums, folders

export function choosePlan(input: PlanInput): Plan {
  const { clauses, estimates, drivable, limit, sort } = input;
  const total = Math.max(1, input.total);
  const fraction = (i: number) => {
    const f = Math.min(1, Math.max(0, estimates[i]) / total);
    return Math.max(1e-6, clauses[i].negate ? 1 - f : f);
  };

  let best: Plan = { mode: 'walk' };
  let bestCost = Infinity;
  for (let i = 0; i < clauses.length; i++) {
    if (!drivable[i] || clauses[i].negate) continue;
    const cost = Math.max(1, estimates[i]) * (DRIVEN_ROW + PROBE * (clauses.length - 1));
    if (cost < bestCost) {
      best = { mode: 'driven', driver: i };
      bestCost = cost;
    }
  }
  // The walk reads a date range of the timeline index when a clause is one plain span.
  let range = total;
  let rangeClause = -1;
  clauses.forEach((c, i) => {
    const t = c.terms[0];
    if (
      !c.negate &&
      c.terms.length === 1 &&
      t.kind === 'date' &&
      t.spans.length === 1 &&
      !t.yearly.length
    ) {
      if (estimates[i] < range) {
        range = Math.max(0, estimates[i]);
        rangeClause = i;
      }
    }
  });
  let selectivity = 1;
  let clustered = 1;
  clauses.forEach((c, i) => {
    if (i === rangeClause) return;
    selectivity *= fraction(i);
    if (!c.negate) {
      for (const t of c.terms)
        clustered = Math.max(clustered, CLUSTERED[t.kind] ?? CLUSTERED_DEFAULT);
    }
  });
  // Date order stops after a page; relevance must score every match in the range.
  const visited = sort === 'relevance' ? range : Math.min(range, (limit * clustered) / selectivity);
  const walkCost = visited * (1 + PROBE * clauses.length);
  return walkCost <= bestCost ? { mode: 'walk' } : best;
}
