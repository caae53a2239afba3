import { describe, expect, it } from 'vitest';
import {
  affectedBy,
  CATEGORIES,
  CATEGORY_NAMES,
  CHEAP_CATEGORIES,
  categoryForWord,
  classify,
  classifyCheap,
  pending,
  verdicts,
  type FaceSignal,
  type Signals,
} from '../../src/categories/index.js';
import {
  documentVerdict,
  needsTextDetection,
  textDetectionRegion,
} from '../../src/categories/document.js';
import { groupVerdict, portraitVerdict } from '../../src/categories/faces.js';
import { captureElevation, nightVerdict } from '../../src/categories/night.js';
import { objectGroupVerdict } from '../../src/categories/objects.js';
import { panoramaVerdict } from '../../src/categories/panorama.js';
import { screenshotVerdict } from '../../src/categories/screenshot.js';
import { selfieVerdict } from '../../src/categories/selfie.js';
import { grid, meta, phone, screenPixels, signals, stats } from './signals.js';

const face = (x: number, y: number, side: number, w = 4032, h = 3024): FaceSignal => ({
  box: [x, y, side / w, side / h],
  score: 0.95,
  quality: 0.8,
});

describe('screenshot', () => {
  it('iOS marks its screenshots: that decides', () => {
    const v = screenshotVerdict(
      signals({
        meta: meta({ format: 'png', width: 1170, height: 2532, userComment: 'Screenshot' }),
        pixels: stats(),
      }),
    );
    expect(v.score).toBeGreaterThan(0.95);
    expect(v.reason).toMatch(/^marked as a screenshot \(iOS\)/);
  });

  it('a PNG at a phone screen size with flat, few-coloured pixels', () => {
    const v = screenshotVerdict(
      signals({ meta: meta({ format: 'png', width: 1080, height: 2400 }), pixels: screenPixels() }),
    );
    expect(v.score).toBeGreaterThan(0.9);
    expect(v.reason).toContain('phone screen size (1080×2400)');
  });

  it('the name alone never decides, even with PNG', () => {
    for (const fileName of [
      'Screenshot_20240312-211117.png',
      'Screenshot 2024-03-23 at 20.22.34.png',
    ]) {
      const v = screenshotVerdict(
        signals({ meta: meta({ fileName, format: 'png', width: 3000, height: 2000 }) }),
      );
      expect(v.score, fileName).toBeLessThan(0.5);
    }
  });

  it('camera exposure data all but excludes it, whatever the pixels', () => {
    const v = screenshotVerdict(
      signals({
        meta: meta({ ...phone, format: 'png', width: 1170, height: 2532 }),
        pixels: screenPixels(),
      }),
    );
    expect(v.score).toBeLessThan(0.5);
    expect(v.reason).toContain('camera exposure data');
  });

  it('a scanner is no screen: its make weighs against flat white pages', () => {
    const v = screenshotVerdict(
      signals({
        meta: meta({ make: 'EPSON', model: 'Perfection V39', width: 1240, height: 1754 }),
        pixels: screenPixels(),
      }),
    );
    expect(v.score).toBeLessThan(0.5);
  });
});

describe('document', () => {
  // A 32 × 24 grid with a bright grey sheet in the middle (x 8–23, y 4–19) on a dark table.
  const sheet = grid(32, 24, (x, y) =>
    x >= 8 && x < 24 && y >= 4 && y < 20
      ? { luma: 200, chroma: 12, texture: 12 }
      : { luma: 70, chroma: 30 },
  );
  const paper = stats({ grid: sheet });
  const lines = (n: number): [number, number, number, number][] =>
    Array.from({ length: n }, (_, i) => [0.27, 0.18 + i * 0.026, 0.45, 0.015]);

  it('waits for text detection only when a sheet of paper is in view', () => {
    expect(documentVerdict(signals({ pixels: paper }))).toBeNull();
    expect(needsTextDetection(signals({ pixels: paper }))).toBe(true);
    const region = textDetectionRegion(signals({ pixels: paper }))!;
    expect(region[0]).toBeCloseTo(0.25 - 0.02, 2);
    expect(documentVerdict(signals())).toMatchObject({ reason: 'no sheet of paper in view' });
    expect(needsTextDetection(signals())).toBe(false);
  });

  it('many lines on the sheet make a document; a sign’s two lines do not', () => {
    const page = documentVerdict(signals({ pixels: paper, text: { boxes: lines(20) } }))!;
    expect(page.score).toBeGreaterThan(0.9);
    expect(page.reason).toMatch(/^20 text lines cover \d+ % of a paper-like area$/);
    expect(page.subtype).toBeUndefined();
    expect(
      documentVerdict(signals({ pixels: paper, text: { boxes: lines(2) } }))!.score,
    ).toBeLessThan(0.5);
  });

  it('a long narrow sheet is a receipt', () => {
    const strip = grid(32, 24, (x, y) =>
      x >= 13 && x < 19 && y >= 1 && y < 23 ? { luma: 230, chroma: 10 } : { luma: 60, chroma: 30 },
    );
    const boxes = Array.from({ length: 20 }, (_, i): [number, number, number, number] => [
      0.42,
      0.06 + i * 0.043,
      0.16,
      0.02,
    ]);
    const v = documentVerdict(signals({ pixels: stats({ grid: strip }), text: { boxes } }))!;
    expect(v.subtype).toBe('receipt');
    expect(v.reason).toContain('receipt-shaped paper');
  });

  it('screenshots are not documents', () => {
    const s = signals({
      meta: meta({ format: 'png', width: 1170, height: 2532 }),
      pixels: { ...screenPixels(), grid: sheet },
    });
    expect(documentVerdict(s)).toMatchObject({ reason: 'a screenshot' });
    expect(needsTextDetection(s)).toBe(false);
  });
});

