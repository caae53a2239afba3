import { describe, expect, it } from 'vitest';
import { choosePlan } from '../../src/search/planner.js';
import type { Clause, Term } from '../../src/shared/search-query.js';

const tag: Term = { kind: 'tag', labels: ['dog'], name: 'dog' };
const person: Term = { kind: 'person', ids: [1], name: 'Alice' };
const year: Term = {
  kind: 'date',
  spans: [{ from: '2019-01-01', to: '2020-01-01' }],
  yearly: [],
  name: '2019',
};
const clause = (t: Term, negate = false): Clause => ({ terms: [t], negate, span: [0, 1] });

const plan = (clauses: Clause[], estimates: number[], sort: 'newest' | 'relevance' = 'newest') =>
  choosePlan({
    clauses,
    estimates,
    drivable: clauses.map(() => true),
    total: 100_000,
    limit: 101,
    sort,
  });

describe('choosePlan', () => {
  it('walks the timeline when matches are common: a page fills after a few hundred photos', () => {
    expect(plan([clause(tag)], [60_000])).toEqual({ mode: 'walk' });
    expect(plan([clause(tag), clause(person)], [30_000, 40_000])).toEqual({ mode: 'walk' });
  });

  it('starts from the rarest clause when walking would read most of the library', () => {
    expect(plan([clause(tag), clause(person)], [20_000, 40])).toEqual({
      mode: 'driven',
      driver: 1,
    });
    expect(plan([clause(tag), clause(person)], [300, 2_000])).toEqual({
      mode: 'driven',
      driver: 0,
    });
  });

  it('reads only the date span of the timeline when there is one', () => {
    expect(plan([clause(year), clause(tag)], [3_000, 5_000])).toEqual({ mode: 'walk' });
  });

  it('never starts from a negated clause', () => {
    expect(plan([clause(tag, true)], [10])).toEqual({ mode: 'walk' });
  });

  it('relevance scores every match: it starts from a small set rather than walk everything', () => {
    expect(plan([clause(tag)], [5_000], 'relevance')).toEqual({ mode: 'driven', driver: 0 });
    expect(plan([clause(year), clause(tag)], [3_000, 50_000], 'relevance')).toEqual({
      mode: 'walk',
    });
  });
});
