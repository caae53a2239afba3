// The Analyzer on awkward inputs with the real models: nothing found in flat images, no crash on
// tiny or extreme-aspect images, clear errors on malformed ones, and complete bookkeeping.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, emptyStageTimings, type Analyzer } from '../../src/ml/index.js';
import type { RawImage } from '../../src/media/types.js';
import { ensureModels } from './models.js';

const image = (w: number, h: number, f: (x: number, y: number) => number = () => 128): RawImage => {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) data.fill(f(x, y), (y * w + x) * 3, (y * w + x) * 3 + 3);
  return { data, width: w, height: h, channels: 3 };
};

describe('Analyzer', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    ensureModels();
    analyzer = await createAnalyzer();
  });
  afterAll(() => analyzer?.close());

  it('reports runtimes and model versions per stage', () => {
    expect(analyzer.runtimes).toEqual({
      objects: 'onnxruntime',
      faceDetect: 'onnxruntime',
      faceLandmarks: 'onnxruntime',
      faceEmbed: 'onnxruntime',
    });
    expect(analyzer.modelVersions.objects).toMatch(/^centernet@human-3\.3\.6\+conv\d+$/);
    expect(analyzer.modelVersions.faceDetect).toMatch(/^blazeface@human-3\.3\.6\+conv\d+$/);
    expect(analyzer.modelVersions.faceLandmarks).toMatch(
      /^faceLandmarks68@face-api-1\.7\.15\+conv\d+$/,
    );
    expect(analyzer.modelVersions.faceEmbed).toMatch(/^faceDescriptor@face-api-1\.7\.15\+conv\d+$/);
    expect(analyzer.resultVersions.objects).toMatch(/^objects\/\d+ centernet@/);
    expect(analyzer.resultVersions.faces).toMatch(
      /^faces\/\d+ blazeface@.* faceLandmarks68@.* faceDescriptor@/,
    );
  });

  it('finds nothing in flat or smoothly shaded images', async () => {
    for (const img of [image(800, 600), image(640, 480, (x) => Math.round((x / 639) * 255))]) {
      const r = await analyzer.analyze(img);
      expect(r.objects).toEqual([]);
      expect(r.faces).toEqual([]);
    }
  });

  it('copes with tiny and extreme-aspect images', async () => {
    for (const [w, h] of [
      [1, 1],
      [7, 3],
      [2000, 40],
      [40, 1440],
    ]) {
      const r = await analyzer.analyze(image(w, h, (x) => (x * 37) % 256));
      expect(Array.isArray(r.objects)).toBe(true);
      expect(Array.isArray(r.faces)).toBe(true);
    }
  });

  it('fills per-stage timings', async () => {
    const r = await analyzer.analyze(image(1440, 1080, (x, y) => (x ^ y) & 255));
    expect(Object.keys(r.timings).sort()).toEqual(Object.keys(emptyStageTimings()).sort());
    expect(r.timings.objectsMs).toBeGreaterThan(0);
    expect(r.timings.faceDetectMs).toBeGreaterThan(0);
    expect(r.timings.prepareMs).toBeGreaterThan(0);
  });

  it('rejects malformed RawImages with a clear message', async () => {
    await expect(
      analyzer.analyze({ data: new Uint8Array(10), width: 4, height: 4, channels: 3 }),
    ).rejects.toThrow(/does not match 4×4×3/);
  });

  it('throws once closed', async () => {
    const a = await createAnalyzer();
    await a.close();
    await expect(a.detectObjects(image(10, 10))).rejects.toThrow(/closed/);
  });
});
