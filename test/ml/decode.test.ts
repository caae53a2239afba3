import { describe, expect, it } from 'vitest';
import { iou, nms, type Box } from '../../src/ml/nms.js';
import { decodeCenterNet } from '../../src/ml/objects/centernet-decode.js';
import { blazefaceAnchors, decodeBlazeFace } from '../../src/ml/faces/blazeface-decode.js';
import { tileRects, touchesInnerEdge } from '../../src/ml/faces/tiles.js';
import { tilesForPeople } from '../../src/ml/faces/detect-faces.js';
import { faceQuality } from '../../src/ml/faces/quality.js';
import { laplacianVariance } from '../../src/ml/faces/blur.js';
import { COCO_LABELS, GROUP_TAGS, groupsForLabel, labelsForGroup } from '../../src/ml/labels.js';

describe('iou / nms', () => {
  it('computes IoU of xywh boxes', () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(iou([0, 0, 10, 10], [10, 0, 10, 10])).toBe(0);
    expect(iou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 12);
    expect(iou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });

  it('keeps the best of overlapping boxes, best first', () => {
    const items = [
      { box: [0, 0, 10, 10] as Box, score: 0.6, id: 'a' },
      { box: [1, 1, 10, 10] as Box, score: 0.9, id: 'b' },
      { box: [50, 50, 10, 10] as Box, score: 0.7, id: 'c' },
    ];
    expect(nms(items, 0.5).map((i) => i.id)).toEqual(['b', 'c']);
  });

  it('suppresses only within a group when asked (per-class NMS)', () => {
    const items = [
      { box: [0, 0, 10, 10] as Box, score: 0.9, cls: 'dog' },
      { box: [0, 0, 10, 10] as Box, score: 0.8, cls: 'cat' },
      { box: [1, 0, 10, 10] as Box, score: 0.7, cls: 'dog' },
    ];
    expect(nms(items, 0.5, (i) => i.cls).map((i) => i.cls)).toEqual(['dog', 'cat']);
  });

  it('is stable for equal scores', () => {
    const items = [
      { box: [0, 0, 10, 10] as Box, score: 0.5, id: 1 },
      { box: [0, 0, 10, 10] as Box, score: 0.5, id: 2 },
    ];
    expect(nms(items, 0.5).map((i) => i.id)).toEqual([1]);
  });
});

describe('CenterNet peak decoding', () => {
  // 2 classes on a 4×4 grid, stride 4
  const shape = { classes: 2, height: 4, width: 4, stride: 4 };
  const heat = new Float32Array(2 * 16);
  const wh = new Float32Array(4 * 16);
  heat[1 * 4 + 2] = 0.9; // class 0 peak at row 1, col 2
  heat[1 * 4 + 1] = 0.5; // its neighbour: not a peak
  heat[16 + 3 * 4 + 0] = 0.4; // class 1 peak at row 3, col 0
  const cell = 1 * 4 + 2;
  wh[cell] = 2; // left
  wh[16 + cell] = 3; // top
  wh[32 + cell] = 4; // right
  wh[48 + cell] = 5; // bottom

  it('finds local maxima per class and builds boxes from the four distances', () => {
    const peaks = decodeCenterNet(heat, wh, shape, 0.3);
    expect(peaks).toHaveLength(2);
    expect(peaks[0]).toEqual({
      classIndex: 0,
      score: expect.closeTo(0.9, 6),
      box: [8 - 2, 4 - 3, 8 + 4, 4 + 5],
    });
    expect(peaks[1].classIndex).toBe(1);
    expect(peaks[1].box).toEqual([0, 12, 0, 12]);
  });

  it('applies the threshold and the cap', () => {
    expect(decodeCenterNet(heat, wh, shape, 0.45)).toHaveLength(1);
    expect(decodeCenterNet(heat, wh, shape, 0.1, 1)).toHaveLength(1);
  });

  it('keeps equal neighbours (max-pool equality), like the original graph', () => {
    const h = new Float32Array(16);
    h[5] = 0.7;
    h[6] = 0.7;
    expect(decodeCenterNet(h, new Float32Array(64), { ...shape, classes: 1 }, 0.5)).toHaveLength(2);
  });

  it('rejects mismatched outputs', () => {
    expect(() => decodeCenterNet(new Float32Array(3), wh, shape, 0.3)).toThrow();
  });
});

describe('BlazeFace decoding', () => {
  it('builds 896 anchors: 16×16×2 at stride 16, then 8×8×6 at stride 32', () => {
    const a = blazefaceAnchors(256);
    expect(a.length).toBe(896 * 2);
    expect([a[0], a[1], a[2], a[3]]).toEqual([8, 8, 8, 8]);
    expect([a[4], a[5]]).toEqual([24, 8]);
    expect([a[1024], a[1025]]).toEqual([16, 16]); // first anchor of the second layer
    expect([a[1790], a[1791]]).toEqual([240, 240]);
  });

  it('decodes boxes and keypoints relative to their anchor', () => {
    const anchors = blazefaceAnchors(256);
    const logits = new Float32Array(896).fill(-10);
    const regs = new Float32Array(896 * 16);
    const i = 513; // second anchor of the 8×8 layer: centre (16, 16)
    logits[i] = 2;
    regs.set([4, -2, 20, 30, 1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0], i * 16);
    const faces = decodeBlazeFace(logits, regs, anchors, 0.5);
    expect(faces).toHaveLength(1);
    expect(faces[0].score).toBeCloseTo(1 / (1 + Math.exp(-2)), 9);
    expect(faces[0].box).toEqual([20 - 10, 14 - 15, 20 + 10, 14 + 15]);
    expect(faces[0].keypoints[0]).toEqual([17, 17]);
    expect(faces[0].keypoints[1]).toEqual([15, 15]);
  });
});

