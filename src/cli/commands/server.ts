import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Picto, PictoOptions } from '../../app/picto.js';
import { resolveDataDir } from '../../app/paths.js';
import { clearRuntime, findRunningServer, writeRuntime } from '../../server/runtime-file.js';
import type { PictoServer } from '../../server/server.js';
import type { GlobalOptions } from '../context.js';
import { PictoError } from '../../shared/errors.js';

const DEFAULT_PORT = 4790;

interface ServeOptions {
  host: string;
  port?: string;
  scan: boolean;
  queue?: string;
}

function workersOf(g: GlobalOptions, queue: boolean): number | undefined {
  if (!g.workers) return undefined;
  const n = Number(g.workers);
  if (queue && n === 0) return 0;
  if (!Number.isInteger(n) || n < 1)
    throw new PictoError(
      'usage',
      `--workers must be a positive whole number${queue ? ' (or 0: remote workers only)' : ''}, got "${g.workers}"`,
    );
  return n;
}

/** `--queue` (or $PICTO_QUEUE): the executor that adds remote workers; Redis loads only then. */
async function queueExecutor(url: string | undefined): Promise<PictoOptions['executor']> {
  if (!url) return undefined;
  const { parseQueueUrl } = await import('../../remote/queue-url.js');
  parseQueueUrl(url);
  const { startPrimary } = await import('../../remote/primary.js');
  return (parts) => startPrimary(parts, { url });
}

function portOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new PictoError('usage', `--port must be 0–65535, got "${text}"`);
  return n;
}

/** LAN addresses to print when listening on every interface. */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => a!.address);
}

