// Object tags at the shipped threshold on corpus/objects (170 photos, COCO ground truth):
// image-level precision and recall of the tag set, overall and for `person`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus } from '../helpers/corpus.js';
import { decodeCorpus, objectsGroundTruth } from './corpus-images.js';
import {
  createAnalyzer,
  groupsForLabel,
  OBJECT_THRESHOLD,
  type Analyzer,
} from '../../src/ml/index.js';
import { ensureModels } from './models.js';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

describe.skipIf(!hasCorpus)('object tags on corpus/objects', () => {
  let analyzer: Analyzer;
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const person: Counts = { tp: 0, fp: 0, fn: 0 };
  let photos = 0;

  beforeAll(async () => {
    ensureModels();
    analyzer = await createAnalyzer();
    for (const [file, gt] of Object.entries(objectsGroundTruth())) {
      const truth = new Set(gt.classes ?? Object.keys(gt.counts ?? {}));
      const objects = await analyzer.detectObjects(
        await decodeCorpus('objects', ...file.split('/')),
      );
      const tags = new Set(objects.map((o) => o.label));
      for (const t of tags) {
        if (truth.has(t)) all.tp++;
        else all.fp++;
      }
      for (const t of truth) if (!tags.has(t)) all.fn++;
      if (tags.has('person') && truth.has('person')) person.tp++;
      else if (tags.has('person')) person.fp++;
      else if (truth.has('person')) person.fn++;
      photos++;
    }
    const p = (c: Counts) => c.tp / (c.tp + c.fp);
    const r = (c: Counts) => c.tp / (c.tp + c.fn);
    console.log(
      `objects @${OBJECT_THRESHOLD}: ${photos} photos, tags P ${(100 * p(all)).toFixed(1)} % R ${(100 * r(all)).toFixed(1)} %; ` +
        `person P ${(100 * p(person)).toFixed(1)} % R ${(100 * r(person)).toFixed(1)} %`,
    );
  }, 600_000);
  afterAll(() => analyzer?.close());

  it('covers the whole set', () => {
    expect(photos).toBe(170);
  });

  it('tags with precision ≥ 0.85 and recall ≥ 0.60', () => {
    expect(all.tp / (all.tp + all.fp)).toBeGreaterThanOrEqual(0.85);
    expect(all.tp / (all.tp + all.fn)).toBeGreaterThanOrEqual(0.6);
  });

  it('tags people with precision ≥ 0.95 and recall ≥ 0.90', () => {
    expect(person.tp / (person.tp + person.fp)).toBeGreaterThanOrEqual(0.95);
    expect(person.tp / (person.tp + person.fn)).toBeGreaterThanOrEqual(0.9);
  });

  it('returns boxes inside the photo, scores ≥ the threshold, and known group tags', async () => {
    const img = await decodeCorpus('objects', 'ultralytics', 'bus.jpg');
    const objects = await analyzer.detectObjects(img);
    expect(objects.map((o) => o.label)).toContain('bus');
    expect(objects.filter((o) => o.label === 'person').length).toBeGreaterThanOrEqual(3);
    for (const o of objects) {
      expect(o.score).toBeGreaterThanOrEqual(OBJECT_THRESHOLD);
      expect(o.box[0]).toBeGreaterThanOrEqual(0);
      expect(o.box[1]).toBeGreaterThanOrEqual(0);
      expect(o.box[0] + o.box[2]).toBeLessThanOrEqual(img.width + 1e-6);
      expect(o.box[1] + o.box[3]).toBeLessThanOrEqual(img.height + 1e-6);
      expect(groupsForLabel(o.label).length).toBe(1);
    }
  });
});
