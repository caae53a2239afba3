import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssMb } from './rss.js';

// `npm run bench` prints one JSON document. Each section runs in its own process, so its peak RSS
// is its own and one section's caches never flatter another. Options:
//   -- --only ingest,ai     run some sections          -- --save   also write bench/results.json
//   -- --section NAME       (internal) run one section in this process and print its JSON
const SECTIONS = [
  'ingest',
  'ai',
  'rescan',
  'api',
  'search',
  'people',
  'pictopy',
  'decode',
  'startup',
  'bigfolder',
  'video',
  'categories',
  'remote',
] as const;
type Section = (typeof SECTIONS)[number];

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function runSection(name: Section): Promise<unknown> {
  const mod = (await import(`./sections/${name}.js`)) as { run: () => Promise<unknown> };
  return mod.run();
}

function inChild(name: Section): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--section', name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench section ${name} failed (exit ${code})`));
      try {
        resolve(JSON.parse(out) as Record<string, unknown>);
      } catch (err) {
        reject(new Error(`bench section ${name} printed no JSON: ${(err as Error).message}`));
      }
    });
  });
}

const one = arg('--section') as Section | undefined;
if (one) {
  const result = (await runSection(one)) as Record<string, unknown>;
  const at = new Date().toISOString();
  process.stdout.write(JSON.stringify({ ...result, at, peakRssMb: peakRssMb() }) + '\n');
  process.exit(0);
}

const only = arg('--only')?.split(',') as Section[] | undefined;
const unknown = only?.filter((s) => !SECTIONS.includes(s));
if (unknown?.length) {
  process.stderr.write(
    `[bench] unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}\n`,
  );
  process.exit(2);
}
const chosen = SECTIONS.filter((s) => !only || only.includes(s));
const results: Record<string, unknown> = {};
for (const s of chosen) {
  try {
    results[s] = await inChild(s);
  } catch (err) {
    results[s] = { error: (err as Error).message };
  }
}
const doc = {
  machine: {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    loadAverageAtEnd: os.loadavg()[0],
  },
  ...results,
  at: new Date().toISOString(),
};
process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
if (argv.includes('--save')) {
  const file = path.join(repoRoot, 'bench', 'results.json');
  // With --only, the sections not run keep their last saved results (each carries its own `at`).
  const previous =
    only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
  const saved = { ...previous, ...doc };
  writeFileSync(file, JSON.stringify(saved, null, 2) + '\n');
  process.stderr.write('[bench] saved bench/results.json\n');
}
