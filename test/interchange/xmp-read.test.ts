// Readers of other tools' metadata, on small hand-made inputs (ExifTool's -G1 -struct -n shapes).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchFaceNames } from '../../src/interchange/faces-match.js';
import {
  displayedToStored,
  storedToDisplayed,
  toDisplayed,
  toStored,
  type NormRect,
} from '../../src/interchange/geometry.js';
import { isCameraJunk, pickDescription } from '../../src/interchange/xmp-read/camera-junk.js';
import { foldKeywords } from '../../src/interchange/xmp-read/keywords.js';
import { mayHoldXmpOrIptc } from '../../src/interchange/xmp-read/hint.js';
import { mapInterchangeTags } from '../../src/interchange/xmp-read/map.js';
import { mergeRegions, mpRegions, mwgRegions } from '../../src/interchange/xmp-read/regions.js';
import { sidecarsInFolder } from '../../src/interchange/xmp-read/sidecar-files.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));

describe('geometry', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('toDisplayed undoes toStored (orientation %i)', (o) => {
    for (const [x, y] of [
      [0.1, 0.2],
      [0.9, 0.35],
      [0, 1],
    ]) {
      close(toStored(...toDisplayed(x, y, o), o), [x, y]);
      close(toDisplayed(...toStored(x, y, o), o), [x, y]);
    }
  });

  it('turns rectangles, not just points', () => {
    const shown: NormRect = [0.1, 0.2, 0.3, 0.4];
    // Orientation 6: the stored image is the shown one turned 90° counter-clockwise.
    close(displayedToStored(shown, 6), [0.2, 0.6, 0.4, 0.3]);
    close(storedToDisplayed(displayedToStored(shown, 6), 6), shown);
    close(storedToDisplayed(shown, 1), shown);
  });
});

describe('regions', () => {
  const mwg = {
    AppliedToDimensions: { W: 1000, H: 500, Unit: 'pixel' },
    RegionList: [
      { Area: { X: 0.5, Y: 0.5, W: 0.2, H: 0.4, Unit: 'normalized' }, Name: 'Ana', Type: 'Face' },
      { Area: { X: 0.2, Y: 0.3, W: 0.1, H: 0.2, Unit: 'normalized' }, Type: 'Face' },
      { Area: { X: 0.8, Y: 0.8, W: 0.1, H: 0.1, Unit: 'normalized' }, Name: 'Rex', Type: 'Pet' },
      {
        Area: { X: 0.8, Y: 0.2, W: 0.1, H: 0.1, Unit: 'normalized' },
        Name: 'ffffffffffffffff',
        Type: 'Face',
      },
      { Area: { X: 100, Y: 100, W: 50, H: 50, Unit: 'pixel' }, Name: 'Px' },
      { Area: { X: 0.5, Y: 0.5, W: 0, H: 0 }, Name: 'Empty' },
    ],
  };

  it('reads MWG centres as top-left rectangles, faces only, placeholders unnamed', () => {
    const r = mwgRegions(mwg, 1);
    expect(r.map((x) => x.name)).toEqual(['Ana', null, null, 'Px']);
    close(r[0].rect, [0.4, 0.3, 0.2, 0.4]);
    close(r[3].rect, [0.075, 0.15, 0.05, 0.1]);
    // On a portrait photo stored landscape, the face turns with the pixels.
    close(mwgRegions(mwg, 6)[0].rect, [0.3, 0.4, 0.4, 0.2]);
    expect(mwgRegions(null, 1)).toEqual([]);
  });

  it('reads Microsoft rectangles and adds only faces MWG lacks', () => {
    const mp = mpRegions(
      {
        Regions: [
          { Rectangle: '0.4, 0.3, 0.2, 0.4', PersonDisplayName: 'Ana' },
          { Rectangle: '0.6, 0.6, 0.1, 0.1', PersonDisplayName: 'Ben' },
          { Rectangle: 'junk' },
        ],
      },
      1,
    );
    expect(mp.map((r) => r.name)).toEqual(['Ana', 'Ben']);
    const merged = mergeRegions(mwgRegions(mwg, 1), mp);
    expect(merged.map((r) => [r.name, r.source])).toEqual([
      ['Ana', 'mwg'],
      [null, 'mwg'],
      [null, 'mwg'],
      ['Px', 'mwg'],
      ['Ben', 'mp'],
    ]);
  });
});

