// The routes remote workers use (issue 17): the token is needed even over loopback, the original
// goes out only for the content hash its job was published for, bad requests are 4xx with a
// message. No Redis: these routes are in every server.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE } from '../../src/jobs/pipeline.js';
import type { WorkInfo } from '../../src/shared/work-api.js';
import { hasCorpus } from '../helpers/corpus.js';
import { run } from '../remote/harness.js';
import { indexLibrary, startGallery, type Gallery } from './harness.js';

describe.skipIf(!hasCorpus)('API: /api/work for remote workers', () => {
  let g: Gallery;
  let id: string;
  let hash: string;
  let file: string;
  const auth = () => ({ authorization: `Bearer ${g.picto.accessToken()}` });

  beforeAll(async () => {
    g = await startGallery({ photos: ['exif/gps/DSCN0010.jpg'] });
    await indexLibrary(g);
    file = path.join(g.lib, 'DSCN0010.jpg');
    id = g.picto.repos.locations.byPath(file)!.photo_id;
    hash = g.picto.repos.photos.get(id)!.content_hash;
  }, 120_000);
  afterAll(async () => g?.close());

  it('needs the token, even from this machine, and lists a wrong one with the workers', async () => {
    const none = await fetch(`${g.url}/api/work/info`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect(((await none.json()) as { message: string }).message).toMatch(/picto token/);
    const wrong = await fetch(`${g.url}/api/work/${id}/original?hash=${hash}`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    const jobs = (await (await fetch(`${g.url}/api/jobs`)).json()) as {
      workers: { id: string; error?: string; concurrency: number }[];
    };
    const refused = jobs.workers.find((w) => w.id.startsWith('refused@'));
    expect(refused).toMatchObject({ concurrency: 0 });
    expect(refused!.error).toMatch(/access token/);
  });

  it('tells a worker the queue and the versions it writes', async () => {
    const res = await fetch(`${g.url}/api/work/info`, { headers: auth() });
    expect(res.status).toBe(200);
    const info = (await res.json()) as WorkInfo;
    expect(info.queue).toMatch(/^picto-[0-9a-f]+$/);
    expect(info.stages.objects).toBe(PIPELINE.objects.version);
    expect(info.stages.semantic).toBeUndefined(); // runs only on the primary
    // Started without --queue: it publishes nothing, and a worker says so instead of idling.
    expect(info.publishing).toBe(false);
    // (A child process: this one serves the API the worker asks.)
    const worker = run([
      'worker',
      '--queue',
      'redis://:secret@127.0.0.1:1',
      '--server',
      g.url,
      '--token',
      g.picto.accessToken(),
    ]);
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/publishes no jobs: it was started without a queue/);
    expect(worker.output()).toContain('picto serve --queue redis://:***@127.0.0.1:1');
  }, 90_000);

  it('sends the original for its content hash only', async () => {
    const res = await fetch(`${g.url}/api/work/${id}/original?hash=${hash}`, { headers: auth() });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(file))).toBe(true);
    expect(decodeURIComponent(res.headers.get('x-picto-name')!)).toBe('DSCN0010.jpg');
    expect(Number(res.headers.get('x-picto-mtime'))).toBeGreaterThan(0);

    const changed = await fetch(`${g.url}/api/work/${id}/original?hash=${'0'.repeat(64)}`, {
      headers: auth(),
    });
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { message: string }).message).toMatch(/changed since/);
    const bad = await fetch(`${g.url}/api/work/${id}/original?hash=../x`, { headers: auth() });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${g.url}/api/work/ffffffffffffffff/original?hash=${hash}`, {
      headers: auth(),
    });
    expect(unknown.status).toBe(404);
  });
});
