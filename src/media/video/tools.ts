// Which ffmpeg and ffprobe this process uses, found once per thread and never downloaded.
//
// [Note: which ffmpeg wins] Candidates, for each tool separately:
//   1. PICTO_FFMPEG / PICTO_FFPROBE: an explicit choice is used as is, and an error if it cannot run
//      (no silent fallback: the user asked for that binary);
//   2. the system's (`ffmpeg` / `ffprobe` on PATH);
//   3. the npm packages' static builds (@ffmpeg-installer/linux-x64 4.1.0: libavcodec 58.42, a 2018
//      snapshot after FFmpeg 4.1; @ffprobe-installer/linux-x64 5.2.0: libavcodec 60.22, 2023).
// Among 2 and 3 the newer build (by libavcodec, see tool-version.ts) wins, the system's on a tie, and
// an ffmpeg without libx264 only if no other runs (it cannot make browser copies). Newer matters
// more than convenience: ffmpeg parses untrusted files, and a distribution's build gets security
// fixes that a 2018 snapshot never will; Debian 12's 5.1 also decodes JPEG XL (libjxl) and AV1
// with dav1d, which the 4.1 snapshot cannot. The price, measured here: Debian's dynamically linked
// ffmpeg spends ~0.1 s of CPU starting (≈100 shared libraries) where the static one starts in
// ~0 ms, so callers keep the number of runs per video small (bench `video`: indexing a 30-s clip,
// 7 runs, costs ~3.0 CPU-s with Debian's ffmpeg and ~2.2 with the static one, at 5-s frame slots;
// PICTO_FFMPEG picks the static build where that matters more). On this machine that gives Debian's
// ffmpeg 5.1.9 and the packaged ffprobe (libavcodec 60 is newer than Debian's 59).

import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { errorText, mediaError } from '../errors.js';
import { runTool } from './run.js';
import {
  compareToolVersions,
  describeToolVersion,
  parseToolVersion,
  type ToolVersion,
} from './tool-version.js';

export type ToolName = 'ffmpeg' | 'ffprobe';
export type ToolSource = 'env' | 'system' | 'bundled';

export interface VideoTool {
  name: ToolName;
  /** absolute path that is run (for a bundled binary without run bit: its executable copy) */
  path: string;
  source: ToolSource;
  /** "5.1.9-0+deb12u1 (libavcodec 59.37.100)" */
  version: string;
  libavcodec: string | null;
  /** build switches, e.g. libx264, libjxl, libdav1d */
  enabled: string[];
}

export interface VideoTools {
  ffmpeg: VideoTool;
  ffprobe: VideoTool;
}

const PACKAGES: Record<ToolName, string> = {
  ffmpeg: '@ffmpeg-installer/linux-x64',
  ffprobe: '@ffprobe-installer/linux-x64',
};
const ENV: Record<ToolName, string> = { ffmpeg: 'PICTO_FFMPEG', ffprobe: 'PICTO_FFPROBE' };

let toolsDir: string | null = null;
let found: Promise<VideoTools> | null = null;

/**
 * Where a bundled binary that lacks its run bit is copied to be run (the data directory's
 * `tools/` in the app). Default: a per-user folder under the system temp directory.
 */
export function configureVideoTools(options: { toolsDir?: string }): void {
  toolsDir = options.toolsDir ?? null;
  found = null;
}

/** Forgets what was found (tests, or after PICTO_FFMPEG changed). */
export function resetVideoTools(): void {
  found = null;
}

/**
 * The ffmpeg and ffprobe to use, found on first call and cached for the thread. Throws MediaError
 * 'no-video-tools' naming every candidate and why it failed when either tool is missing: videos then
 * get that error one by one, while photos do not need these tools at all.
 */
export function videoTools(): Promise<VideoTools> {
  found ??= locate().catch((e: unknown) => {
    found = null; // a later call may succeed (PATH fixed, copy possible again)
    throw e;
  });
  return found;
}

async function locate(): Promise<VideoTools> {
  const [ffmpeg, ffprobe] = await Promise.all([pick('ffmpeg'), pick('ffprobe')]);
  return { ffmpeg, ffprobe };
}

interface Candidate {
  source: ToolSource;
  path: string;
}

interface Checked {
  tool: VideoTool;
  version: ToolVersion;
}

