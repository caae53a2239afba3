import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runPicto, scratchDir } from '../cli.js';
import { log, median, round } from './common.js';

/**
 * Issue 12: wall time of the built CLI for commands that do (almost) no work, spawn to exit: what
 * every `picto` command costs before it starts its job. `status` runs on an existing empty
 * catalogue (the first, untimed call creates it); `add` of an empty folder into a fresh data
 * directory is the start-up a first `add` pays (catalogue creation and worker threads included).
 */
export async function run() {
  const repeats = Number(process.env.PICTO_BENCH_STARTUP_REPEATS ?? 7);
  const scratch = scratchDir('startup');
  try {
    const data = path.join(scratch.dir, 'data');
    const empty = path.join(scratch.dir, 'empty');
    mkdirSync(empty);
    await runPicto(['--data', data, 'status']);
    const samples: Record<string, number[]> = { help: [], status: [], addEmptyFolder: [] };
    for (let i = 0; i < repeats; i++) {
      log(`startup ${i + 1}/${repeats}…`);
      samples.help.push((await runPicto(['--help'])).seconds);
      samples.status.push((await runPicto(['--data', data, 'status'])).seconds);
      const fresh = path.join(scratch.dir, `data-${i}`);
      samples.addEmptyFolder.push(
        (await runPicto(['--data', fresh, 'add', '--wait', '--no-ai', empty])).seconds,
      );
    }
    const secondsMedian = Object.fromEntries(
      Object.entries(samples).map(([k, xs]) => [k, round(median(xs), 3)]),
    );
    return {
      repeats,
      secondsMedian,
      secondsMin: Object.fromEntries(
        Object.entries(samples).map(([k, xs]) => [k, round(Math.min(...xs), 3)]),
      ),
      targets: { help: 0.3, status: 0.3 },
    };
  } finally {
    scratch.remove();
  }
}