describe('keywords', () => {
  it('folds digiKam, Lightroom and flat keywords, keeping levels and taking people out', () => {
    const r = foldKeywords({
      flat: [['Ana', 'Seoul', 'Korea', 'Places', 'beach', 'Beach'], 'one;two'],
      slashPaths: [
        [
          'People/Ana',
          'People/Family/Ben',
          'People/Unknown',
          'Places/Korea/Seoul',
          'Picto/animal/dog',
        ],
      ],
      pipePaths: [
        ['Places|Korea|Seoul', 'Events|Wedding', '_Digikam_Internal_Tags_|Color Label Red'],
      ],
      people: [['Cleo']],
    });
    expect(r.people).toEqual(['Cleo', 'Ana', 'Ben']);
    expect(r.keywords.map((k) => k.text)).toEqual([
      'Places/Korea/Seoul',
      'Events/Wedding',
      'beach',
      'one',
      'two',
    ]);
    expect(r.keywords[0]).toEqual({
      path: ['Places', 'Korea', 'Seoul'],
      text: 'Places/Korea/Seoul',
      leaf: 'Seoul',
    });
  });

  it('drops a flat keyword that names someone a region names', () => {
    const r = foldKeywords({ flat: [['Dana', 'sea']], slashPaths: [], pipePaths: [], people: [] }, [
      'dana',
    ]);
    expect(r.keywords.map((k) => k.text)).toEqual(['sea']);
  });
});

describe('descriptions', () => {
  it.each([
    'OLYMPUS DIGITAL CAMERA         ',
    'KONICA MINOLTA DIGITAL CAMERA',
    'SANYO DIGITAL CAMERA',
    'KODAK Digital Still Camera',
    'SONY DSC',
    'SAMSUNG',
    'DCIM\\100GOPRO\\GOPR0482.JPG',
    'IMG_1234.JPG',
    '<Digimax i50 MP3, Samsung #1 MP3>',
    'Created with GIMP',
    'Exif_JPEG_PICTURE',
    '                               ',
    '---',
  ])('%j is camera boilerplate', (t) => expect(isCameraJunk(t)).toBe(true));

  it.each([
    'A witty caption',
    'Der Goalie bin ig',
    'AC/DC live',
    'mit blauem Kleid',
    'Gran Turismo 5',
  ])('%j is a description', (t) => expect(isCameraJunk(t)).toBe(false));

  it('knows a camera that writes its own name', () => {
    expect(isCameraJunk('WWL', 'WWL', 'Polaroid')).toBe(true);
    expect(isCameraJunk('SAMSUNG GT-I9000', 'SAMSUNG', 'GT-I9000')).toBe(true);
    expect(pickDescription(['OLYMPUS DIGITAL CAMERA', 'Real one\u0000junk'])).toBe('Real one');
  });
});

describe('mapInterchangeTags', () => {
  const base = { 'File:FileType': 'XMP' };
  it('reads ratings: stars, Microsoft percent, rejected, unrated', () => {
    expect(mapInterchangeTags({ ...base, 'XMP-xmp:Rating': 4 }).rating).toBe(4);
    expect(mapInterchangeTags({ ...base, 'XMP-xmp:Rating': 3.6 }).rating).toBe(4);
    expect(mapInterchangeTags({ ...base, 'XMP-xmp:Rating': 0 }).rating).toBeNull();
    const rejected = mapInterchangeTags({ ...base, 'XMP-xmp:Rating': -1 });
    expect([rejected.rating, rejected.rejected]).toEqual([null, true]);
    expect(mapInterchangeTags({ ...base, 'XMP-microsoft:RatingPercent': 75 }).rating).toBe(4);
    expect(mapInterchangeTags({ ...base, 'XMP-microsoft:RatingPercent': 1 }).rating).toBe(1);
    expect(mapInterchangeTags({ ...base, 'XMP-microsoft:RatingPercent': 99 }).rating).toBe(5);
    expect(mapInterchangeTags({ ...base, 'IFD0:Rating': 2 }).rating).toBe(2);
    expect(mapInterchangeTags(base).found).toEqual([]);
  });

  it('prefers dc:description, then the IPTC caption, then a real EXIF description', () => {
    const d = (raw: Record<string, unknown>) => mapInterchangeTags({ ...base, ...raw }).description;
    expect(d({ 'XMP-dc:Description': 'xmp', 'IPTC:Caption-Abstract': 'iptc' })).toBe('xmp');
    expect(d({ 'IPTC:Caption-Abstract': 'iptc', 'IFD0:ImageDescription': 'exif' })).toBe('iptc');
    expect(d({ 'IFD0:ImageDescription': 'OLYMPUS DIGITAL CAMERA' })).toBeNull();
    expect(d({ 'IFD0:ImageDescription': 'Harbour at dawn' })).toBe('Harbour at dawn');
  });

  it('places regions with the photo’s orientation, else the source’s own', () => {
    const raw = {
      ...base,
      'XMP-tiff:Orientation': 6,
      'XMP-mwg-rs:RegionInfo': {
        RegionList: [{ Area: { X: 0.5, Y: 0.5, W: 0.2, H: 0.4 }, Name: 'Ana' }],
      },
    };
    close(mapInterchangeTags(raw).regions[0].rect, [0.3, 0.4, 0.4, 0.2]);
    close(mapInterchangeTags(raw, 1).regions[0].rect, [0.4, 0.3, 0.2, 0.4]);
    expect(mapInterchangeTags(raw).people).toEqual([]);
  });

  it('sees Picto’s mark in whatever form ExifTool left it', () => {
    expect(
      mapInterchangeTags({ ...base, 'XMP-picto:Sidecar': 'v2-0123456789abcdef' }).pictoSidecar,
    ).toBe(true);
    expect(mapInterchangeTags(base).pictoSidecar).toBe(false);
  });
});

