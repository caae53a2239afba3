// Real processes for the scale-out tests: the built CLI (bin/picto.js) as primary (`serve
// --queue`) and as workers (`picto worker`), their output kept for the assertions.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ExportDocument } from '../../src/interchange/export-types.js';
import type { JobsStatus } from '../../src/shared/api.js';
import { repoRoot } from '../helpers/corpus.js';

export const cli = path.join(repoRoot, 'bin', 'picto.js');

/** Locks of 3 s: a killed worker's job goes to another one within seconds, not half a minute. */
const ENV = { ...process.env, PICTO_QUEUE_LOCK_MS: '3000', PICTO_ML_THREADS: '1' };

export function picto(data: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [cli, '--data', data, ...args], {
    encoding: 'utf8',
    env: ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`picto ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export function exportDoc(data: string): ExportDocument {
  return JSON.parse(picto(data, 'export', '--json')) as ExportDocument;
}

export interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export function run(args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return {
    child,
    output: () => out,
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 120_000,
  everyMs = 300,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Starts `picto --workers N serve --queue URL` and waits until it answers. */
export async function startServe(
  data: string,
  port: number,
  workers: number,
  queue: string,
): Promise<Proc> {
  const p = run([
    '--data',
    data,
    '--workers',
    String(workers),
    'serve',
    '--port',
    String(port),
    '--no-scan',
    '--queue',
    queue,
  ]);
  await waitFor(
    `the primary on port ${port}`,
    async () => {
      if (p.child.exitCode !== null) throw new Error(`serve exited: ${p.output()}`);
      return (await fetch(`http://127.0.0.1:${port}/api/system`)).ok;
    },
    60_000,
  );
  return p;
}

export async function jobs(port: number): Promise<JobsStatus> {
  return (await (await fetch(`http://127.0.0.1:${port}/api/jobs`)).json()) as JobsStatus;
}

/** Photos whose scan stages are all done (media is done for as many photos as are ready). */
export function scanDone(s: JobsStatus): number {
  const scan = s.stages.filter((st) =>
    ['media', 'objects', 'faces', 'similarity'].includes(st.stage),
  );
  return Math.min(...scan.map((st) => st.done));
}

export function scanOpen(s: JobsStatus): number {
  return s.stages
    .filter((st) => ['media', 'objects', 'faces', 'similarity'].includes(st.stage))
    .reduce((n, st) => n + st.pending + st.running, 0);
}

/** Per photo (by file name): what the comparison with a local run looks at. */
export function summary(doc: ExportDocument) {
  const byName = new Map<string, unknown>();
  const faceKey = new Map<string, string>();
  for (const p of doc.photos) {
    const name = path.basename(p.paths[0]);
    const faces = p.faces.map((f) => {
      const key = `${name}@${f.box.map((v) => Math.round(v)).join(',')}`;
      faceKey.set(f.id, key);
      return { key, score: f.score, quality: f.quality };
    });
    byName.set(name, {
      contentHash: p.contentHash,
      status: p.status,
      width: p.width,
      height: p.height,
      takenAt: p.takenAt,
      takenAtSource: p.takenAtSource,
      camera: p.camera,
      gps: p.gps,
      tags: p.tags,
      faces,
      // Derived on the primary from the remote workers' pixel statistics, faces, tags and text.
      categories: p.categories,
    });
  }
  // People as a partition of faces: ids differ between catalogues, the grouping must not.
  const groups = new Map<number, string[]>();
  for (const p of doc.photos)
    for (const f of p.faces) {
      if (!f.personId) continue;
      const list = groups.get(f.personId) ?? [];
      list.push(faceKey.get(f.id)!);
      groups.set(f.personId, list);
    }
  const people = [...groups.values()].map((g) => g.sort().join(' | ')).sort();
  return { photos: Object.fromEntries([...byName].sort(([a], [b]) => a.localeCompare(b))), people };
}
