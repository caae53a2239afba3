import { rescanUnchanged } from '../rescan.js';
import { log, round } from './common.js';

/** Issue 2: rescan of an unchanged library of 100k files. */
export async function run() {
  const files = Number(process.env.PICTO_BENCH_FILES ?? 100_000);
  log(`rescan of an unchanged ${files}-file library (first run generates it)…`);
  const r = await rescanUnchanged(files);
  return {
    files: r.files,
    firstScanSeconds: round(r.firstScanSeconds),
    unchangedRescanSeconds: round(r.rescanSeconds),
    targets: { unchangedRescanSeconds: 5, peakRssMb: 500 },
  };
}