describe('selfie', () => {
  const lens = (lensModel: string, lensMake = 'Apple') =>
    meta({ ...phone, lens: lensModel, lensMake });

  it('front camera strings of Apple and Google phones', () => {
    for (const l of [
      'iPhone 12 front camera 2.71mm f/2.2',
      'iPhone X front TrueDepth camera 2.87mm f/2.2',
      'Pixel 8 Pro front camera 2.74mm f/2.2',
    ]) {
      expect(selfieVerdict(signals({ meta: lens(l) })), l).toEqual({
        score: 0.95,
        reason: 'front camera',
      });
    }
  });

  it('a recorded back lens decides against, whatever the faces', () => {
    const v = selfieVerdict(
      signals({
        meta: lens('iPhone 12 back dual wide camera 4.2mm f/1.6'),
        faces: [face(0.3, 0.2, 1600)],
      }),
    );
    expect(v!.score).toBeLessThan(0.1);
  });

  it('without a lens: waits for faces; one close face in a phone photo is a weaker sign', () => {
    const noLens = meta({
      ...phone,
      lens: null,
      lensMake: null,
      make: 'samsung',
      model: 'SM-G991B',
    });
    expect(selfieVerdict(signals({ meta: noLens }))).toBeNull();
    expect(selfieVerdict(signals({ meta: noLens, faces: [face(0.3, 0.2, 1600)] }))).toMatchObject({
      score: 0.6,
    });
    expect(
      selfieVerdict(signals({ meta: noLens, faces: [face(0.3, 0.2, 400)] }))!.score,
    ).toBeLessThan(0.5);
    // No phone, no lens: a headshot from the web is not taken for a selfie.
    expect(selfieVerdict(signals({ faces: [face(0.3, 0.2, 1600)] }))!.score).toBeLessThan(0.5);
  });
});

describe('panorama', () => {
  it('camera photos at 2:1 and wider (upright: 2.5:1), 2000 px long at least', () => {
    expect(
      panoramaVerdict(signals({ meta: meta({ ...phone, width: 8000, height: 2500 }) })),
    ).toMatchObject({ reason: '3.2:1 camera photo' });
    expect(
      panoramaVerdict(signals({ meta: meta({ ...phone, width: 4032, height: 2268 }) })).score,
    ).toBeLessThan(0.5);
    expect(
      panoramaVerdict(signals({ meta: meta({ ...phone, width: 1100, height: 2400 }) })).score,
    ).toBeLessThan(0.5);
    expect(
      panoramaVerdict(signals({ meta: meta({ ...phone, width: 1100, height: 3000 }) })).score,
    ).toBeGreaterThan(0.5);
    expect(
      panoramaVerdict(signals({ meta: meta({ ...phone, width: 1200, height: 500 }) })).score,
    ).toBeLessThan(0.5);
  });

  it('GPano tags decide whatever the shape; a wide image without camera EXIF is not enough', () => {
    expect(
      panoramaVerdict(
        signals({ meta: meta({ panorama: 'equirectangular', width: 4096, height: 2048 }) }),
      ),
    ).toMatchObject({ score: 0.95, reason: 'photo sphere (GPano equirectangular)' });
    expect(
      panoramaVerdict(
        signals({ meta: meta({ panorama: 'cylindrical', width: 3200, height: 2000 }) }),
      ).score,
    ).toBe(0.95);
    expect(
      panoramaVerdict(signals({ meta: meta({ width: 6000, height: 2000 }) })).score,
    ).toBeLessThan(0.5);
    // An ultrawide monitor's screenshot is 2.4:1 too.
    expect(
      panoramaVerdict(
        signals({
          meta: meta({ format: 'png', width: 2560, height: 1080 }),
          pixels: screenPixels(),
        }),
      ).score,
    ).toBeLessThan(0.5);
  });
});

