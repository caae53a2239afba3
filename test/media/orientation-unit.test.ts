import { describe, expect, it } from 'vitest';

import {
  displayedSize,
  normalizeOrientation,
  orientRawImage,
  swapsAxes,
} from '../../src/media/orientation.js';
import type { RawImage } from '../../src/media/types.js';

/** 3×2 image whose pixel value encodes its stored position: R = 10·x + y. */
function labelled(): RawImage {
  const W = 3;
  const H = 2;
  const data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[(y * W + x) * 3] = 10 * x + y;
  return { data, width: W, height: H, channels: 3 };
}

/** The R channel as rows, for readable expectations. */
function rows(img: RawImage): number[][] {
  return Array.from({ length: img.height }, (_, y) =>
    Array.from({ length: img.width }, (_, x) => img.data[(y * img.width + x) * 3]),
  );
}

describe('orientation helpers', () => {
  it('normalises tags', () => {
    expect(normalizeOrientation(6)).toBe(6);
    expect(normalizeOrientation('8')).toBe(8);
    for (const bad of [0, 9, -1, 1.5, null, undefined, 'x'])
      expect(normalizeOrientation(bad)).toBeNull();
  });

  it('swaps width and height for 5–8 only', () => {
    for (const o of [1, 2, 3, 4, null]) expect(swapsAxes(o)).toBe(false);
    for (const o of [5, 6, 7, 8]) expect(swapsAxes(o)).toBe(true);
    expect(displayedSize(4032, 3024, 6)).toEqual({ width: 3024, height: 4032 });
    expect(displayedSize(4032, 3024, 3)).toEqual({ width: 4032, height: 3024 });
  });
});

describe('orientRawImage', () => {
  // stored:  [ 0 10 20 ]
  //          [ 1 11 21 ]
  it.each([
    [
      1,
      [
        [0, 10, 20],
        [1, 11, 21],
      ],
    ],
    [
      2,
      [
        [20, 10, 0],
        [21, 11, 1],
      ],
    ], // mirror left-right
    [
      3,
      [
        [21, 11, 1],
        [20, 10, 0],
      ],
    ], // rotate 180
    [
      4,
      [
        [1, 11, 21],
        [0, 10, 20],
      ],
    ], // mirror top-bottom
    [
      5,
      [
        [0, 1],
        [10, 11],
        [20, 21],
      ],
    ], // transpose
    [
      6,
      [
        [1, 0],
        [11, 10],
        [21, 20],
      ],
    ], // rotate 90 CW
    [
      7,
      [
        [21, 20],
        [11, 10],
        [1, 0],
      ],
    ], // transverse
    [
      8,
      [
        [20, 21],
        [10, 11],
        [0, 1],
      ],
    ], // rotate 90 CCW
  ])('orientation %i', (o, expected) => {
    expect(rows(orientRawImage(labelled(), o))).toEqual(expected);
  });

  it('keeps all three channels together', () => {
    const img: RawImage = {
      data: new Uint8Array([1, 2, 3, 4, 5, 6]),
      width: 2,
      height: 1,
      channels: 3,
    };
    expect(Array.from(orientRawImage(img, 6).data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(orientRawImage(img, 2).data)).toEqual([4, 5, 6, 1, 2, 3]);
  });
});
