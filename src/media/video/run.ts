// One ffmpeg/ffprobe run under limits: a wall-clock deadline after which it is killed, a CPU-time
// and an address-space limit set by the kernel (they hold even if this process dies and the child is
// orphaned), optional lower priority, cancellation, and a cap on what it may print.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';

import { mediaError } from '../errors.js';

export interface RunOptions {
  /** for messages: "reading the video's streams", "transcoding" */
  what: string;
  /** killed (SIGKILL) after this long; the call then throws MediaError 'timeout' */
  timeoutMs: number;
  signal?: AbortSignal;
  /** niceness to run at (0–19); unset keeps the caller's thread's (workers run at 10 in the server) */
  nice?: number;
  /** address-space limit (ulimit -v) in MiB; default DEFAULT_MEMORY_MB */
  memoryMb?: number;
  /** stdout beyond this many bytes kills the run with 'too-large' (default 64 MiB) */
  maxStdoutBytes?: number;
  /** streams stdout instead of collecting it (`stdout` in the result is then empty) */
  onStdout?: (chunk: Buffer) => void;
  /** the child's process id once it is started (the tool's own: the shell execs it) */
  onSpawn?: (pid: number) => void;
}

export interface RunResult {
  stdout: Buffer;
  /** the last STDERR_KEEP bytes of stderr, for messages */
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/**
 * [Note: ffmpeg limits] ffmpeg parses hostile files. Every run gets a wall-clock deadline (SIGKILL,
 * then a 'timeout' MediaError) and, through `/bin/sh -c 'ulimit …; exec …'`, an RLIMIT_AS and an
 * RLIMIT_CPU set by the kernel: a decoder that allocates without bound fails its allocation instead
 * of swapping the machine, and a child orphaned by a crash of this process still stops once its CPU
 * budget (2 cores × the deadline) is spent. Measured peaks: a 1080p HEVC→H.264 transcode ~0.9–1.0
 * GB of address space (250–290 MB resident), a 1080p frame grab ~0.9 GB (110 MB resident), so the
 * default 3 GiB leaves room for 4K/8K sources without letting one file take the machine.
 */
export const DEFAULT_MEMORY_MB = 3072;
const STDERR_KEEP = 16 * 1024;
const SHELL = '/bin/sh';
const LIMITED = 'ulimit -v "$1" 2>/dev/null; ulimit -t "$2" 2>/dev/null; shift 2; exec "$@"';

export async function runTool(
  binary: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  if (options.signal?.aborted) throw abortError(options.what);
  const memoryKb = Math.round((options.memoryMb ?? DEFAULT_MEMORY_MB) * 1024);
  const cpuSeconds = Math.ceil((options.timeoutMs / 1000) * 2) + 5;
  const useShell = existsSync(SHELL);
  const child = useShell
    ? spawn(SHELL, ['-c', LIMITED, 'sh', String(memoryKb), String(cpuSeconds), binary, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const t0 = performance.now();
  if (options.nice !== undefined && child.pid !== undefined) {
    try {
      os.setPriority(child.pid, options.nice);
    } catch {
      // already gone, or not allowed: priority is a courtesy, not a requirement
    }
  }
  if (child.pid !== undefined) options.onSpawn?.(child.pid);

  const maxOut = options.maxStdoutBytes ?? 64 * 1024 * 1024;
  const out: Buffer[] = [];
  let outBytes = 0;
  let err = '';
  let failure: Error | null = null;
  const kill = (why: Error) => {
    failure ??= why;
    child.kill('SIGKILL');
  };

  child.stdout.on('data', (chunk: Buffer) => {
    outBytes += chunk.length;
    if (outBytes > maxOut) {
      kill(
        mediaError('too-large', `${options.what}: output over ${Math.round(maxOut / 1048576)} MB`),
      );
      return;
    }
    if (options.onStdout) options.onStdout(chunk);
    else out.push(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    if (err.length > 2 * STDERR_KEEP) err = err.slice(-STDERR_KEEP);
  });

  const timer = setTimeout(
    () =>
      kill(
        mediaError(
          'timeout',
          `${options.what} took longer than ${seconds(options.timeoutMs)} and was stopped`,
        ),
      ),
    options.timeoutMs,
  );
  const onAbort = () => kill(abortError(options.what));
  options.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    const { code, signal } = await new Promise<{
      code: number | null;
      signal: NodeJS.Signals | null;
    }>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c, s) => resolve({ code: c, signal: s }));
    });
    if (failure) throw failure;
    // The shell reports a binary it cannot exec as 126 (not executable) or 127 (not found).
    if (useShell && (code === 126 || code === 127) && outBytes === 0) {
      throw mediaError('no-video-tools', `cannot run ${binary}: ${stderrReason(err)}`);
    }
    return {
      stdout: Buffer.concat(out),
      stderr: err.slice(-STDERR_KEEP),
      code,
      signal,
      ms: performance.now() - t0,
    };
  } catch (e) {
    if (
      (e as NodeJS.ErrnoException).code === 'ENOENT' ||
      (e as NodeJS.ErrnoException).code === 'EACCES'
    ) {
      throw mediaError('no-video-tools', `cannot run ${binary}: ${(e as Error).message}`, {
        cause: e,
      });
    }
    throw e;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Changes the priority of a running tool and of all its threads (on Linux a niceness is each
 * thread's; ffmpeg's encoder threads were started at the old one). Raising it (a lower number)
 * needs privileges a user may lack: then it stays as it was. Returns whether it changed.
 */
export function renice(pid: number, nice: number): boolean {
  let tids: number[] = [pid];
  try {
    tids = readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    // no /proc (not Linux), or gone: the process itself
  }
  let changed = false;
  for (const tid of tids) {
    try {
      os.setPriority(tid, nice);
      changed = true;
    } catch {
      // gone, or not allowed
    }
  }
  return changed;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}

/** The error a cancelled run rejects with: not the file's fault, so not a MediaError. */
export function abortError(what: string): Error {
  const e = new Error(`${what} was cancelled`);
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/** The last meaningful stderr line of ffmpeg/ffprobe, without its "[mov,mp4,… @ 0x…]" prefix. */
export function stderrReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.replace(/^\[[^\]]+ @ 0x[0-9a-f]+\]\s*/i, '').trim())
    .filter((l) => l && !/^(Press \[q\]|Stream mapping|frame=|size=|video:|\s*Metadata:)/.test(l));
  return lines.at(-1) ?? 'no message';
}