describe('night', () => {
  const paris = { lat: 48.8566, lon: 2.3522 };
  const at = (takenAt: string, takenOffsetMinutes: number | null, gps = paris) =>
    signals({ meta: meta({ ...phone, takenAt, takenOffsetMinutes, gps }) });

  it('the sun’s height at the capture time and place decides', () => {
    const night = nightVerdict(at('2024-01-15T19:40:00', 60));
    expect(night.score).toBeGreaterThan(0.9);
    expect(night.reason).toMatch(/^sun \d+° below the horizon$/);
    expect(nightVerdict(at('2024-07-02T14:10:00', 120))).toMatchObject({ score: 0.03 });
    // A June evening in Oslo at 21:30: late, but the sun is still up.
    expect(
      nightVerdict(at('2024-06-21T21:30:00', 120, { lat: 59.91, lon: 10.75 })).score,
    ).toBeLessThan(0.5);
  });

  it('dusk is night with less confidence', () => {
    // Paris, 15 January: sunset 17:24 CET; at 17:40 the sun is ~2.5° down.
    const v = nightVerdict(at('2024-01-15T17:40:00', 60));
    expect(v.score).toBeGreaterThan(0.5);
    expect(v.score).toBeLessThan(0.9);
    expect(v.reason).toContain('(twilight)');
  });

  it('without a recorded offset the zone is guessed from the longitude, an hour either way', () => {
    const tokyo = { lat: 35.68, lon: 139.69 };
    expect(nightVerdict(at('2024-08-18T23:05:00', null, tokyo)).reason).toContain(
      'time zone from longitude',
    );
    expect(nightVerdict(at('2024-08-18T23:05:00', null, tokyo)).score).toBeGreaterThan(0.5);
    // 19:10 in August: night at +9, but day an hour earlier: not called night.
    expect(
      captureElevation(at('2024-08-18T18:10:00', null, tokyo).meta)!.elevation,
    ).toBeGreaterThan(0);
    expect(nightVerdict(at('2024-08-18T18:10:00', null, tokyo)).score).toBeLessThan(0.5);
  });

  it('without a place: a dark frame at high ISO or with a long exposure; file times never count', () => {
    const dark = stats({ meanLuma: 30, p50: 22 });
    const noPlace = (over: object) => signals({ meta: meta({ ...phone, ...over }), pixels: dark });
    expect(nightVerdict(noPlace({ iso: 3200, exposureTime: 1 / 8 }))).toMatchObject({
      score: 0.85,
      reason: 'dark frame, ISO 3200, 1/8 s exposure',
    });
    expect(nightVerdict(noPlace({ iso: 100 })).score).toBeLessThan(0.5);
    expect(
      nightVerdict(signals({ meta: meta({ ...phone, iso: 3200 }), pixels: stats() })).score,
    ).toBeLessThan(0.5);
    const mtime = signals({
      meta: meta({
        ...phone,
        takenAt: '2024-01-15T23:00:00',
        takenAtSource: 'file-mtime',
        gps: paris,
      }),
    });
    expect(captureElevation(mtime.meta)).toBeNull();
    // A Takeout date is the capture instant (photoTakenTime): it counts, as a tag would.
    const takeout = { ...mtime.meta, takenAtSource: 'takeout' as const, takenOffsetMinutes: 60 };
    expect(captureElevation(takeout)!.elevation).toBeLessThan(0);
  });
});

