// Takeout sidecar resolution on hand-made folder listings. The names are the shapes importers
// have reported from real exports (see [Note: Takeout sidecar names] in takeout/names.ts).

import { describe, expect, it } from 'vitest';
import {
  clip,
  editedOriginal,
  isYearFolder,
  parseSidecarName,
  sidecarCandidates,
  splitCounter,
} from '../../src/interchange/takeout/names.js';
import type { TakeoutJson } from '../../src/interchange/takeout/parse.js';
import { resolveTakeoutFolder } from '../../src/interchange/takeout/resolve.js';

function photo(title: string | null, extra: Record<string, unknown> = {}): TakeoutJson {
  return {
    kind: 'photo',
    photo: {
      title,
      description: null,
      takenAt: '2019-06-01T10:00:00Z',
      uploadedAt: null,
      geo: null,
      geoExif: null,
      favorited: false,
      people: [],
      trashed: false,
      archived: false,
      ...extra,
    },
  };
}

/** Resolves a folder where every JSON is a photo sidecar titled after its own name's media. */
function resolve(files: string[], overrides: Record<string, TakeoutJson> = {}, folder = 'Album') {
  const json = new Map<string, TakeoutJson>();
  for (const f of files.filter((n) => n.endsWith('.json'))) {
    json.set(f, overrides[f] ?? photo(parseSidecarName(f)!.media));
  }
  const res = resolveTakeoutFolder({ folderName: folder, files, json });
  const map = Object.fromEntries([...res.sidecars].map(([m, s]) => [m, s.json]));
  return { res, map };
}

describe('Takeout names', () => {
  it('cuts at 46 UTF-16 units, never halving an emoji', () => {
    const emoji = '😀😃😄😁😆😅😂🤣🥲☺️😊😇🙂🙃😉😌😍🥰😘😗😙😚😋';
    expect(emoji.length).toBe(46);
    expect(clip(emoji + '😛.jpg')).toBe(emoji);
    expect(clip('a'.repeat(45) + '😛')).toBe('a'.repeat(45));
  });

  it('splits counters only where Takeout puts them', () => {
    expect(splitCounter('DSC_0101(1).JPG')).toEqual({ base: 'DSC_0101.JPG', counter: 1 });
    expect(splitCounter('IMG (1).jpg')).toEqual({ base: 'IMG (1).jpg', counter: null });
    expect(splitCounter('IMG.jpg')).toEqual({ base: 'IMG.jpg', counter: null });
  });

  it('knows edited copies in many languages', () => {
    expect(editedOriginal('IMG_1-edited.jpg')).toBe('IMG_1.jpg');
    expect(editedOriginal('PXL_20220405_090123740.PORTRAIT-modifié.jpg')).toBe(
      'PXL_20220405_090123740.PORTRAIT.jpg',
    );
    // macOS hands out decomposed names.
    expect(editedOriginal('IMG-modifie\u0301.jpg')).toBe('IMG.jpg');
    expect(editedOriginal('IMG-bearbeitet.JPG')).toBe('IMG.JPG');
    expect(editedOriginal('IMG-ha editado.jpg')).toBe('IMG.jpg');
    expect(editedOriginal('IMG-編集済み.jpg')).toBe('IMG.jpg');
    expect(editedOriginal('IMG_2.jpg')).toBeNull();
    expect(editedOriginal('-edited.jpg')).toBeNull();
  });

  it('reads what a sidecar name says', () => {
    expect(parseSidecarName('IMG_1.jpg.supplemental-metadata.json')).toEqual({
      media: 'IMG_1.jpg',
      counter: null,
    });
    expect(parseSidecarName('IMG_1.jpg.supplemental-me(2).json')).toEqual({
      media: 'IMG_1.jpg',
      counter: 2,
    });
    expect(parseSidecarName('IMG_1.jpg.s.json')?.media).toBe('IMG_1.jpg');
    expect(parseSidecarName('DSC_0101.JPG(1).json')).toEqual({ media: 'DSC_0101.JPG', counter: 1 });
    expect(parseSidecarName('photo.jpg')).toBeNull();
  });

  it('derives the new and old sidecar names, cut at the limit', () => {
    const names = (m: string) => sidecarCandidates(m).map((c) => c.name);
    expect(names('IMG_1.jpg').slice(0, 2)).toEqual([
      'IMG_1.jpg.supplemental-metadata.json',
      'IMG_1.jpg.json',
    ]);
    expect(names('Screenshot_2017-07-05-10-05-26.png')).toContain(
      'Screenshot_2017-07-05-10-05-26.png.supplementa.json',
    );
    expect(names('D7157814-D2D5-4A62-AFCE-9CF465CB7D66.jpeg')).toContain(
      'D7157814-D2D5-4A62-AFCE-9CF465CB7D66.jpeg.supp.json',
    );
    expect(names('Screenshot_20220207_102421_com.snapchat.android.jpg')).toContain(
      'Screenshot_20220207_102421_com.snapchat.androi.json',
    );
    expect(names('IMG_20210704_094147(1).jpg')[0]).toBe(
      'IMG_20210704_094147.jpg.supplemental-metadata(1).json',
    );
  });

  it('recognises year folders in the languages Takeout names them', () => {
    for (const f of ['Photos from 2019', 'Fotos von 2019', 'Photos de 2003', 'Fotos de 2020']) {
      expect(isYearFolder(f)).toBe(true);
    }
    for (const f of ['Trip 2019', 'Photos from Rome', '2019']) expect(isYearFolder(f)).toBe(false);
  });
});

