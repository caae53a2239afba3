import { afterAll, describe, expect, it } from 'vitest';

import { hasCorpus, corpusPath } from '../helpers/corpus.js';
import { closeMedia, isMediaError, readMetadata, type MediaMetadata } from '../../src/media/index.js';
import { compare, loadExpected, type Check, type Field } from './expected.js';

describe.skipIf(!hasCorpus)('readMetadata agrees with corpus/exif/expected.json', () => {
  afterAll(() => closeMedia());

  it('matches date, GPS, orientation and displayed size on ≥ 98 % of values', async () => {
    const checks: Check[] = [];
    const failures: string[] = [];
    for (const exp of loadExpected()) {
      let meta: MediaMetadata | null = null;
      try {
        meta = await readMetadata(corpusPath('exif', exp.file));
      } catch (e) {
        if (!isMediaError(e)) throw e;
        failures.push(`${exp.file}: ${e.code}: ${e.message}`);
      }
      checks.push(...compare(exp, meta));
    }
    const fields: Field[] = ['date', 'gps', 'orientation', 'size'];
    const summary = fields.map((f) => {
      const all = checks.filter((c) => c.field === f);
      const ok = all.filter((c) => c.ok).length;
      return { field: f, ok, total: all.length, pct: (100 * ok) / all.length };
    });
    console.log('\nreadMetadata vs expected.json');
    console.table(summary.map((s) => ({ ...s, pct: s.pct.toFixed(1) + ' %' })));
    const mismatches = checks.filter((c) => !c.ok);
    if (mismatches.length) {
      console.log('mismatches:');
      console.table(mismatches.map(({ field, file, expected, actual }) => ({ field, file, expected, actual })));
    }
    console.log(`files without metadata (MediaError): ${failures.length}\n  ${failures.join('\n  ')}`);
    for (const s of summary) expect(s.pct, `${s.field} agreement`).toBeGreaterThanOrEqual(98);
  });
});
