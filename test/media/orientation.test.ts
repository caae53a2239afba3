// Orientation judged on pixels, not tags: every rotated/mirrored file of the orientation sets must
// come out looking like its upright reference, and clearly unlike any wrong turn of it.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { closeMedia, loadOrientedImage, processMedia } from '../../src/media/index.js';
import { orientRawImage } from '../../src/media/orientation.js';
import { decodeRgb, uprightVerdict } from './pixels.js';

const exif = (...p: string[]) => corpusPath('exif', ...p);

interface Case {
  file: string;
  reference: string;
}

const cases: Case[] = [];
for (const kind of ['Landscape', 'Portrait']) {
  for (let o = 1; o <= 8; o++) {
    cases.push({
      file: `orientation/recurser/${kind}_${o}.jpg`,
      reference: `orientation/recurser/${kind}_0.jpg`,
    });
  }
}
for (const kind of ['landscape', 'portrait']) {
  for (let o = 2; o <= 8; o++) {
    cases.push({
      file: `orientation/ianare/${kind}_${o}.jpg`,
      reference: `orientation/ianare/${kind}_1.jpg`,
    });
  }
}
for (let o = 2; o <= 8; o++) {
  for (const ext of ['jpg', 'webp']) {
    cases.push({
      file: `orientation/pillow/hopper_orientation_${o}.${ext}`,
      reference: 'formats/pillow/hopper.jpg',
    });
  }
}

describe.skipIf(!hasCorpus)('thumbnails are upright', () => {
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-orient-'));
  const verdicts: { file: string; diff: number; nearestWrong: number }[] = [];
  afterAll(async () => {
    const fmt = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
    console.log(
      `orientation: ${verdicts.length} files, mean abs diff to upright ${fmt(verdicts.map((v) => v.diff))}/255, ` +
        `to the nearest wrong turn ${fmt(verdicts.map((v) => v.nearestWrong))}/255`,
    );
    await closeMedia();
    rmSync(thumbDir, { recursive: true, force: true });
  });

  it.each(cases)('$file', async ({ file, reference }) => {
    const result = await processMedia({
      path: exif(file),
      contentHash: `orient-${file.replace(/[^A-Za-z0-9]/g, '_')}`,
      thumbDir,
    });
    const thumb = await decodeRgb(path.join(thumbDir, result.thumb!.file));
    const ref = await decodeRgb(exif(reference));
    const { diff, nearestWrong } = await uprightVerdict(thumb, ref);
    verdicts.push({ file, diff, nearestWrong });
    expect(
      diff,
      `diff to upright ${diff.toFixed(1)}, nearest wrong ${nearestWrong.toFixed(1)}`,
    ).toBeLessThan(10);
    expect(diff * 2).toBeLessThan(nearestWrong);
    // the displayed size in the metadata matches the thumbnail's shape
    expect(result.metadata.width! > result.metadata.height!).toBe(thumb.width > thumb.height);
  });

  it('orientRawImage (the RAW-preview path) turns the recurser set upright too', async () => {
    for (const kind of ['Landscape', 'Portrait']) {
      const ref = await decodeRgb(exif(`orientation/recurser/${kind}_0.jpg`));
      for (let o = 2; o <= 8; o++) {
        // sharp without .rotate() gives the stored pixels; our transform must do what autoOrient does
        const stored = await decodeRgb(
          await sharp(exif(`orientation/recurser/${kind}_${o}.jpg`)).toBuffer(),
        );
        const { diff, nearestWrong } = await uprightVerdict(orientRawImage(stored, o), ref);
        expect(diff, `${kind}_${o}`).toBeLessThan(10);
        expect(diff * 2, `${kind}_${o}`).toBeLessThan(nearestWrong);
      }
    }
  });

  it('loadOrientedImage gives the same upright pixels as processMedia', async () => {
    const img = await loadOrientedImage(exif('orientation/recurser/Portrait_6.jpg'));
    expect([img.width, img.height]).toEqual([889, 1333]); // WORK_SIZE, the AI stages' decode
    const ref = await decodeRgb(exif('orientation/recurser/Portrait_0.jpg'));
    expect((await uprightVerdict(img, ref)).diff).toBeLessThan(10);
  });
});
