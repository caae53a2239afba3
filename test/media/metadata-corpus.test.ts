import { afterAll, describe, expect, it } from 'vitest';

import { hasCorpus, corpusPath } from '../helpers/corpus.js';
import {
  closeMedia,
  isMediaError,
  readMetadata,
  type MediaMetadata,
} from '../../src/media/index.js';
import { compare, loadExpected, type Check, type Field } from './expected.js';

/**
 * Where we disagree with the oracle on purpose. Each entry states what we report instead and why;
 * the test checks that we still report exactly that, so a deviation cannot drift silently.
 */
const DELIBERATE: Record<string, { field: Field; ours: string; why: string }> = {
  'camera_jpeg/ianare/long_description.jpg': {
    field: 'date',
    ours: '2003-08-31T00:00:00',
    why: 'photoshop:DateCreated (MWG: the XMP DateTimeOriginal) beats IFD0 ModifyDate, the last save',
  },
  'edge_cases/ianare/BlueSquare.jpg': {
    field: 'date',
    ours: '2005-09-07T15:07:40',
    why: 'xmp:CreateDate beats IFD0 ModifyDate',
  },
  'edge_cases/ianare/no_exif.jpg': {
    field: 'date',
    ours: '2013-09-23T10:09:46',
    why: 'xmp:CreateDate (2013) beats IFD0 ModifyDate (2014, an edit)',
  },
  'formats/pillow/flower2.webp': {
    field: 'date',
    ours: '2013-07-04T17:23:10',
    why: 'xmp:CreateDate beats IFD0 ModifyDate',
  },
  'exiftool_stubs/other/Jpeg2000.jp2': {
    field: 'size',
    ours: '16x16',
    why: 'the JP2 header says 16×16; the oracle took a stale EXIF IFD0 ImageWidth (1×1)',
  },
  'formats/raw/exiftool_stubs/CanonRaw.cr2': {
    field: 'size',
    ours: '3456x2304',
    why: 'RAW size is the sensor image (Composite:ImageSize), not IFD0, which is a preview',
  },
  'formats/raw/exiftool_stubs/DNG.dng': {
    field: 'size',
    ours: '3516x2328',
    why: 'RAW size is the raw SubIFD (Composite:ImageSize); IFD0 is an 8×8 thumbnail',
  },
  'formats/raw/exiftool_stubs/FujiFilm.raf': {
    field: 'size',
    ours: '4256x1424',
    why: 'RAW size is Composite:ImageSize; File:ImageWidth of this stub is its 8×8 preview',
  },
  'formats/raw/exiftool_stubs/Nikon.nef': {
    field: 'size',
    ours: '3040x2014',
    why: 'IFD0 of a NEF is the 160×106 thumbnail; the photo is 3040×2014',
  },
  'formats/raw/exiftool_stubs/Panasonic.rw2': {
    field: 'size',
    ours: '3648x2736',
    why: 'RAW size is Composite:ImageSize; File:ImageWidth of this stub is 8×8',
  },
  'formats/raw/exiftool_stubs/PhaseOne.iiq': {
    field: 'size',
    ours: '7320x5484',
    why: 'RAW size is Composite:ImageSize; IFD0 of this stub is 1×1',
  },
  'formats/pillow/flower2.webp#size': {
    field: 'size',
    ours: '300x225',
    why: 'the WebP is 300×225 pixels; the oracle took the stale EXIF IFD0 ImageWidth (1733×1300)',
  },
};

function deliberate(c: Check): { ours: string; why: string } | undefined {
  const d = DELIBERATE[`${c.file}#${c.field}`] ?? DELIBERATE[c.file];
  return d && d.field === c.field ? d : undefined;
}

function isDocumented(c: Check): boolean {
  const d = deliberate(c);
  return d !== undefined && c.actual.startsWith(d.ours);
}

describe.skipIf(!hasCorpus)('readMetadata agrees with corpus/exif/expected.json', () => {
  afterAll(() => closeMedia());

  it('matches date, offset, GPS, orientation, size and camera on ≥ 98 % of values', async () => {
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
    const fields: Field[] = ['date', 'offset', 'gps', 'orientation', 'size', 'camera'];
    const summary = fields.map((field) => {
      const all = checks.filter((c) => c.field === field);
      const strict = all.filter((c) => c.ok).length;
      const documented = all.filter((c) => !c.ok && isDocumented(c)).length;
      return {
        field,
        total: all.length,
        strict,
        'strict %': ((100 * strict) / all.length).toFixed(1),
        deliberate: documented,
        'with deliberate %': ((100 * (strict + documented)) / all.length).toFixed(1),
      };
    });
    console.log('\nreadMetadata vs expected.json');
    console.table(summary);
    const mismatches = checks.filter((c) => !c.ok);
    console.table(
      mismatches.map((c) => ({
        field: c.field,
        file: c.file,
        expected: c.expected,
        actual: c.actual,
        why: deliberate(c)?.why ?? 'UNEXPLAINED',
      })),
    );
    console.log(
      `files without metadata (MediaError): ${failures.length}\n  ${failures.join('\n  ')}`,
    );

    // Deliberate deviations must still produce exactly the value we claim is right.
    for (const c of mismatches) {
      const d = deliberate(c);
      if (d) expect(c.actual.startsWith(d.ours), `${c.file}: ${d.why}`).toBe(true);
    }
    for (const s of summary) {
      expect(Number(s['with deliberate %']), `${s.field} agreement`).toBeGreaterThanOrEqual(98);
      expect(Number(s['strict %']), `${s.field} strict agreement`).toBeGreaterThanOrEqual(95);
    }
    expect(failures).toEqual([
      'corrupt/pillow_heif/heif_corrupted_empty.heic: empty: file is empty (0 bytes)',
    ]);
  });
});