describe('group and portrait', () => {
  it('three faces of useful size make a group; background specks do not count', () => {
    const three = [face(0.1, 0.2, 400), face(0.4, 0.2, 380), face(0.7, 0.2, 420)];
    expect(groupVerdict(signals({ faces: three }))).toEqual({ score: 0.7, reason: '3 faces' });
    const specks = [
      face(0.1, 0.2, 400),
      face(0.4, 0.2, 380),
      face(0.7, 0.1, 60),
      face(0.8, 0.1, 50),
    ];
    expect(groupVerdict(signals({ faces: specks }))!.score).toBeLessThan(0.5);
    expect(groupVerdict(signals())).toBeNull();
  });

  it('one large face is a portrait; two alike or a small one are not', () => {
    const v = portraitVerdict(signals({ faces: [face(0.35, 0.2, 1300)] }))!;
    expect(v.score).toBeGreaterThan(0.5);
    expect(v.reason).toMatch(/^one large face \(\d+ % of the frame\)$/);
    expect(
      portraitVerdict(signals({ faces: [face(0.35, 0.2, 1300), face(0.6, 0.2, 1100)] }))!.score,
    ).toBeLessThan(0.5);
    expect(portraitVerdict(signals({ faces: [face(0.35, 0.2, 500)] }))!.score).toBeLessThan(0.5);
    // A wide frame: against its short side this face looks large, against the frame it is not.
    const wide = signals({
      meta: meta({ width: 6000, height: 2000 }),
      faces: [face(0.4, 0.3, 620, 6000, 2000)],
    });
    expect(portraitVerdict(wide)!.score).toBeLessThan(0.5);
  });
});

describe('object groups', () => {
  it('follow the tags, above the tag threshold and a minimum size', () => {
    const dog = {
      label: 'dog',
      score: 0.87,
      box: [0.2, 0.2, 0.4, 0.4] as [number, number, number, number],
    };
    expect(objectGroupVerdict('pets', signals({ objects: [dog] }))).toMatchObject({
      reason: 'a dog (87 %)',
    });
    expect(
      objectGroupVerdict('pets', signals({ objects: [{ ...dog, box: [0, 0, 0.05, 0.05] }] }))!
        .score,
    ).toBe(0);
    expect(
      objectGroupVerdict(
        'food',
        signals({
          objects: [
            { ...dog, label: 'apple' },
            { ...dog, label: 'apple', score: 0.5 },
          ],
        }),
      )!.reason,
    ).toBe('2 × apple (87 %)');
    expect(
      objectGroupVerdict('vehicles', signals({ objects: [{ ...dog, label: 'bus' }] }))!.score,
    ).toBeGreaterThan(0.5);
    expect(objectGroupVerdict('sports', signals())).toBeNull();
  });
});

describe('the list', () => {
  it('one entry per category, each with a definition and the signals it reads', () => {
    expect(CATEGORIES.map((c) => c.name)).toEqual([...CATEGORY_NAMES]);
    for (const c of CATEGORIES) expect(c.definition.length, c.name).toBeGreaterThan(20);
    expect(CHEAP_CATEGORIES).toEqual(['screenshot', 'panorama', 'night']);
    expect(affectedBy(['faces'])).toEqual(['selfie', 'group', 'portrait']);
    expect(affectedBy(['text'])).toEqual(['document']);
    expect(affectedBy(['objects'])).toEqual(['food', 'pets', 'vehicles', 'sports']);
  });

  it('cheap signals decide some at ingest; the rest wait for their detection', () => {
    const front = signals({
      meta: meta({ ...phone, lens: 'iPhone 12 front camera 2.71mm f/2.2' }),
    });
    expect(classifyCheap(front)).toEqual([{ name: 'selfie', score: 0.95, reason: 'front camera' }]);
    expect(pending(front)).toEqual(['group', 'portrait', 'food', 'pets', 'vehicles', 'sports']);
    const all: Signals = { ...front, faces: [], objects: [], text: { boxes: [] } };
    expect(pending(all)).toEqual([]);
    expect([...verdicts(all).keys()]).toEqual([...CATEGORY_NAMES]);
    expect(classify(all).map((r) => r.name)).toEqual(['selfie']);
  });

  it('search words, singular and plural', () => {
    expect(categoryForWord('Selfies')).toMatchObject({ category: 'selfie' });
    expect(categoryForWord('group  photos')).toMatchObject({ category: 'group' });
    expect(categoryForWord('receipts')).toEqual({
      word: 'receipts',
      category: 'document',
      subtype: 'receipt',
      plain: true,
    });
    // Typed alone, "food" stays the object tag's word; after category: it is the category.
    expect(categoryForWord('food')).toMatchObject({ category: 'food', plain: false });
    expect(categoryForWord('night')).toMatchObject({ category: 'night' });
    expect(categoryForWord('dog')).toBeNull();
  });
});
