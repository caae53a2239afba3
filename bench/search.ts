// Search latency on a generated 100k-photo catalogue: combined queries (person + tag + date +
// place + text …) through the whole SearchService (parse, one SQL statement, page of 100), warm.
// Target: p95 < 50 ms.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Picto } from '../src/app/picto.js';
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
      target: { p95Ms: 50 },
    };
  } finally {
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  }
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