/** Listens on the given port, or on the first free one after the default. */
async function listen(picto: Picto, host: string, port: number | undefined): Promise<PictoServer> {
  // The server (fastify, the routes, the web app) loads only when a command serves.
  const { createServer } = await import('../../server/server.js');
  if (port !== undefined) return createServer(picto, { host, port, indexing: false });
  for (let p = DEFAULT_PORT; p < DEFAULT_PORT + 20; p++) {
    try {
      return await createServer(picto, { host, port: p, indexing: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  return createServer(picto, { host, port: 0, indexing: false });
}

/**
 * Runs the server in this process until SIGINT/SIGTERM: API + web app, the indexing runner, and a
 * rescan of every folder at start so changes made while Picto was closed show up.
 */
async function runServer(
  g: GlobalOptions,
  opts: ServeOptions,
  folders: string[],
  open: boolean,
): Promise<void> {
  const dataDir = resolveDataDir(g.data);
  const running = await findRunningServer(dataDir);
  if (running) {
    if (folders.length)
      throw new PictoError(
        'usage',
        `a Picto server is already running at ${running.url}; add folders there`,
      );
    process.stderr.write(`Picto is already running at ${running.url}\n`);
    if (open) await reportWindow(running.url, dataDir);
    return;
  }
  const queue = opts.queue ?? (process.env.PICTO_QUEUE || undefined);
  const workers = workersOf(g, queue !== undefined);
  const executor = await queueExecutor(queue);
  const { Picto } = await import('../../app/picto.js');
  const { deprioritiseBackgroundThreads } = await import('../../server/priority.js');
  const picto = new Picto({ dataDir, workers, executor });
  let server: PictoServer | null = null;
  const stop = async () => {
    process.stderr.write('\nstopping Picto…\n');
    clearRuntime(dataDir);
    await server?.close();
    await picto.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  try {
    for (const f of folders) {
      const { folder, created } = await picto.folders.add(f);
      process.stderr.write(`${created ? 'added' : 'already in library'}: ${folder.path}\n`);
    }
    server = await listen(picto, opts.host, portOf(opts.port));
    picto.runner.start();
    deprioritiseBackgroundThreads();
  } catch (err) {
    await server?.close();
    await picto.close();
    throw err;
  }
  writeRuntime(dataDir, {
    pid: process.pid,
    url: server.url,
    host: server.host,
    port: server.port,
    startedAt: new Date().toISOString(),
  });
  process.stdout.write(`Picto is running at ${server.url}\n`);
  if (server.exposed) {
    const hosts =
      server.host === '0.0.0.0' || server.host === '::' ? lanAddresses() : [server.host];
    for (const h of hosts)
      process.stdout.write(
        `From other devices: http://${h}:${server.port}/?token=${server.token}\n`,
      );
    process.stdout.write('Keep that token private: it gives full access to your library.\n');
  }
  if (queue) {
    const shown = picto.indexing.status().queue?.url ?? 'the queue';
    process.stdout.write(
      `Remote workers: picto worker --queue ${shown} --server http://THIS-HOST:${server.port} --token "$(picto token)"\n`,
    );
  }
  picto.events.on((e) => {
    if (e.type === 'scan.done') {
      const s = e.summary;
      process.stderr.write(
        `scan: ${s.files} files, ${s.added} new, ${s.changed} changed, ${s.moved} moved, ${s.removed} removed` +
          `${s.offline.length ? `, offline: ${s.offline.join(', ')}` : ''}\n`,
      );
    }
  });
  // Reconcile with the disk first (changes made while Picto was closed), then follow it live.
  const reconciled = opts.scan ? picto.scan() : Promise.resolve();
  reconciled
    .catch((err: unknown) => process.stderr.write(`scan failed: ${(err as Error).message}\n`))
    .then(() => picto.startWatching())
    .catch((err: unknown) => process.stderr.write(`watching failed: ${(err as Error).message}\n`));
  picto.startAutoBackup();
  if (open) await reportWindow(server.url, dataDir);
}

async function reportWindow(url: string, dataDir: string): Promise<void> {
  const { openAppWindow } = await import('../../server/app-window.js');
  const w = openAppWindow(url, dataDir);
  if (w.how === 'none') process.stdout.write(`Open ${url} in a browser (${w.detail}).\n`);
  else
    process.stdout.write(
      `Opened ${url} (${w.how === 'chromium-app' ? 'app window' : w.detail}).\n`,
    );
}

/** Starts `picto serve` in the background, logging to the data directory, and waits for it. */
async function spawnServer(g: GlobalOptions, dataDir: string): Promise<string> {
  const bin = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../../bin/picto.js',
  );
  const args = [bin, '--data', dataDir, ...(g.workers ? ['--workers', g.workers] : []), 'serve'];
  mkdirSync(dataDir, { recursive: true }); // a first run: nothing created the data directory yet
  const log = openSync(path.join(dataDir, 'server.log'), 'a');
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const running = await findRunningServer(dataDir);
    if (running) return running.url;
    if (child.exitCode !== null) break;
  }
  throw new Error(`the server did not start; see ${path.join(dataDir, 'server.log')}`);
}

export function registerServerCommands(program: Command, globals: () => GlobalOptions): void {
  const serveOpts = (c: Command) =>
    c
      .option(
        '--host <host>',
        'interface to listen on (other than loopback needs the access token)',
        '127.0.0.1',
      )
      .option('--port <port>', `port (default ${DEFAULT_PORT}, or the next free one)`)
      .option('--no-scan', 'do not rescan the folders at start')
      .option(
        '--queue <url>',
        'also hand analysis to remote workers through this Redis (redis://[:password@]host[:port][/db], or $PICTO_QUEUE)',
      );

  serveOpts(
    program.command('serve').description('run the gallery (web app + API) and keep indexing'),
  ).action(async (opts: ServeOptions) => runServer(globals(), opts, [], false));

  serveOpts(
    program
      .command('start')
      .description('add folders (if given), scan, serve and open the gallery window')
      .argument('[folder...]', 'photo folders to add first'),
  ).action(async (folders: string[], opts: ServeOptions) =>
    runServer(globals(), opts, folders, true),
  );

  program
    .command('open')
    .description('open the gallery window (starts the server in the background if needed)')
    .action(async () => {
      const g = globals();
      const dataDir = resolveDataDir(g.data);
      const url = (await findRunningServer(dataDir))?.url ?? (await spawnServer(g, dataDir));
      await reportWindow(url, dataDir);
    });
}
