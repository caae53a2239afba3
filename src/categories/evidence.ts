// Scores from evidence: each observation adds or takes log-odds, the sum goes through the
// logistic function, and the reason names the observations that carried the verdict. A person
// can follow it ("PNG at a phone screen size, flat UI areas"), and a weak hint can be given a
// weight too small to decide on its own.

import type { Verdict } from './types.js';

export interface Evidence {
  /** Log-odds this observation adds (negative: against the category). */
  weight: number;
  /** What was observed, for a person: "front camera", "PNG". */
  reason: string;
}

/** The verdict from a prior (log-odds) and the observations that apply (falsy ones are skipped). */
export function weigh(
  prior: number,
  observations: (Evidence | null | false | undefined)[],
): Verdict {
  const seen = observations.filter((e): e is Evidence => !!e && e.weight !== 0);
  const logit = seen.reduce((sum, e) => sum + e.weight, prior);
  const score = 1 / (1 + Math.exp(-logit));
  // Given: the strongest reasons for; not given: the strongest reasons against (or, with none
  // against, what was seen for but did not suffice).
  const given = logit >= 0;
  const side = seen.filter((e) => (given ? e.weight > 0 : e.weight < 0));
  const pool = side.length ? side : seen;
  const reason = [...pool]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 3)
    .map((e) => e.reason)
    .join(', ');
  return { score: round(score), reason: reason || 'nothing observed' };
}

export const round = (v: number) => Math.round(v * 1000) / 1000;

export const percent = (v: number) => `${Math.round(v * 100)} %`;
