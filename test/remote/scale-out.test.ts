// Scale-out (issue 17) with real processes: redis-server, `picto serve --queue` and `picto
// worker`, on corpus photos with AI on. The results must be those of a local run, whatever goes
// wrong on the way: workers killed or joining, Redis restarted empty, a wrong token, forged
// results, the primary killed and started again.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beat } from '../../src/remote/registry.js';
import { remoteStageVersions } from '../../src/remote/work-service.js';
import { JOB_NAME, type TaskJob } from '../../src/remote/jobs.js';
import type { WorkInfo } from '../../src/shared/work-api.js';
import { hasCorpus } from '../helpers/corpus.js';
import { freePort, startRedis, type TestRedis } from '../../bench/redis.js';
import { makeLibrary } from '../server/harness.js';
import {
  exportDoc,
  jobs,
  picto,
  run,
  scanDone,
  scanOpen,
  startServe,
  summary,
  waitFor,
  type Proc,
} from './harness.js';

const PHOTOS = [
  'faces/face_recognition/obama.jpg',
  'faces/face_recognition/obama2.jpg',
  'faces/face_recognition/obama3.jpg',
  'faces/face_recognition/biden.jpg',
  'faces/face_recognition/biden2.jpg',
  'faces/face_recognition/obama_and_biden.jpg',
  'faces/deepface/img1.jpg',
  'faces/deepface/img2.jpg',
  'faces/deepface/img4.jpg',
  'faces/deepface/img5.jpg',
  'objects/coco128/images/000000000009.jpg',
  'objects/coco128/images/000000000025.jpg',
  'exif/gps/DSCN0010.jpg',
  'exif/orientation/recurser/Portrait_6.jpg',
];

/** Every thumbnail and preview file under a data directory, by name, with its bytes. */
function derivedFiles(data: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(e.name, readFileSync(p));
    }
  };
  walk(path.join(data, 'thumbs'));
  return out;
}