describe('face tiles', () => {
  it('does not tile small images', () => {
    expect(tileRects(600, 399)).toEqual([]);
  });

  it('covers a landscape photo with overlapping tiles', () => {
    const tiles = tileRects(1440, 1080, { grid: 2, overlap: 0.25, minShortSide: 400 });
    expect(tiles).toHaveLength(4);
    const right = Math.max(...tiles.map((t) => t[0] + t[2]));
    const bottom = Math.max(...tiles.map((t) => t[1] + t[3]));
    expect(right).toBeCloseTo(1440, 6);
    expect(bottom).toBeCloseTo(1080, 6);
    // neighbours overlap by a quarter of a tile
    expect(tiles[0][0] + tiles[0][2] - tiles[1][0]).toBeCloseTo(tiles[0][2] * 0.25, 6);
  });

  it('tiles the long axis of portrait photos', () => {
    const tiles = tileRects(1080, 1440, { grid: 2, overlap: 0.25, minShortSide: 400 });
    expect(tiles[0][3]).toBeGreaterThan(tiles[0][2]);
  });

  it('keeps only tiles overlapping people small enough to have tiny faces', () => {
    const tiles = tileRects(1440, 1080, { grid: 2, overlap: 0.25, minShortSide: 400 });
    expect(tilesForPeople(tiles, [], 1440)).toEqual([]);
    // a full-height person (portrait): the whole-photo pass sees the face
    expect(tilesForPeople(tiles, [[500, 0, 400, 1080]], 1440)).toEqual([]);
    // a small person in the top-left corner: only that tile
    expect(tilesForPeople(tiles, [[10, 10, 80, 200]], 1440)).toEqual([tiles[0]]);
    // a small person in the middle: every tile overlapping it
    expect(tilesForPeople(tiles, [[700, 500, 40, 100]], 1440)).toHaveLength(4);
  });

  it('flags boxes touching an inner tile edge only', () => {
    const tile: [number, number, number, number] = [500, 0, 500, 500];
    expect(touchesInnerEdge([501, 100, 50, 50], tile, 1000, 1000, 2)).toBe(true); // left edge is inside the image
    expect(touchesInnerEdge([940, 0, 60, 50], tile, 1000, 1000, 2)).toBe(false); // top/right are image borders
    expect(touchesInnerEdge([700, 460, 50, 50], tile, 1000, 1000, 2)).toBe(true); // bottom edge is inside
  });
});

describe('face quality and blur', () => {
  it('ramps each factor and multiplies them', () => {
    expect(faceQuality(200, 500, 0.95).overall).toBe(1);
    expect(faceQuality(10, 500, 0.95).overall).toBeCloseTo(0.05, 3);
    const mid = faceQuality(40, 500, 0.95).overall;
    expect(mid).toBeGreaterThan(0.4);
    expect(mid).toBeLessThan(0.6);
    expect(faceQuality(200, 5, 0.95).overall).toBeLessThan(0.1);
  });

  it('measures sharp edges as high Laplacian variance and flat images as zero', () => {
    const w = 20;
    const flat = new Float32Array(3 * w * w).fill(128);
    expect(laplacianVariance(flat, w, w)).toBe(0);
    const checker = new Float32Array(3 * w * w);
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < w * w; i++)
        checker[c * w * w + i] = ((i % w) + Math.floor(i / w)) % 2 ? 255 : 0;
    expect(laplacianVariance(checker, w, w)).toBeGreaterThan(10000);
  });
});

describe('labels and group tags', () => {
  it('lists the 80 COCO classes in heatmap order', () => {
    expect(COCO_LABELS).toHaveLength(80);
    expect(COCO_LABELS[0]).toBe('person');
    expect(COCO_LABELS[16]).toBe('dog');
    expect(COCO_LABELS[79]).toBe('toothbrush');
  });

  it('derives group tags', () => {
    expect(groupsForLabel('dog')).toEqual(['animal']);
    expect(groupsForLabel('car')).toEqual(['vehicle']);
    expect(groupsForLabel('pizza')).toEqual(['food']);
    expect(groupsForLabel('laptop')).toEqual(['electronics']);
    expect(groupsForLabel('fork')).toEqual(['kitchen']);
    expect(groupsForLabel('couch')).toEqual(['furniture']);
    expect(groupsForLabel('skis')).toEqual(['sports']);
    expect(groupsForLabel('unicorn')).toEqual([]);
  });

  it('puts every COCO class in exactly one group', () => {
    for (const label of COCO_LABELS) expect(groupsForLabel(label)).toHaveLength(1);
    const total = GROUP_TAGS.reduce((n, g) => n + labelsForGroup(g).length, 0);
    expect(total).toBe(80);
  });
});