describe('matchFaceNames', () => {
  const faces = [
    { id: 'left', rect: [0.1, 0.2, 0.2, 0.3] as NormRect },
    { id: 'right', rect: [0.6, 0.2, 0.2, 0.3] as NormRect },
  ];

  it('names each face by its best-overlapping region, one to one', () => {
    const r = matchFaceNames(faces, [
      { name: 'Ben', rect: [0.62, 0.18, 0.2, 0.34] },
      { name: 'Ana', rect: [0.08, 0.22, 0.24, 0.3] },
      { name: 'Far', rect: [0.4, 0.8, 0.05, 0.05] },
    ]);
    expect(r.names.map((n) => [n.faceId, n.name, n.rule])).toEqual([
      ['left', 'Ana', 'region'],
      ['right', 'Ben', 'region'],
    ]);
    expect(r.unmatched.map((u) => u.name)).toEqual(['Far']);
    expect(r.conflicts).toEqual([]);
  });

  it('accepts a hand-drawn box whose centre nests with the face’s', () => {
    // A loose box (hair to chin) overlaps the tight detector box by less than 0.3.
    const r = matchFaceNames([faces[0]], [{ name: 'Ana', rect: [0.0, 0.05, 0.45, 0.6] }]);
    expect(r.names[0]).toMatchObject({ faceId: 'left', name: 'Ana', rule: 'region' });
  });

  it('reports two names claiming one face and one name on two faces', () => {
    const taken = matchFaceNames(faces, [
      { name: 'Ana', rect: [0.1, 0.2, 0.2, 0.3] },
      { name: 'Zoe', rect: [0.11, 0.21, 0.2, 0.3] },
    ]);
    expect(taken.names.map((n) => n.name)).toEqual(['Ana']);
    expect(taken.conflicts).toEqual([{ faceId: 'left', name: 'Zoe', reason: 'face-taken' }]);
    const twice = matchFaceNames(faces, [
      { name: 'Ana', rect: [0.1, 0.2, 0.2, 0.3] },
      { name: 'ana', rect: [0.62, 0.22, 0.2, 0.3] },
    ]);
    expect(twice.names.map((n) => n.faceId)).toEqual(['left']);
    expect(twice.conflicts).toEqual([{ faceId: 'right', name: 'ana', reason: 'name-repeated' }]);
  });

  it('names the only face with the only name, and nothing when in doubt', () => {
    expect(matchFaceNames([faces[0]], [], ['Barack Obama']).names).toEqual([
      { faceId: 'left', name: 'Barack Obama', rule: 'only-face', iou: 1 },
    ]);
    // A region that missed the face still names it when it is the one face and the one name.
    const missed = matchFaceNames(
      [faces[0]],
      [{ name: 'Ana', rect: [0.7, 0.7, 0.1, 0.1] }],
      ['ana'],
    );
    expect(missed.names.map((n) => [n.name, n.rule])).toEqual([['Ana', 'only-face']]);
    expect(missed.unmatched).toEqual([]);
    expect(matchFaceNames([faces[0]], [], ['Ana', 'Ben']).names).toEqual([]);
    expect(matchFaceNames(faces, [], ['Ana']).names).toEqual([]);
  });
});

describe('sidecarsInFolder', () => {
  it('pairs NAME.jpg.xmp and NAME.xmp, the RAW taking a shared stem', () => {
    const m = sidecarsInFolder([
      'a.jpg',
      'a.jpg.xmp',
      'B.JPG',
      'b.xmp',
      'IMG_1.CR2',
      'IMG_1.JPG',
      'IMG_1.xmp',
      'x.png',
      'x.jpg',
      'x.xmp',
      'c.jpg',
      'c.jpg.picto.xmp',
    ]);
    expect(Object.fromEntries(m)).toEqual({
      'a.jpg': { full: 'a.jpg.xmp', stem: null },
      'B.JPG': { full: null, stem: 'b.xmp' },
      'IMG_1.CR2': { full: null, stem: 'IMG_1.xmp' },
    });
  });
});

describe.skipIf(!hasCorpus)('mayHoldXmpOrIptc', () => {
  it('sees XMP and IPTC where ExifTool finds them, and nothing in a plain camera JPEG', () => {
    const head = (f: string) => readFileSync(corpusPath('exif', f)).subarray(0, 64 * 1024);
    expect(mayHoldXmpOrIptc(head('exiftool_stubs/jpeg/XMP.jpg'))).toBe(true);
    expect(mayHoldXmpOrIptc(head('exiftool_stubs/jpeg/IPTC.jpg'))).toBe(true);
    expect(mayHoldXmpOrIptc(head('exiftool_stubs/jpeg/MWG.jpg'))).toBe(true);
    expect(mayHoldXmpOrIptc(head('gps/DSCN0010.jpg'))).toBe(true);
    expect(mayHoldXmpOrIptc(head('camera_jpeg/ianare/Canon_40D.jpg'))).toBe(false);
  });
});
