// HEIF and AVIF carry their rotation in the container (irot/imir). The decoder applies it; the
// EXIF orientation inside must never be applied on top.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { closeMedia, hammingDistance, processMedia, readMetadata } from '../../src/media/index.js';
import { meanAbsDiff, uprightVerdict } from './pixels.js';

const exif = (...p: string[]) => corpusPath('exif', ...p);

describe.skipIf(!hasCorpus)('HEIC / HEIF', () => {
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-heif-'));
  afterAll(async () => {
    await closeMedia();
    rmSync(thumbDir, { recursive: true, force: true });
  });

  it('iphone_13_pro_max.HEIC (irot + EXIF 6) comes out 3024×4032 portrait, rotated once', async () => {
    const r = await processMedia({
      path: exif('formats/heic/ianare/iphone_13_pro_max.HEIC'),
      contentHash: 'heic-iphone13',
      thumbDir,
      keepImage: true,
    });
    // Stored 4032×3024. irot alone → portrait; irot plus EXIF 6 would be landscape again.
    expect([r.metadata.width, r.metadata.height]).toEqual([3024, 4032]);
    // HEIC needs a preview: decoded at WORK_SIZE (kept as `work`), the visible image shrunk from it.
    expect([r.work!.width, r.work!.height]).toEqual([1000, 1333]);
    expect([r.image!.width, r.image!.height]).toEqual([300, 400]);
    expect([r.thumb!.width, r.thumb!.height]).toEqual([300, 400]);
    expect([r.preview!.width, r.preview!.height]).toEqual([1000, 1333]);
    expect(r.metadata.orientation).toBeNull(); // nothing left for a viewer to apply
    expect(r.metadata.exifOrientation).toBe(6); // but the tag is reported as written
    expect(r.metadata).toMatchObject({
      format: 'heic',
      takenAt: '2022-02-16T12:55:41.762',
      takenOffsetMinutes: 60,
      camera: { make: 'Apple', model: 'iPhone 13 Pro Max' },
    });
  });

  it('the same photo in two HEIC files hashes the same (IMG_2927 vs exif-at-eof)', async () => {
    const a = await processMedia({
      path: exif('formats/heic/metadata-extractor/IMG_2927.HEIC'),
      contentHash: 'heic-2927',
      thumbDir,
    });
    const b = await processMedia({
      path: exif('formats/heic/metadata-extractor/exif-at-eof.heic'),
      contentHash: 'heic-eof',
      thumbDir,
    });
    expect(hammingDistance(a.phash!, b.phash!)).toBeLessThanOrEqual(2);
    expect(b.metadata.gps).toMatchObject({
      lat: expect.closeTo(47.207124, 4),
      lon: expect.closeTo(106.243105, 4),
    });
  });

  it('a burst (HEIFS) and multi-image files give their primary image', async () => {
    const burst = await processMedia({
      path: exif('formats/heic/pillow_heif/nokia_bird_burst.heic'),
      contentHash: 'heic-burst',
      thumbDir,
    });
    expect([burst.metadata.width, burst.metadata.height]).toEqual([1280, 720]);
    expect(burst.metadata.takenAt).toBe('2018-03-09T14:16:50');
    const pug = await processMedia({
      path: exif('formats/heic/pillow_heif/zPug_3.heic'),
      contentHash: 'heic-pug',
      thumbDir,
    });
    expect(pug.thumb).not.toBeNull();
  });

  it('10-bit and alpha HEIFs decode to 8-bit RGB', async () => {
    for (const f of ['RGB_10__29x100.heif', 'RGBA_8__128x128.heif', 'L_exif_xmp_iptc.heic']) {
      const r = await processMedia({
        path: exif('formats/heic/pillow_heif', f),
        contentHash: `heic-${f.replace(/\W/g, '')}`,
        thumbDir,
        keepImage: true,
      });
      expect(r.image!.channels).toBe(3);
      expect(r.image!.data.length).toBe(r.image!.width * r.image!.height * 3);
    }
  });
});

describe.skipIf(!hasCorpus)('AVIF irot / imir', () => {
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-avif-'));
  afterAll(async () => {
    await closeMedia();
    rmSync(thumbDir, { recursive: true, force: true });
  });

  async function image(file: string) {
    const r = await processMedia({
      path: exif(file),
      contentHash: `avif-${file.replace(/\W/g, '_')}`,
      thumbDir,
      keepImage: true,
    });
    // The WORK_SIZE decode (AVIF needs a preview, so it is kept): these are all under 1333 px.
    return { r, img: r.work! };
  }

  it('every kimono transform displays exactly like kimono.avif (722×1024)', async () => {
    const { img: ref } = await image('formats/avif/link-u/kimono.avif');
    expect([ref.width, ref.height]).toEqual([722, 1024]);
    for (const v of ['rotate90', 'rotate270', 'mirror-horizontal', 'mirror-vertical']) {
      const { r, img } = await image(`formats/avif/link-u/kimono.${v}.avif`);
      expect([r.metadata.width, r.metadata.height], v).toEqual([722, 1024]);
      expect([img.width, img.height], v).toEqual([722, 1024]);
      // lossy re-encodes of the same picture: a few levels apart, versus ~40 when turned wrong
      expect(meanAbsDiff(img, ref), v).toBeLessThan(4);
    }
  });

  it('Pillow rot×mir AVIFs all display like rot0mir0 (640×427)', async () => {
    const { img: ref } = await image('formats/avif/pillow/rot0mir0.avif');
    for (const rot of [0, 1, 2, 3]) {
      for (const mir of [0, 1]) {
        const { img } = await image(`formats/avif/pillow/rot${rot}mir${mir}.avif`);
        expect([img.width, img.height]).toEqual([640, 427]);
        // separately encoded lossy files of one picture: ~4–5 /255 apart; a wrong turn is ≥ 30
        const { diff, nearestWrong } = await uprightVerdict(img, ref);
        expect(diff, `rot${rot}mir${mir}`).toBeLessThan(10);
        expect(diff * 2, `rot${rot}mir${mir}`).toBeLessThan(nearestWrong);
      }
    }
  });

  it('XMP orientation in an AVIF is not applied on top', async () => {
    const meta = await readMetadata(exif('formats/avif/pillow/xmp_tags_orientation.avif'));
    expect(meta).toMatchObject({ width: 326, height: 268, orientation: null, exifOrientation: 3 });
  });

  it('a multi-image AVIF gives its primary image; an image sequence fails clearly', async () => {
    const { r } = await image('formats/avif/metadata-extractor/32Bit-72dpi-sRGB-800x600.avif');
    expect([r.metadata.width, r.metadata.height]).toEqual([800, 600]);
    // star.avifs is an AV1 *sequence* (brand avis): libvips cannot open it; it must fail cleanly
    await expect(
      processMedia({
        path: exif('formats/avif/pillow/star.avifs'),
        contentHash: 'avif-star',
        thumbDir,
      }),
    ).rejects.toMatchObject({
      name: 'PictoError',
      code: expect.stringMatching(/unsupported|corrupt/),
    });
  });
});
