import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Written while a server runs, so `picto open` finds it instead of starting a second one. */
export interface RuntimeInfo {
  pid: number;
  url: string;
  host: string;
  port: number;
  startedAt: string;
}

export function runtimeFile(dataDir: string): string {
  return path.join(dataDir, 'server.json');
}

export function writeRuntime(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(runtimeFile(dataDir), JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
}

export function readRuntime(dataDir: string): RuntimeInfo | null {
  try {
    return JSON.parse(readFileSync(runtimeFile(dataDir), 'utf8')) as RuntimeInfo;
  } catch {
    return null;
  }
}

/** Removes the file only if it is still ours (another server may have replaced it). */
export function clearRuntime(dataDir: string, pid = process.pid): void {
  if (readRuntime(dataDir)?.pid === pid) rmSync(runtimeFile(dataDir), { force: true });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running server for this data directory, if one answers; stale files are ignored. */
export async function findRunningServer(dataDir: string): Promise<RuntimeInfo | null> {
  const info = readRuntime(dataDir);
  if (!info || !pidAlive(info.pid)) return null;
  try {
    const res = await fetch(`${info.url}/api/system`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return null;
    const body = (await res.json()) as { name?: string; dataDir?: string };
    return body.name === 'picto' && path.resolve(body.dataDir ?? '') === path.resolve(dataDir)
      ? info
      : null;
  } catch {
    return null;
  }
}
