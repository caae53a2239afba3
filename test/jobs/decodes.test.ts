// [Note: decode scales] in src/media/process.ts, as the pipeline table queues it: a photo of a
// folder without AI is decoded once, at the thumbnail's scale, in one task; the working-size
// decode is the AI stages' alone.

import { describe, expect, it } from 'vitest';
import { scanStages, stageNamed, VISIBLE_PRIORITY } from '../../src/jobs/pipeline.js';

describe('which decode each stage reads', () => {
  it('a photo of a folder without AI gets only file stages and visible-scale image stages, all in its visible step', () => {
    const stages = scanStages(false, 'photo');
    expect(stages.map((s) => s.name)).toEqual(
      expect.arrayContaining(['media', 'similarity', 'categories']),
    );
    for (const s of stages) {
      // Anything else would be a second, larger decode (the WORK_SIZE image) for this photo.
      if (s.needs === 'image') expect([s.name, s.input]).toEqual([s.name, 'visible']);
      // One task: the visible step is claimed on its own, before later work.
      expect([s.name, s.priority >= VISIBLE_PRIORITY]).toEqual([s.name, true]);
    }
  });

  it('the models and text stages keep the working-size image', () => {
    for (const name of ['objects', 'faces', 'paper-text', 'ocr']) {
      const s = stageNamed(name);
      expect(s?.needs).toBe('image');
      expect(s?.input ?? 'work').toBe('work');
      expect(s?.ai).toBe(true);
    }
  });
});
