import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Picto } from '../src/app/picto.js';
import { smallFileTree } from './generate.js';

export interface RescanResult {
  files: number;
  firstScanSeconds: number;
  rescanSeconds: number;
}

/** Time to rescan an unchanged library: the cost every start-up and every "scan" pays. */
export async function rescanUnchanged(count: number): Promise<RescanResult> {
  const tree = await smallFileTree(count);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-bench-rescan-'));
  const picto = new Picto({ dataDir: path.join(tmp, 'data') });
  try {
    await picto.folders.add(tree);
    const t0 = performance.now();
    const first = await picto.scan();
    const firstScanSeconds = (performance.now() - t0) / 1000;
    if (first.added !== count) throw new Error(`first scan found ${first.added} of ${count} files`);
    const t1 = performance.now();
    const again = await picto.scan();
    const rescanSeconds = (performance.now() - t1) / 1000;
    if (again.unchanged !== count)
      throw new Error(`rescan saw ${again.unchanged} unchanged of ${count}`);
    return { files: count, firstScanSeconds, rescanSeconds };
  } finally {
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
