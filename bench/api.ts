import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Buckets, JobsStatus, TimelinePage } from '../src/shared/api.js';
import { generateCatalogue } from './api-catalogue.js';
import { launchChromium } from './headless.js';

export { generateCatalogue } from './api-catalogue.js';

// Gallery API and UI benchmarks on a generated catalogue. The server runs in its own process
// (`picto serve`), as in real use, so client-side work here does not count as server latency.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Latency {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function latency(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    samples: s.length,
    p50Ms: r(at(0.5)),
    p95Ms: r(at(0.95)),
    maxMs: r(s[s.length - 1] ?? 0),
  };
}

// The load generator shares the machine's 2 cores with the server it measures, so it should cost
// as little as a client can: plain node:http on kept-alive sockets (undici's fetch costs several
// times more CPU per request), still reading and parsing every body as a browser would.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

async function timed(
  url: string,
): Promise<{ ms: number; serverMs: number; ok: boolean; body: unknown }> {
  const t0 = performance.now();
  try {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(url, { agent }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks);
    const body = String(res.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(text.toString('utf8'))
      : text;
    // Server-Timing: the server's own handling time, without time queued in the OS or client.
    const serverMs = Number(
      /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1] ?? NaN,
    );
    const status = res.statusCode ?? 0;
    return { ms: performance.now() - t0, serverMs, ok: status >= 200 && status < 300, body };
  } catch {
    return { ms: performance.now() - t0, serverMs: NaN, ok: false, body: null };
  }
}

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `picto serve` on a data directory in a child process (from the compiled build). */
export async function startBenchServer(
  dataDir: string,
  workers = os.availableParallelism(),
): Promise<BenchServer> {
  const bin = path.join(repoRoot, 'bin', 'picto.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--data', dataDir, '--workers', String(workers), 'serve', '--port', '0', '--no-scan'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /running at (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * One client: timeline pages as the UI asks for them (a month, then its next pages), spread over
 * the whole library, plus deep keyset pages far from the top.
 */
export async function timelinePageLatency(url: string, samples = 300): Promise<Latency> {
  const { buckets } = (await (await fetch(`${url}/api/timeline/buckets`)).json()) as Buckets;
  const ms: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < samples; i++) {
    let q: string;
    if (i % 2 === 0) {
      // Deep pagination: keep following the cursor from the top of the library.
      q = `limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    } else {
      q = `limit=200&month=${buckets[(i * 7919) % buckets.length].month}`;
    }
    const r = await timed(`${url}/api/timeline?${q}`);
    if (!r.ok) throw new Error(`timeline request failed: ${q}`);
    ms.push(r.ms);
    if (i % 2 === 0) cursor = (r.body as TimelinePage).nextCursor;
  }
  return latency(ms);
}

export async function bucketsLatency(
  url: string,
  samples = 100,
): Promise<Latency & { months: number }> {
  const ms: number[] = [];
  let months = 0;
  for (let i = 0; i < samples; i++) {
    const r = await timed(`${url}/api/timeline/buckets`);
    if (!r.ok) throw new Error('buckets request failed');
    months = (r.body as Buckets).buckets.length;
    ms.push(r.ms);
  }
  return { ...latency(ms), months };
}

async function mediaDone(url: string): Promise<number> {
  const s = (await (await fetch(`${url}/api/jobs`)).json()) as JobsStatus;
  return s.stages.find((x) => x.stage === 'media')?.done ?? 0;
}

export interface ConcurrentResult extends Latency {
  /** p95 of the server's own handling time (Server-Timing), without OS and client queueing. */
  serverP95Ms: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  clients: number;
  thinkMs: number;
  photosIndexedDuring: number;
  seconds: number;
}

/**
 * `clients` clients page through the timeline at once (each: a random month, then up to three
 * more pages of it), optionally while the server indexes a folder of real photos.
 */
export async function concurrentPaging(
  url: string,
  opts: {
    clients?: number;
    pagesPerClient?: number;
    indexFolder?: string;
    ai?: boolean;
    /** Pause between a client's pages (a person scrolling); 0 = as fast as answers come. */
    thinkMs?: number;
  } = {},
): Promise<ConcurrentResult> {
  const clients = opts.clients ?? 50;
  const pages = opts.pagesPerClient ?? 40;
  const { buckets } = (await (await fetch(`${url}/api/timeline/buckets`)).json()) as Buckets;
  // The clients are browsers that already have the gallery open: their connections exist before
  // the clock starts (opening 50 sockets at once is not paging).
  await Promise.all(Array.from({ length: clients }, () => timed(`${url}/api/timeline/buckets`)));
  const doneBefore = await mediaDone(url);
  if (opts.indexFolder) {
    const res = await fetch(`${url}/api/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: opts.indexFolder, ai: opts.ai ?? false }),
    });
    if (!res.ok) throw new Error(`could not add the folder to index: ${await res.text()}`);
    // Let the scan finish and the workers get going before measuring.
    for (let i = 0; i < 100 && (await mediaDone(url)) === doneBefore; i++)
      await new Promise((r) => setTimeout(r, 100));
  }
  const ms: number[] = [];
  const serverMs: number[] = [];
  let errors = 0;
  const think = opts.thinkMs ?? 0;
  const t0 = performance.now();
  const client = async (c: number) => {
    let n = 0;
    let seed = c * 2654435761;
    while (n < pages) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const month = buckets[seed % buckets.length].month;
      let cursor: string | null = null;
      // A month from its first page, then its next pages, as the web app loads it.
      do {
        const r = await timed(
          `${url}/api/timeline?limit=200&month=${month}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        n++;
        ms.push(r.ms);
        if (Number.isFinite(r.serverMs)) serverMs.push(r.serverMs);
        if (!r.ok) {
          errors++;
          break;
        }
        cursor = (r.body as TimelinePage).nextCursor;
        if (think) await new Promise((res) => setTimeout(res, think));
      } while (cursor && n < pages);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const seconds = (performance.now() - t0) / 1000;
  const photosIndexedDuring = (await mediaDone(url)) - doneBefore;
  return {
    ...latency(ms),
    serverP95Ms: latency(serverMs).p95Ms,
    requests: ms.length,
    requestsPerSecond: Math.round(ms.length / seconds),
    errors,
    clients,
    thinkMs: think,
    photosIndexedDuring,
    seconds: Math.round(seconds * 100) / 100,
  };
}

/**
 * Time from navigation start until the first screen of the timeline is drawn (the app's
 * `picto:first-screen` mark: photos laid out in the DOM) and until its thumbnails have loaded, in
 * headless Debian Chromium with an empty cache. Median of `runs`.
 */
export async function firstScreen(
  url: string,
  runs = 3,
): Promise<{ renderMs: number; imagesMs: number; domTiles: number }> {
  const browser = await launchChromium();
  const render: number[] = [];
  const images: number[] = [];
  let domTiles = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      // Browser-side functions reach the DOM through globalThis: this file is compiled for Node,
      // without DOM types. (String expressions would need 'unsafe-eval', which our CSP forbids.)
      const firstMark = await page.waitForFunction(
        () =>
          (globalThis as any).document.documentElement.dataset.firstScreen as string | undefined,
        null,
        { timeout: 30_000 },
      );
      render.push(Number(await firstMark.jsonValue()));
      const loaded = await page.waitForFunction(
        () => {
          const g = globalThis as any;
          const imgs = [...g.document.querySelectorAll('.tile img')].filter((im: any) => {
            const r = im.getBoundingClientRect();
            return r.bottom > 0 && r.top < g.innerHeight;
          });
          return imgs.length > 0 && imgs.every((im: any) => im.complete)
            ? (g.performance.now() as number)
            : false;
        },
        null,
        { timeout: 30_000, polling: 16 },
      );
      images.push(Number(await loaded.jsonValue()));
      domTiles = await page.evaluate(
        () => (globalThis as any).document.querySelectorAll('.tile').length as number,
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { renderMs: Math.round(median(render)), imagesMs: Math.round(median(images)), domTiles };
}

export interface ApiBenchResult {
  photos: number;
  generateSeconds: number;
  timelinePage: Latency;
  buckets: Latency & { months: number };
  /** 50 clients, each asking for its next page as soon as it has the last (closed loop). */
  concurrent: ConcurrentResult;
  /** 50 people scrolling: 100 ms between a client's pages. Both while indexing runs. */
  concurrentScrolling: ConcurrentResult;
  firstScreen: Awaited<ReturnType<typeof firstScreen>>;
  targets: {
    timelinePageP95Ms: number;
    bucketsP95Ms: number;
    concurrentP95Ms: number;
    concurrentErrors: number;
    firstScreenMs: number;
  };
}

/**
 * The whole gallery benchmark: generate the catalogue, start the server, measure. `indexFolder`
 * (a folder of real photos, e.g. the grainy 12 MP set of bench/generate.ts) is indexed during the
 * concurrent-clients run; without it that run measures paging alone.
 */
export async function apiBenchmarks(
  opts: { photos?: number; indexFolder?: string; workers?: number; keep?: boolean } = {},
): Promise<ApiBenchResult> {
  const photos = opts.photos ?? 100_000;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-bench-api-'));
  const dataDir = path.join(tmp, 'data');
  const gen = await generateCatalogue(dataDir, photos);
  const server = await startBenchServer(dataDir, opts.workers);
  try {
    // Warm up: the first requests compile the serialisers and fill SQLite's page cache.
    for (let i = 0; i < 20; i++) await timed(`${server.url}/api/timeline?limit=200`);
    await timed(`${server.url}/api/timeline/buckets`);
    const timelinePage = await timelinePageLatency(server.url);
    const buckets = await bucketsLatency(server.url);
    const shot = await firstScreen(server.url);
    // Long enough (8,000 requests) to overlap a good stretch of indexing, not just its start.
    const concurrent = await concurrentPaging(server.url, {
      indexFolder: opts.indexFolder,
      pagesPerClient: 160,
    });
    // Indexing is still going (the folder's photos take longer than one run): same conditions.
    const concurrentScrolling = await concurrentPaging(server.url, { thinkMs: 100 });
    return {
      photos,
      generateSeconds: Math.round(gen.seconds * 100) / 100,
      timelinePage,
      buckets,
      concurrent,
      concurrentScrolling,
      firstScreen: shot,
      targets: {
        timelinePageP95Ms: 20,
        bucketsP95Ms: 50,
        concurrentP95Ms: 100,
        concurrentErrors: 0,
        firstScreenMs: 1000,
      },
    };
  } finally {
    await server.stop();
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  }
}
