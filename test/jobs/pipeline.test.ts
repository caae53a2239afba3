import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { PIPELINE, stageNamed } from '../../src/jobs/pipeline.js';
import { thumbnailPaths } from '../../src/media/index.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

const withFaces = ['faces/face_recognition/two_people.jpg', 'faces/face_recognition/obama.jpg'];
const noAi = ['exif/gps/DSCN0010.jpg'];

/** The progress counters kept by triggers agree with the jobs themselves. */
function expectJobCountsTrue(db: { prepare(sql: string): { all(): unknown[] } }): void {
  const kept = db
    .prepare('SELECT stage, status, n FROM job_counts WHERE n != 0 ORDER BY stage, status')
    .all();
  const actual = db
    .prepare(
      'SELECT stage, status, COUNT(*) AS n FROM jobs GROUP BY stage, status ORDER BY stage, status',
    )
    .all();
  expect(kept).toEqual(actual);
}

describe.skipIf(!hasCorpus)('indexing pipeline with AI stages', () => {
  let tmp: string;
  let picto: Picto;
  let aiDir: string;
  let plainDir: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-pipeline-'));
    aiDir = path.join(tmp, 'people');
    plainDir = path.join(tmp, 'plain');
    mkdirSync(aiDir);
    mkdirSync(plainDir);
    for (const p of withFaces) copyFileSync(corpusPath(p), path.join(aiDir, path.basename(p)));
    for (const p of noAi) copyFileSync(corpusPath(p), path.join(plainDir, path.basename(p)));
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 2 });
    await picto.folders.add(aiDir);
    const plain = await picto.folders.add(plainDir);
    picto.folders.setAi(plain.folder.id, false);
    await picto.scan();
    picto.runner.start();
    await picto.runner.drain();
  }, 300_000);

  afterAll(async () => {
    await picto?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const photoAt = (dir: string, name: string) =>
    picto.repos.photos.get(picto.repos.locations.byPath(path.join(dir, name))!.photo_id)!;

  it('runs media, objects and faces, with boxes in displayed-photo pixels', () => {
    const two = photoAt(aiDir, 'two_people.jpg');
    expect(two.status).toBe('ready');
    const faces = picto.repos.faces.facesForPhoto(two.id);
    expect(faces).toHaveLength(2);
    for (const f of faces) {
      expect(f.x + f.w).toBeLessThanOrEqual(two.width! + 1);
      expect(f.y + f.h).toBeLessThanOrEqual(two.height! + 1);
      expect(f.embedding.byteLength).toBe(128 * 4);
    }
    const labels = picto.repos.objects.objectsForPhoto(two.id).map((o) => o.label);
    expect(labels).toContain('person');
    const thumbs = thumbnailPaths(picto.layout.thumbs, two.content_hash);
    expect(existsSync(thumbs.thumb)).toBe(true);
  });

  it('makes no preview file for a JPEG: its preview is the original', async () => {
    const two = photoAt(aiDir, 'two_people.jpg');
    expect(existsSync(thumbnailPaths(picto.layout.thumbs, two.content_hash).preview)).toBe(false);
    expect(Math.min(two.thumb_width!, two.thumb_height!)).toBeLessThanOrEqual(300);
    const preview = await picto.gallery.image(two.id, 'preview');
    expect(preview).toMatchObject({ path: path.join(aiDir, 'two_people.jpg'), mime: 'image/jpeg' });
    const details = picto.gallery.details(two.id);
    expect(details.previewUrl).not.toBeNull();
    expect([details.previewWidth, details.previewHeight]).toEqual([two.width, two.height]);
  });

  it('skips AI for folders with AI switched off', () => {
    const plain = photoAt(plainDir, 'DSCN0010.jpg');
    expect(plain.status).toBe('ready');
    const stages = picto.repos.jobs.stagesForPhoto(plain.id).map((j) => j.stage);
    expect(stages).toContain('media');
    expect(stages.filter((s) => stageNamed(s)?.ai)).toEqual([]);
  });

  it('re-runs exactly the photos an older model version produced, keeping face ids', async () => {
    const obama = photoAt(aiDir, 'obama.jpg');
    const two = photoAt(aiDir, 'two_people.jpg');
    const faceIds = picto.repos.faces.facesForPhoto(obama.id).map((f) => f.id);
    picto.repos.db
      .prepare(`UPDATE jobs SET version = 'faces/0 old' WHERE photo_id = ? AND stage = 'faces'`)
      .run(obama.id);
    picto.repos.db.prepare('UPDATE faces SET person_id = 7 WHERE photo_id = ?').run(obama.id);
    const core = (j: { stage: string }) => ['media', 'objects', 'faces'].includes(j.stage);
    const before = picto.repos.jobs
      .stagesForPhoto(two.id)
      .filter(core)
      .map((j) => j.updated_at);
    const objectsBefore = picto.repos.jobs
      .stagesForPhoto(obama.id)
      .find((j) => j.stage === 'objects')!.updated_at;

    await picto.runner.stop();
    const again = new Picto({ dataDir: picto.layout.root, workers: 1 });
    try {
      again.runner.start();
      await again.runner.drain();
      const jobs = again.repos.jobs.stagesForPhoto(obama.id);
      expect(jobs.every((j) => j.status === 'done')).toBe(true);
      expect(jobs.find((j) => j.stage === 'faces')!.version).toBe(PIPELINE.faces.version);
      expect(jobs.find((j) => j.stage === 'objects')!.updated_at).toBe(objectsBefore);
      const after = again.repos.jobs
        .stagesForPhoto(two.id)
        .filter(core)
        .map((j) => j.updated_at);
      expect(after).toEqual(before);
      const faces = again.repos.faces.facesForPhoto(obama.id);
      expect(faces.map((f) => f.id)).toEqual(faceIds);
      expect(faces.every((f) => f.person_id === 7)).toBe(true);
      expectJobCountsTrue(again.repos.db);
    } finally {
      await again.close();
    }
  });
});
