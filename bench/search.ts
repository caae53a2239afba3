// Search latency on a generated 100k-photo catalogue: combined queries (person + tag + date +
// place + text …) through the whole SearchService (parse, one SQL statement, page of 100), warm.
// Target: p95 < 50 ms.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Picto } from '../src/app/picto.js';
import { findDuplicates, type DupItem } from '../src/search/duplicates/finder.js';
import { WINDOW_COUNT } from '../src/search/duplicates/signature.js';
import { mulberry32 } from '../src/shared/random.js';
import { generateCatalogue } from './search-catalogue.js';

export interface SearchBenchOptions {
  photos?: number;
  /** Timed runs of each query (after one warm-up run). */
  runs?: number;
  log?: (msg: string) => void;
}

export interface SearchBenchResult {
  photos: number;
  generateSeconds: number;
  queries: {
    q: string;
    clauses: number;
    results: number;
    plan: string;
    p50Ms: number;
    p95Ms: number;
  }[];
  /**
   * Over every timed run of every combined query (two or more clauses): wall-clock time, and CPU
   * time of this process (what the query costs when the machine is not busy with other work).
   */
  combined: { runs: number; p50Ms: number; p95Ms: number; maxMs: number; cpuP95Ms: number };
  /** Load average while measuring: on a shared 2-core machine, wall time grows with it. */
  loadAverage: number;
  /** First page with the result count ("1,234 photos"), which the UI asks for. */
  withCount: { p50Ms: number; p95Ms: number };
  /**
   * Suggestions while typing (GET /api/search/suggest): every prefix of SUGGEST_TYPED, as typed
   * letter by letter. `buildMs` is the one-time count in a worker thread (the first keystroke of a
   * session waits for it); the rest is one keystroke each.
   */
  suggest: { buildMs: number; runs: number; p50Ms: number; p95Ms: number; maxMs: number };
  /** The near-duplicate finder over as many synthetic signatures (1 % planted near-copies). */
  duplicates: { photos: number; planted: number; found: number; ms: number };
  target: { p95Ms: number };
}

// What people type: several filters at once, plain words and explicit keys.
export const BENCH_QUERIES = [
  'alice dog 2019',
  'Alice dog beach 2019',
  'bob paris',
  'alice bob summer',
  'carol car -dog',
  'person:emma tag:cat year:2015-2018',
  'dog beach',
  'animals europe 2020',
  'new york 2017',
  'iphone favourites',
  'summer 2019 france',
  'last summer alice',
  'david grace christmas',
  'heic tokyo',
  'birthday cake',
  'receipt 2021',
  'kite or surfboard sydney',
  'person -car -dog 2012',
  'nikon raw',
  'hugo iris london 2016-2020',
  'june paris dog',
  'has:text sale',
  'edinburgh scotland',
  'pixel 7 bicycle',
  // single filters, for reference
  'dog',
  'person',
  'paris',
  'alice',
  '2019',
  'june',
];

/** What people type, letter by letter, for the suggestions benchmark. */
export const SUGGEST_TYPED = [
  'alice dog beach',
  'new york 2017',
  'bob paris',
  'tag:dining',
  'iphone 12',
  'summer 2019 france',
  'hugo iris',
  '-car edinburgh',
  'june 2021',
  'potted plant',
];

async function suggestBench(picto: Picto, runs: number): Promise<SearchBenchResult['suggest']> {
  const t0 = performance.now();
  await picto.discovery.suggest.suggest('a');
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const typed of SUGGEST_TYPED) {
      for (let n = 1; n <= typed.length; n++) {
        const t = performance.now();
        await picto.discovery.suggest.suggest(typed.slice(0, n));
        times.push(performance.now() - t);
      }
    }
  }
  return {
    buildMs: round(buildMs),
    runs: times.length,
    p50Ms: pct(times, 50),
    p95Ms: pct(times, 95),
    maxMs: pct(times, 100),
  };
}

