// PictoPy, Picto's predecessor, run by its own benchmark script on the same photos in the same run
// (/work/shared/peers/pictopy-bench/README.md). A yardstick only: nothing of it is used by Picto.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the peers live: $PICTO_PEERS, else `../shared/peers` beside the checkout (the main
 * checkout) or one level further up (a worktree under wt/).
 */
export function peersDir(repoRoot: string): string {
  if (process.env.PICTO_PEERS) return path.resolve(process.env.PICTO_PEERS);
  const near = path.resolve(repoRoot, '..', 'shared', 'peers');
  const far = path.resolve(repoRoot, '..', '..', 'shared', 'peers');
  return existsSync(near) || !existsSync(far) ? near : far;
}

const PYTHON = '/usr/bin/python3';
/** Debian packages PictoPy's ingest imports (README: python3-pil, python3-opencv, …). */
const MODULES = ['PIL', 'cv2', 'sklearn', 'bcrypt', 'pydantic', 'platformdirs', 'psutil', 'numpy'];

function run(
  cmd: string,
  args: string[],
  cwd?: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** Why PictoPy cannot run here, or null when it can. */
export async function peerUnavailable(peers: string): Promise<string | null> {
  const script = path.join(peers, 'pictopy-bench', 'ingest_bench.py');
  if (!existsSync(script)) return `no PictoPy benchmark script at ${script}`;
  if (!existsSync(path.join(peers, 'pictopy', 'backend'))) return `no PictoPy backend in ${peers}`;
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  const probe = `import importlib.util,sys; m=[n for n in ${JSON.stringify(MODULES)} if importlib.util.find_spec(n) is None]; print(','.join(m))`;
  const r = await run(PYTHON, ['-c', probe]);
  const missing = r.out.trim();
  if (r.code !== 0) return `${PYTHON} failed: ${r.err.trim()}`;
  if (missing) {
    return (
      `Python modules missing: ${missing} (apt-get install -y python3-pil python3-opencv ` +
      `python3-sklearn python3-bcrypt python3-pydantic python3-platformdirs python3-psutil ` +
      `python3-numpy python3-scipy python3-fastapi python3-httpx)`
    );
  }
  return null;
}

export interface PeerIngest {
  photos: number;
  /** the timed first pass: image_util_process_folder_images over the folder */
  seconds: number;
  photosPerSecond: number;
  peakRssMb: number;
  /** PictoPy's import time, left out of `seconds` by its script (its start-up) */
  importSeconds: number;
}

/** PictoPy's no-AI ingest of `dir` (its script's first pass; the page cache as found). */
export async function peerIngest(peers: string, dir: string): Promise<PeerIngest> {
  const bench = path.join(peers, 'pictopy-bench');
  const r = await run(PYTHON, [path.join(bench, 'ingest_bench.py'), dir], bench);
  const line = r.out.trim().split('\n').pop() ?? '';
  let doc: {
    photos: number;
    seconds_first: number;
    photos_per_s_first: number;
    peak_rss_mb: number;
    extra: { seconds_import_pictopy: number };
  };
  try {
    doc = JSON.parse(line) as typeof doc;
  } catch {
    throw new Error(`PictoPy printed no JSON (exit ${r.code}): ${r.err.slice(-1500)}`);
  }
  if (r.code !== 0)
    throw new Error(`PictoPy did not ingest every file cleanly: ${r.err.slice(-1500)}`);
  return {
    photos: doc.photos,
    seconds: doc.seconds_first,
    photosPerSecond: doc.photos_per_s_first,
    peakRssMb: doc.peak_rss_mb,
    importSeconds: doc.extra.seconds_import_pictopy,
  };
}