async function pick(name: ToolName): Promise<VideoTool> {
  const override = process.env[ENV[name]];
  const candidates: Candidate[] = override
    ? [{ source: 'env', path: override }]
    : [
        ...(await onPath(name)).map((p) => ({ source: 'system' as const, path: p })),
        ...bundled(name).map((p) => ({ source: 'bundled' as const, path: p })),
      ];
  const problems: string[] = [];
  const usable: Checked[] = [];
  for (const c of candidates) {
    try {
      usable.push(await check(name, c));
    } catch (e) {
      problems.push(`${c.source} ${c.path}: ${errorText(e)}`);
    }
  }
  const best = usable.sort((a, b) => rank(b) - rank(a) || compareChecked(a, b))[0];
  if (best) return best.tool;
  const tried = problems.length > 0 ? problems.join('; ') : 'none found on PATH or in node_modules';
  throw mediaError(
    'no-video-tools',
    `no working ${name}: videos cannot be read (${tried}). Install ffmpeg or set ${ENV[name]}`,
  );
}

/** Capability first: an ffmpeg that cannot encode H.264 is the last resort. */
function rank(c: Checked): number {
  return c.tool.name === 'ffmpeg' && !c.version.enabled.includes('libx264') ? 0 : 1;
}

/** Newer first; the system's before the bundled one on a tie. */
function compareChecked(a: Checked, b: Checked): number {
  const byVersion = compareToolVersions(b.version, a.version);
  if (byVersion !== 0) return byVersion;
  return (a.tool.source === 'system' ? 0 : 1) - (b.tool.source === 'system' ? 0 : 1);
}

async function check(name: ToolName, c: Candidate): Promise<Checked> {
  const runnable = c.source === 'bundled' ? await ensureExecutable(c.path) : c.path;
  const res = await runTool(runnable, ['-hide_banner', '-version'], {
    what: `${name} -version`,
    timeoutMs: 15_000,
    memoryMb: 1024,
  });
  const version = parseToolVersion(res.stdout.toString('utf8'));
  if (res.code !== 0 || !version) {
    throw new Error(`does not run as ${name} (exit ${res.code ?? res.signal})`);
  }
  return {
    version,
    tool: {
      name,
      path: runnable,
      source: c.source,
      version: describeToolVersion(version),
      libavcodec: version.libavcodec?.join('.') ?? null,
      enabled: version.enabled,
    },
  };
}

async function onPath(name: string): Promise<string[]> {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const hits: string[] = [];
  for (const dir of dirs) {
    const file = path.resolve(dir, name);
    if (hits.includes(file)) continue;
    try {
      await access(file, constants.X_OK);
      if ((await stat(file)).isFile()) hits.push(file);
    } catch {
      // not here
    }
  }
  return hits.slice(0, 1); // what a shell would run
}

function bundled(name: ToolName): string[] {
  if (process.platform !== 'linux' || process.arch !== 'x64') return [];
  try {
    const require = createRequire(import.meta.url);
    return [path.join(path.dirname(require.resolve(`${PACKAGES[name]}/package.json`)), name)];
  } catch {
    return []; // optional: not installed on this platform
  }
}

/**
 * [Note: run bit] The ffprobe package's tarball stores its binary as 0744 (and npm may skip its
 * `chmod u+x` postinstall, as this project's allowScripts does): only the owner of node_modules may
 * run it. Rather than chmod inside node_modules (read-only installs, other users' trees), a binary
 * this process cannot execute is copied once to the tools directory as 0755 under a name that
 * carries its size and mtime, atomically (temp name + rename, so two workers racing end with one
 * good copy), and that copy is run. If the copy fails the error says how to fix it.
 */
export async function ensureExecutable(file: string, dir = defaultToolsDir()): Promise<string> {
  try {
    await access(file, constants.X_OK);
    return file;
  } catch {
    // fall through: copy it
  }
  const info = await stat(file); // throws ENOENT for a missing package file: a clear message
  const target = path.join(dir, `${path.basename(file)}-${info.size}-${Math.round(info.mtimeMs)}`);
  try {
    await access(target, constants.X_OK);
    if ((await stat(target)).size === info.size) return target;
  } catch {
    // no good copy yet
  }
  const tmp = `${target}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await copyFile(file, tmp);
    await chmod(tmp, 0o755);
    await rename(tmp, target);
    return target;
  } catch (e) {
    await rm(tmp, { force: true });
    throw new Error(
      `${file} is not executable and could not be copied to ${dir} (${errorText(e)}); ` +
        `run "chmod +x ${file}" or point ${ENV[path.basename(file) as ToolName] ?? 'PICTO_FFMPEG'} at a working binary`,
      { cause: e },
    );
  }
}

function defaultToolsDir(): string {
  if (toolsDir) return toolsDir;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `picto-tools-${uid}`);
}