export async function searchBench(opts: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const count = opts.photos ?? 100_000;
  const runs = opts.runs ?? 20;
  const log = opts.log ?? (() => undefined);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-bench-search-'));
  const picto = new Picto({ dataDir: path.join(tmp, 'data') });
  try {
    log(`generating a ${count}-photo catalogue…`);
    const gen = generateCatalogue(picto.repos.db, count);
    log(
      `generated in ${gen.seconds.toFixed(1)} s; timing ${BENCH_QUERIES.length} queries × ${runs}…`,
    );
    const search = picto.discovery.search;
    const queries: SearchBenchResult['queries'] = [];
    const combined: number[] = [];
    const combinedCpu: number[] = [];
    const counted: number[] = [];
    for (const q of BENCH_QUERIES) {
      const first = search.search({ q, limit: 100 });
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        search.search({ q, limit: 100 });
        const c = process.cpuUsage(c0);
        times.push(performance.now() - t0);
        cpu.push((c.user + c.system) / 1000);
      }
      const t0 = performance.now();
      search.search({ q, limit: 100, count: true });
      counted.push(performance.now() - t0);
      const clauses = first.parsed.clauses.length;
      if (clauses >= 2) {
        combined.push(...times);
        combinedCpu.push(...cpu);
      }
      const plan =
        first.plan.mode === 'walk' ? 'timeline walk' : `from clause ${first.plan.driver + 1}`;
      queries.push({
        q,
        clauses,
        results: first.rows.length,
        plan,
        p50Ms: pct(times, 50),
        p95Ms: pct(times, 95),
      });
    }
    return {
      photos: gen.photos,
      generateSeconds: round(gen.seconds),
      queries,
      combined: {
        runs: combined.length,
        p50Ms: pct(combined, 50),
        p95Ms: pct(combined, 95),
        maxMs: pct(combined, 100),
        cpuP95Ms: pct(combinedCpu, 95),
      },
      loadAverage: round(os.loadavg()[0]),
      withCount: { p50Ms: pct(counted, 50), p95Ms: pct(counted, 95) },
      suggest: await suggestBench(picto, Math.max(1, Math.round(runs / 4))),
      duplicates: duplicatesBench(count),
      target: { p95Ms: 50 },
    };
  } finally {
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Time of one full duplicate scan: random structure for every photo, and for 1 % of them a copy
 * with a little noise in its coefficients (a re-encode).
 */
export function duplicatesBench(n: number): SearchBenchResult['duplicates'] {
  const rnd = mulberry32(9);
  const items: DupItem[] = [];
  const planted = Math.floor(n / 100);
  const random = () => {
    const dct = Int8Array.from({ length: 64 }, () => Math.round((rnd() * 2 - 1) * 127));
    const windows = Uint8Array.from({ length: WINDOW_COUNT * 8 }, () => Math.floor(rnd() * 256));
    return { dct, windows };
  };
  for (let i = 0; i < n - planted; i++) {
    items.push({ id: `p${i}`, pixels: `x${i}`, width: 4032, height: 3024, ...random() });
  }
  for (let k = 0; k < planted; k++) {
    const src = items[k * 97];
    const dct = src.dct.map((v) =>
      Math.max(-127, Math.min(127, v + Math.round((rnd() - 0.5) * 6))),
    );
    items.push({
      id: `copy${k}`,
      pixels: `y${k}`,
      width: 2016,
      height: 1512,
      dct,
      windows: src.windows,
    });
  }
  const t0 = performance.now();
  const groups = findDuplicates(items);
  return { photos: n, planted, found: groups.length, ms: Math.round(performance.now() - t0) };
}

function pct(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

// `node dist/bench/search.js [photos]` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await searchBench({
    photos: Number(process.argv[2] ?? 100_000),
    log: (m) => process.stderr.write(`[bench:search] ${m}\n`),
  });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