async function peopleFaces(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/people`);
  const body = (await res.json()) as { people: { faceCount: number }[] };
  return body.people.reduce((n, p) => n + p.faceCount, 0);
}

/** Every photo's scan stages done, none open, and the people grouped as in the local run. */
async function allIndexed(port: number, what: string, peopleFaceCount: number): Promise<void> {
  await waitFor(
    what,
    async () => {
      const s = await jobs(port);
      return scanOpen(s) === 0 && scanDone(s) === PHOTOS.length;
    },
    300_000,
  );
  await waitFor('people clustered', async () => (await peopleFaces(port)) === peopleFaceCount);
}

describe.skipIf(!hasCorpus)('scale-out: remote workers through BullMQ on Redis', () => {
  let tmp: string;
  let lib: string;
  let redis: TestRedis;
  let reference: ReturnType<typeof summary>;
  let referenceFiles: Map<string, Buffer>;
  let referencePeopleFaces: number;
  const procs: Proc[] = [];
  const track = (p: Proc) => (procs.push(p), p);

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-remote-'));
    lib = makeLibrary(tmp, PHOTOS);
    redis = await startRedis({ password: 'pass word/1' });
    // The local run everything is compared with: this machine's worker threads only.
    const local = path.join(tmp, 'local');
    picto(local, '--workers', '2', 'add', lib, '--wait');
    reference = summary(exportDoc(local));
    referenceFiles = derivedFiles(local);
    referencePeopleFaces = exportDoc(local)
      .photos.flatMap((p) => p.faces)
      .filter((f) => f.personId).length;
    expect(reference.people.length).toBeGreaterThanOrEqual(2);
  }, 600_000);

  afterAll(async () => {
    for (const p of procs) await p.kill();
    await redis?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('two workers and --workers 0 give the tags, faces, people and thumbnails of a local run', async () => {
    const data = path.join(tmp, 'two');
    picto(data, 'add', lib);
    const port = await freePort();
    const primary = track(await startServe(data, port, 0, redis.url));
    expect(primary.output()).not.toContain('pass word');
    const token = picto(data, 'token').trim();
    const args = ['worker', '--queue', redis.url, '--server', `http://127.0.0.1:${port}`];
    const w1 = track(run([...args, '--token', token, '--concurrency', '1']));
    const w2 = track(run([...args, '--concurrency', '1'], { PICTO_TOKEN: token }));
    await allIndexed(port, 'the photos indexed by the two workers', referencePeopleFaces);

    const s = await jobs(port);
    const remote = s.workers.filter((w) => w.kind === 'remote' && w.online);
    expect(remote).toHaveLength(2);
    expect(s.workers.some((w) => w.kind === 'local')).toBe(false);
    // Both took a share; each photo once (text reading runs after, in the background).
    for (const w of remote) expect(w.done).toBeGreaterThan(0);
    expect(s.queue).toMatchObject({ state: 'connected', localWorkers: false });
    expect(s.queue!.url).not.toContain('pass word');
    const status = picto(data, 'status');
    expect(status).toMatch(/Queue: redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ \(connected\)/);
    expect(status).toMatch(/Workers:\n {2}\S+ \S+, 1 at a time: \d+ tasks done, 0 failed/);

    await primary.kill('SIGTERM');
    await w1.kill('SIGTERM');
    await w2.kill('SIGTERM');
    expect(summary(exportDoc(data))).toEqual(reference);
    // The derived files came back through the queue byte for byte.
    const files = derivedFiles(data);
    expect([...files.keys()].sort()).toEqual([...referenceFiles.keys()].sort());
    for (const [name, bytes] of referenceFiles)
      expect(files.get(name)!.equals(bytes), name).toBe(true);
  }, 600_000);

  it('survives a wrong token, forged results, a worker killed, a worker joining, Redis and the primary restarted', async () => {
    const data = path.join(tmp, 'faults');
    picto(data, 'add', lib);
    const port = await freePort();
    let primary = track(await startServe(data, port, 0, redis.url));
    const server = `http://127.0.0.1:${port}`;
    const token = picto(data, 'token').trim();
    const workerArgs = ['worker', '--queue', redis.url, '--server', server, '--token', token];

    // A worker with a wrong token is turned away before it takes a job, and the primary says so.
    const wrong = track(
      run(['worker', '--queue', redis.url, '--server', server, '--token', 'nope']),
    );
    expect(await wrong.exited).toBe(1);
    expect(wrong.output()).toMatch(/refused the access token.*picto token/s);
    expect((await jobs(port)).workers.some((w) => /access token/.test(w.error ?? ''))).toBe(true);

    // A forger: heartbeats like a worker, takes two jobs and answers with results for another
    // photo and of the wrong shape. Both are rejected and logged, and the photos are redone.
    const info = (await (
      await fetch(`${server}/api/work/info`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as WorkInfo;
    const conn = { host: '127.0.0.1', port: redis.port, password: 'pass word/1' };
    const client = new Redis({ ...conn, maxRetriesPerRequest: null });
    const forgerBeat = {
      id: 'forger:1:x',
      host: 'forger',
      pid: 1,
      concurrency: 1,
      stages: remoteStageVersions(),
      startedAt: new Date().toISOString(),
    };
    await beat(client, info.queue, forgerBeat);
    // Manual processing: exactly two jobs, answered with forged results, then nothing more.
    const forger = new Worker(info.queue, null, {
      connection: { ...conn, maxRetriesPerRequest: null },
      name: 'forger:1:x',
    });
    for (let forged = 1; forged <= 2; forged++) {
      const job = await waitFor('a job for the forger', () => forger.getNextJob('forger-token'));
      const data = job.data as TaskJob;
      const outcomes =
        forged === 1
          ? {}
          : { media: { ok: true, version: 'media@1', data: { metadata: 'lots' }, ms: 1 } };
      await job.moveToCompleted(
        {
          v: 1,
          photoId: forged === 1 ? 'ffffffffffffffff' : data.photoId,
          contentHash: data.contentHash,
          outcomes,
          ms: 1,
          files: {},
          fetched: 0,
        },
        'forger-token',
        false,
      );
    }
    await forger.close();
    await waitFor(
      'the forged results rejected',
      () => (primary.output().match(/rejected the result for photo/g)?.length ?? 0) >= 2,
    );
    expect(primary.output()).toMatch(/names photo ffffffffffffffff/);
    expect(primary.output()).toMatch(/media\.data\/\w+: /);
    const forgerInfo = (await jobs(port)).workers.find((w) => w.id === 'forger:1:x');
    expect(forgerInfo).toMatchObject({ done: 0 });
    expect(forgerInfo!.failed).toBeGreaterThanOrEqual(2);
    expect(forgerInfo!.error).toMatch(/rejected result/);
    await client.quit();

    // A real worker; killed -9 in the middle of a job.
    const first = track(run([...workerArgs, '--concurrency', '1']));
    await waitFor('a few photos done', async () => scanDone(await jobs(port)) >= 3, 300_000, 100);
    await first.kill('SIGKILL');
    // A new worker joins and picks up, including the job the killed one held.
    const second = track(run([...workerArgs, '--concurrency', '1']));
    await waitFor('more photos done', async () => scanDone(await jobs(port)) >= 6, 300_000, 200);
    // It stops (finishing what it holds), so the rest waits in Redis while Redis goes away below:
    // with a worker running, a fast machine could finish every photo first.
    await second.kill('SIGTERM');
    // The killed worker is listed as offline once its heartbeats stop.
    await waitFor('the killed worker shown offline', async () =>
      (await jobs(port)).workers.some((w) => w.id.includes(`:${first.child.pid}:`) && !w.online),
    );
    // Redis goes away while a job is out and comes back empty: the primary says so, reconnects
    // and publishes what it lost again.
    await waitFor(
      'a job in flight',
      async () => (await jobs(port)).stages.some((st) => st.running > 0),
      60_000,
      50,
    );
    await redis.restart();
    await waitFor('the primary reconnected', () => /is reachable again/.test(primary.output()));
    expect(primary.output()).toMatch(/queue redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ is unreachable/);
    await waitFor('the lost job published again', () =>
      /is no longer in Redis: publishing it again/.test(primary.output()),
    );
    // The primary is killed and started again on the same port; a worker takes the rest.
    await primary.kill('SIGKILL');
    primary = track(await startServe(data, port, 0, redis.url));
    const third = track(run([...workerArgs, '--concurrency', '1']));
    await allIndexed(port, 'every photo indexed', referencePeopleFaces);
    expect(primary.output()).not.toContain('pass word');
    await primary.kill('SIGTERM');
    await third.kill('SIGTERM');

    // Every photo indexed once: the same photos, tags, faces and people as the local run, no
    // stage left failed, no result written twice (the face and tag lists would be longer).
    expect(summary(exportDoc(data))).toEqual(reference);
    const failed = JSON.parse(picto(data, 'status', '--json')) as { jobs: { failed: number }[] };
    expect(failed.jobs.every((j) => j.failed === 0)).toBe(true);
    expect(existsSync(path.join(data, 'thumbs'))).toBe(true);
  }, 900_000);

  it('Redis unreachable: the primary indexes on its own threads, says so, and reconnects later', async () => {
    const data = path.join(tmp, 'alone');
    const small = makeLibrary(tmp, PHOTOS.slice(10), 'small');
    picto(data, 'add', small);
    const deadPort = await freePort();
    const port = await freePort();
    const primary = track(await startServe(data, port, 1, `redis://127.0.0.1:${deadPort}`));
    await waitFor(
      'indexed locally',
      async () => {
        const s = await jobs(port);
        return scanOpen(s) === 0 && scanDone(s) === 4;
      },
      300_000,
    );
    const s = await jobs(port);
    expect(s.queue).toMatchObject({ state: 'unreachable', localWorkers: true });
    expect(s.workers.find((w) => w.kind === 'local')?.done).toBeGreaterThanOrEqual(4);
    expect(picto(data, 'status')).toMatch(/unreachable since .*indexing on this machine meanwhile/);
    // Redis comes up where the primary expects it: it connects and says so.
    const late = await startRedis({ port: deadPort });
    try {
      await waitFor(
        'connected',
        async () => (await jobs(port)).queue?.state === 'connected',
        60_000,
      );
    } finally {
      await late.stop();
    }
    await primary.kill('SIGTERM');
  }, 600_000);
  it('a worker refuses a job of other stage versions, says why and stops', async () => {
    const data = path.join(tmp, 'versions');
    const port = await freePort();
    const primary = track(await startServe(data, port, 1, redis.url));
    const server = `http://127.0.0.1:${port}`;
    const token = picto(data, 'token').trim();
    const info = (await (
      await fetch(`${server}/api/work/info`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as WorkInfo;
    // As a primary of another build would publish it (nothing else is in the queue).
    const queue = new Queue(info.queue, {
      connection: { host: '127.0.0.1', port: redis.port, password: 'pass word/1' },
    });
    const job: TaskJob = {
      v: 1,
      photoId: '0123456789abcdef',
      contentHash: 'ab'.repeat(32),
      stages: [{ name: 'objects', version: 'objects/0 older' }],
      width: null,
      height: null,
    };
    await queue.add(JOB_NAME, job, { jobId: 'other-versions' });
    const worker = track(
      run(['worker', '--queue', redis.url, '--server', server, '--token', token]),
    );
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(
      /runs other stage versions than this job asks for \(objects: job "objects\/0 older", worker "[^"]+"\): refused; install the same Picto version/,
    );
    // Failed, never completed with results of other models; the primary lists why.
    expect(await queue.getJobState('other-versions')).toBe('failed');
    await waitFor('the refusal listed', async () =>
      (await jobs(port)).workers.some((w) => /other stage versions/.test(w.error ?? '')),
    );
    await queue.close();
    await primary.kill('SIGTERM');
  }, 120_000);
});
