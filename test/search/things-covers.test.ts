import { describe, expect, it } from 'vitest';
import { countThings } from '../../src/search/things.js';

type Row = [string, string, number, string, number];

describe('things covers', () => {
  it('gives each card its own photo when the library has one to give', () => {
    // p1 is the clearest person, car, bus and traffic light at once.
    const rows: Row[] = [
      ['person', 'p1', 0.99, 'h1', 1],
      ['car', 'p1', 0.98, 'h1', 1],
      ['bus', 'p1', 0.97, 'h1', 1],
      ['traffic light', 'p1', 0.95, 'h1', 1],
      ['person', 'p2', 0.9, 'h2', 1],
      ['car', 'p3', 0.8, 'h3', 1],
      ['bus', 'p4', 0.7, 'h4', 1],
    ];
    const { tags, groups } = countThings(rows);
    const covers = [...groups, ...tags].map((t) => [t.name, t.cover.id]);
    // vehicle (car, bus) is shown first and takes the best: p1; then each card its best unused
    // one, or (outdoor, traffic light: p1 is their only photo) the one it has.
    expect(covers).toEqual([
      ['vehicle', 'p1'],
      ['outdoor', 'p1'],
      ['bus', 'p4'],
      ['car', 'p3'],
      ['person', 'p2'],
      ['traffic light', 'p1'],
    ]);
    expect(tags.find((t) => t.name === 'car')?.photos).toBe(2);
  });

  it('prefers a photo with a thumbnail, then the clearest', () => {
    const rows: Row[] = [
      ['person', 'a', 0.99, 'ha', 0],
      ['person', 'b', 0.6, 'hb', 1],
      ['person', 'c', 0.8, 'hc', 1],
    ];
    expect(countThings(rows).tags[0].cover).toEqual({ id: 'c', hash: 'hc', hasThumb: true });
  });
});