describe('resolveTakeoutFolder', () => {
  it('matches plain, supplemental and every cut form', () => {
    const long = 'Backyard_ceremony_wedding_photography_xxxxxxx_m';
    const { map, res } = resolve([
      'a.jpg',
      'a.jpg.json',
      'b.jpg',
      'b.jpg.supplemental-metadata.json',
      'Screenshot_2016-07-09-18-01-30.png',
      'Screenshot_2016-07-09-18-01-30.png.supplementa.json',
      'IMG_20250112_100426_012.jpg',
      'IMG_20250112_100426_012.jpg.supplemental-metad.json',
      'IMG_20250112_100426_012345.jpg',
      'IMG_20250112_100426_012345.jpg.supplemental-me.json',
      '05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jpg',
      '05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jp.json',
      '13039_327707840323_537645323_9470255_27214_n.jpg',
      '13039_327707840323_537645323_9470255_27214_n.j.json',
      `${long}(494).jpg`,
      'Backyard_ceremony_wedding_photography_xxxxxxx_(494).json',
      'PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGINA.jpg',
      'PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGIN.json',
    ]);
    expect(map).toEqual({
      'a.jpg': 'a.jpg.json',
      'b.jpg': 'b.jpg.supplemental-metadata.json',
      'Screenshot_2016-07-09-18-01-30.png': 'Screenshot_2016-07-09-18-01-30.png.supplementa.json',
      'IMG_20250112_100426_012.jpg': 'IMG_20250112_100426_012.jpg.supplemental-metad.json',
      'IMG_20250112_100426_012345.jpg': 'IMG_20250112_100426_012345.jpg.supplemental-me.json',
      '05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jpg':
        '05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jp.json',
      '13039_327707840323_537645323_9470255_27214_n.jpg':
        '13039_327707840323_537645323_9470255_27214_n.j.json',
      [`${long}(494).jpg`]: 'Backyard_ceremony_wedding_photography_xxxxxxx_(494).json',
      'PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGINA.jpg':
        'PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGIN.json',
    });
    expect(res.unmatched).toEqual([]);
    // Found from the names alone, not from the titles.
    expect(new Set([...res.sidecars.values()].map((m) => m.rule))).toEqual(
      new Set(['name', 'counter']),
    );
  });

  it('keeps duplicates apart: NAME(1).jpg ↔ NAME.jpg(1).json, never the first copy’s sidecar', () => {
    const { map, res } = resolve(
      [
        'DSC_0101.JPG',
        'DSC_0101.JPG.json',
        'DSC_0101(1).JPG',
        'DSC_0101.JPG(1).json',
        'IMG_2710(1).HEIC',
        'IMG_2710.HEIC(1).json',
        'IMG_20210704_094147(1).jpg',
        'IMG_20210704_094147.jpg.supplemental-metadata(1).json',
        '13039_327707840323_537645323_9470255_27214_n(1).jpg',
        '13039_327707840323_537645323_9470255_27214_n.j(1).json',
        'DSC_0104(1).JPG',
        'DSC_0104.JPG.json',
      ],
      // Every copy of a duplicate carries the same title: only the counter tells them apart.
      {
        'DSC_0101.JPG(1).json': photo('DSC_0101.JPG'),
        'DSC_0104.JPG.json': photo('DSC_0104.JPG'),
      },
    );
    expect(map).toEqual({
      'DSC_0101.JPG': 'DSC_0101.JPG.json',
      'DSC_0101(1).JPG': 'DSC_0101.JPG(1).json',
      'IMG_2710(1).HEIC': 'IMG_2710.HEIC(1).json',
      'IMG_20210704_094147(1).jpg': 'IMG_20210704_094147.jpg.supplemental-metadata(1).json',
      '13039_327707840323_537645323_9470255_27214_n(1).jpg':
        '13039_327707840323_537645323_9470255_27214_n.j(1).json',
    });
    // DSC_0104(1).JPG has no sidecar of its own; DSC_0104.JPG's is unclaimed (its photo is absent).
    expect(res.unmatched).toEqual(['DSC_0104.JPG.json']);
  });

  it('gives edited copies their original’s sidecar, in any language', () => {
    const { map } = resolve([
      'IMG_1.jpg',
      'IMG_1.jpg.json',
      'IMG_1-edited.jpg',
      'PXL_20220405_090123740.PORTRAIT.jpg.json',
      'PXL_20220405_090123740.PORTRAIT-modifié.jpg',
      'IMG_20120216_094016-edited(1).jpg',
      'IMG_20120216_094016.jpg.supplemental-metadata.json',
      'DSCN0091.JPG',
      'DSCN0091.JPG.supplemental-metadata.json',
      'DSCN0091-sửa đổi.JPG',
      'DSCN0092-2.JPG',
      'DSCN0092.JPG.json',
    ]);
    expect(map).toEqual({
      'IMG_1.jpg': 'IMG_1.jpg.json',
      'IMG_1-edited.jpg': 'IMG_1.jpg.json',
      'PXL_20220405_090123740.PORTRAIT-modifié.jpg': 'PXL_20220405_090123740.PORTRAIT.jpg.json',
      'IMG_20120216_094016-edited(1).jpg': 'IMG_20120216_094016.jpg.supplemental-metadata.json',
      'DSCN0091.JPG': 'DSCN0091.JPG.supplemental-metadata.json',
      // A suffix in no list: letters after a dash are an edited copy.
      'DSCN0091-sửa đổi.JPG': 'DSCN0091.JPG.supplemental-metadata.json',
    });
    // "-2" is not an edit: DSCN0092-2.JPG is another photo and takes nobody's date.
    expect(map['DSCN0092-2.JPG']).toBeUndefined();
  });

  it('matches by title when the names do not derive one another', () => {
    const { res, map } = resolve(
      ['Photo_ Rome.jpg', 'x1.json', '2013-12-23(1).jpg', 'x2(1).json'],
      {
        'x1.json': photo('Photo: Rome.jpg'),
        'x2(1).json': photo('2013-12-23'),
      },
    );
    expect(map).toEqual({ 'Photo_ Rome.jpg': 'x1.json', '2013-12-23(1).jpg': 'x2(1).json' });
    expect(res.sidecars.get('Photo_ Rome.jpg')?.rule).toBe('title');
  });

  it('never takes an XMP sidecar beside the photo for a second photo of the same title', () => {
    const { map } = resolve(['Photo_ Rome.jpg', 'Photo_ Rome.jpg.xmp', 'x1.json'], {
      'x1.json': photo('Photo: Rome.jpg'),
    });
    expect(map).toEqual({ 'Photo_ Rome.jpg': 'x1.json' });
  });

  it('matches a photo uploaded without an extension', () => {
    const { map } = resolve(['2013-12-23(1).jpg', '2013-12-23.supplemental-metadata(1).json']);
    expect(map).toEqual({ '2013-12-23(1).jpg': '2013-12-23.supplemental-metadata(1).json' });
  });

  it('finds the album, never in a year folder, and reports unmatched and other JSON', () => {
    const files = [
      'a.jpg',
      'a.jpg.json',
      'gone.jpg.supplemental-metadata.json',
      'metadata.json',
      'print-subscriptions.json',
      'broken.json',
    ];
    const json = new Map<string, TakeoutJson>([
      ['a.jpg.json', photo('a.jpg')],
      ['gone.jpg.supplemental-metadata.json', photo('gone.jpg')],
      ['metadata.json', { kind: 'album', album: { title: 'Rome 2019', description: 'With Ana' } }],
      ['print-subscriptions.json', { kind: 'other' }],
      ['broken.json', { kind: 'invalid', error: 'Unexpected end of JSON input' }],
    ]);
    const album = resolveTakeoutFolder({ folderName: 'Rome', files, json });
    expect(album.album).toMatchObject({ name: 'Rome 2019', description: 'With Ana' });
    expect(album.unmatched).toEqual(['gone.jpg.supplemental-metadata.json']);
    expect(album.other).toEqual(['print-subscriptions.json']);
    expect(album.invalid).toEqual([{ json: 'broken.json', error: 'Unexpected end of JSON input' }]);

    const year = resolveTakeoutFolder({ folderName: 'Photos from 2019', files, json });
    expect(year.isYearFolder).toBe(true);
    expect(year.album).toBeNull();
    expect(year.other).toContain('metadata.json');
  });

  it('names an untitled album after its folder; JSON files are never media', () => {
    const json = new Map<string, TakeoutJson>([
      ['метаданни.json', { kind: 'album', album: { title: null, description: null } }],
    ]);
    const res = resolveTakeoutFolder({
      folderName: 'Без заглавие(15)',
      files: ['метаданни.json', 'x.jpg'],
      json,
    });
    expect(res.album?.name).toBe('Без заглавие(15)');
    expect([...res.sidecars.keys()]).toEqual([]);
  });
});
