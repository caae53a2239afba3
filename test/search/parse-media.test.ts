import { describe, expect, it } from 'vitest';
import { understand } from '../../src/search/chips.js';
import { brief, parse } from './parse-fixture.js';

describe('videos and Live Photos (issue 13)', () => {
  it('words and keys for the kind of item', () => {
    expect(brief(parse('videos'))).toEqual([{ negate: false, terms: ['media:video'] }]);
    expect(brief(parse('video of dogs'))[0]).toEqual({ negate: false, terms: ['media:video'] });
    expect(brief(parse('live photos'))).toEqual([{ negate: false, terms: ['media:live'] }]);
    expect(brief(parse('has:video'))).toEqual([{ negate: false, terms: ['media:video|live'] }]);
    expect(brief(parse('type:video'))).toEqual([{ negate: false, terms: ['media:video'] }]);
    expect(brief(parse('type:live'))).toEqual([{ negate: false, terms: ['media:live'] }]);
    expect(brief(parse('type:photo'))).toEqual([{ negate: false, terms: ['media:photo|live'] }]);
    expect(brief(parse('-type:video'))).toEqual([{ negate: true, terms: ['media:video'] }]);
    // a file format is still a format
    expect(brief(parse('type:heic'))[0].terms[0]).toMatch(/^type:heic/);
  });

  it('lengths in words and as duration:', () => {
    expect(brief(parse('longer than 1 minute'))).toEqual([
      { negate: false, terms: ['duration:60000..'] },
    ]);
    expect(brief(parse('videos shorter than 30 seconds'))).toEqual([
      { negate: false, terms: ['media:video'] },
      { negate: false, terms: ['duration:..30000'] },
    ]);
    expect(brief(parse('longer than a minute'))[0].terms).toEqual(['duration:60000..']);
    expect(brief(parse('longer than 90s'))[0].terms).toEqual(['duration:90000..']);
    expect(brief(parse('duration:>60s'))[0].terms).toEqual(['duration:60000..']);
    expect(brief(parse('duration:<2m'))[0].terms).toEqual(['duration:..120000']);
    expect(brief(parse('duration:10s-1m30s'))[0].terms).toEqual(['duration:10000..90000']);
    expect(parse('duration:soon').clauses).toEqual([]);
  });

  it('chips say it and parse back', () => {
    for (const q of [
      'videos',
      'live photos',
      'has:video',
      'longer than 1 minute',
      'duration:10s-2m',
    ]) {
      const u = understand(parse(q));
      expect(u.chips.length, q).toBe(1);
      expect(brief(parse(u.canonical)), q).toEqual(brief(parse(q)));
    }
    expect(understand(parse('longer than 1 minute')).chips[0].label).toBe('longer than 1m');
  });
});
