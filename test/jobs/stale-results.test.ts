// A result that comes back for what a photo no longer is must not be written (issue 17: remote
// results can arrive long after the task left). The runner writes only the stages it still holds
// under its lease; a stage queued again meanwhile (the file changed) waits for its new run.
// Real photos and the real worker pool; the executor only holds results back until told.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import type { PhotoTask } from '../../src/jobs/task.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

const PHOTOS = ['objects/coco128/images/000000000009.jpg', 'exif/gps/DSCN0010.jpg'];

async function until(what: string, probe: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!hasCorpus)('results for a photo that changed meanwhile', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-stale-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('are dropped for the stages queued again, and written for the others', async () => {
    const lib = path.join(tmp, 'lib');
    mkdirSync(lib);
    for (const p of PHOTOS) copyFileSync(corpusPath(p), path.join(lib, path.basename(p)));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const started: PhotoTask[] = [];
    const picto = new Picto({
      dataDir: path.join(tmp, 'data'),
      workers: 1,
      executor: ({ local }) => ({
        get size() {
          return local!.size;
        },
        async run(task) {
          // The visible step (thumbnail, metadata) goes through; the AI work is held back.
          if (!task.stages.includes('objects')) return local!.run(task);
          started.push(task);
          const result = await local!.run(task);
          await gate;
          return result;
        },
        workers: () => [],
        queue: () => undefined,
        close: async () => undefined,
      }),
    });
    try {
      await picto.folders.add(lib);
      picto.runner.start();
      await picto.scan();
      // Both photos' AI work is out (one thread, one task queued behind it), after their
      // visible step ([Note: visible first] in src/jobs/pipeline.ts).
      await until('both tasks out', () => started.length === PHOTOS.length);
      // The one with things in it changes; the street photo is kept as it is.
      const changed = started.find((t) => t.path.endsWith('000000000009.jpg'))!.photoId;
      const kept = started.find((t) => t.photoId !== changed)!.photoId;
      expect(started[0].stages).toEqual(expect.arrayContaining(['objects', 'faces']));
      // The file "changed": the scan queues its objects stage again while the result is out.
      picto.repos.jobs.enqueue(changed, 'objects', new Date().toISOString());
      picto.runner.pause();
      open();
      const statusOf = (photoId: string, stage: string) =>
        picto.repos.jobs.stagesForPhoto(photoId).find((j) => j.stage === stage)?.status;
      await until('the other photo written', () => statusOf(kept, 'objects') === 'done');
      await until('the changed photo media written', () => statusOf(changed, 'media') === 'done');
      // The stale objects result was not written: the stage waits for its new run, no tags yet.
      expect(statusOf(changed, 'objects')).toBe('pending');
      expect(picto.repos.objects.objectsForPhoto(changed)).toEqual([]);
      picto.runner.resume();
      await picto.runner.drain();
      expect(statusOf(changed, 'objects')).toBe('done');
      // Run again on its own (text reading, a background stage, may follow).
      expect(started.filter((t) => t.photoId === changed).map((t) => t.stages)).toContainEqual([
        'objects',
      ]);
      expect(picto.repos.objects.objectsForPhoto(changed).length).toBeGreaterThan(0);
    } finally {
      await picto.close();
    }
  }, 300_000);
});
