// Running the built `picto` command as a user does: a child process of `node bin/picto.js`, timed
// from spawn to exit. The benchmark sections that compare Picto with its predecessor or measure
// start-up go through here, so what they time includes everything a user waits for.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PICTO_BIN = path.join(repoRoot, 'bin', 'picto.js');

export interface CliRun {
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `picto …args`; `onStderrLine` sees the progress lines as they come. */
export function spawnPicto(
  args: string[],
  opts: { env?: Record<string, string>; onStderrLine?: (line: string) => void } = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, [PICTO_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // A pipe, not a terminal: the CLI prints plain progress lines. TERM=dumb makes sure of it.
    env: { ...process.env, TERM: 'dumb', ...opts.env },
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    const text = d.toString();
    stderr += text;
    if (!opts.onStderrLine) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) opts.onStderrLine(l);
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      resolve({ seconds: (performance.now() - t0) / 1000, code, stdout, stderr }),
    );
  });
  return { child, done };
}

/** Runs `picto …args` to the end; throws with its stderr when it fails. */
export async function runPicto(args: string[], env?: Record<string, string>): Promise<CliRun> {
  const run = await spawnPicto(args, { env }).done;
  if (run.code !== 0) {
    throw new Error(`picto ${args.join(' ')} exited ${run.code}: ${run.stderr.slice(-2000)}`);
  }
  return run;
}

/** A throwaway folder for a data directory or an empty library, removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `picto-bench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Seconds of `picto add --wait [--no-ai] folder` into a fresh data directory, spawn to exit, and
 * the same for an empty folder: the difference is the work the photos cost, without the command's
 * start-up (node, modules, catalogue creation, worker threads) and shut-down.
 */
export async function timeAdd(
  folder: string,
  opts: { ai: boolean },
): Promise<{ seconds: number; emptySeconds: number }> {
  const scratch = scratchDir('add');
  try {
    const empty = path.join(scratch.dir, 'empty');
    mkdirSync(empty);
    const flags = ['add', '--wait', ...(opts.ai ? [] : ['--no-ai'])];
    const emptyRun = await runPicto([
      '--data',
      path.join(scratch.dir, 'data-empty'),
      ...flags,
      empty,
    ]);
    const run = await runPicto(['--data', path.join(scratch.dir, 'data'), ...flags, folder]);
    return { seconds: run.seconds, emptySeconds: emptyRun.seconds };
  } finally {
    scratch.remove();
  }
}
