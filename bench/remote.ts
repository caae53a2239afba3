// Issue 17: indexing through the queue. The primary runs in this process with no worker threads
// of its own (`--workers 0`), its API on loopback; `picto worker` processes take the photos
// through a real redis-server and fetch the originals over HTTP. Same photos, same stages and the
// same clock as indexRate (ingest.ts): from the scan to the last scan-queue stage applied.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Picto } from '../src/app/picto.js';
import type { Primary } from '../src/remote/primary.js';
import { startPrimary } from '../src/remote/primary.js';
import type { Traffic } from '../src/remote/publisher.js';
import { createServer } from '../src/server/server.js';
import { startRedis } from './redis.js';
import type { RateResult } from './ingest.js';

export interface RemoteRate extends RateResult {
  remoteWorkers: number;
  traffic: Traffic;
}

async function until(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `remoteWorkers` processes of `picto worker --concurrency 1` (the CLI at `cli`). */
export async function remoteRate(
  files: string[],
  remoteWorkers: number,
  cli: string,
): Promise<RemoteRate> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-bench-remote-'));
  const lib = path.join(tmp, 'library');
  mkdirSync(lib);
  for (const f of files) symlinkSync(f, path.join(lib, path.basename(f)));
  const redis = await startRedis();
  let primary: Primary | undefined;
  const picto = new Picto({
    dataDir: path.join(tmp, 'data'),
    workers: 0,
    executor: (parts) => (primary = startPrimary(parts, { url: redis.url, log: () => undefined })),
  });
  const children: ChildProcess[] = [];
  const server = await createServer(picto, { port: 0, indexing: false });
  try {
    const folder = (await picto.folders.add(lib)).folder;
    picto.folders.setAi(folder.id, true);
    picto.runner.start();
    for (let i = 0; i < remoteWorkers; i++) {
      const child = spawn(
        process.execPath,
        [
          cli,
          'worker',
          '--queue',
          redis.url,
          '--server',
          server.url,
          '--token',
          picto.accessToken(),
          '--concurrency',
          '1',
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      children.push(child);
    }
    // Every worker has said hello (models checked, versions agreed) before the clock starts.
    await until('the remote workers', () => primary!.remote.capacity() >= remoteWorkers, 60_000);
    const t0 = performance.now();
    await picto.scan();
    await picto.runner.drain();
    const seconds = (performance.now() - t0) / 1000;
    const stats = picto.repos.photos.countByStatus();
    if (stats.ready !== files.length)
      throw new Error(
        `remote indexing ended with ${stats.ready}/${files.length} photos ready (${JSON.stringify(stats)})`,
      );
    return {
      photos: files.length,
      seconds,
      photosPerSecond: files.length / seconds,
      remoteWorkers,
      traffic: { ...primary!.remote.traffic },
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
    );
    await server.close();
    await picto.close();
    await redis.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
