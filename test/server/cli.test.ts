import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const bin = path.join(repoRoot, 'bin', 'picto.js');
const built = existsSync(path.join(repoRoot, 'dist', 'src', 'cli', 'main.js'));
// No display: the commands must print the address instead of opening a window.
const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', PICTO_WORKERS: '1' };

interface Running {
  child: ChildProcess;
  out: () => string;
  url: string;
}

function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 30_000);
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        // Let the rest of the start-up lines arrive.
        setTimeout(() => resolve({ child, out: () => out, url: m[1] }), 300);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe.skipIf(!built)('picto serve / open / start', () => {
  let tmp: string;
  let data: string;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-cli-'));
    data = path.join(tmp, 'data');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('serve listens on loopback, records itself, and open reuses it', async () => {
    const s = await start(['--data', data, 'serve', '--port', '0', '--no-scan']);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(s.out()).not.toMatch(/token=/);
      const info = JSON.parse(readFileSync(path.join(data, 'server.json'), 'utf8'));
      expect(info).toMatchObject({ pid: s.child.pid, url: s.url });
      expect((await fetch(`${s.url}/api/system`)).status).toBe(200);

      const open = spawnSync(process.execPath, [bin, '--data', data, 'open'], {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(open.status).toBe(0);
      expect(open.stdout).toContain(`Open ${s.url} in a browser`);
    } finally {
      expect(await stop(s.child)).toBe(0);
    }
    expect(existsSync(path.join(data, 'server.json'))).toBe(false);
  });

  it('prints the tokenised address when listening beyond loopback', async () => {
    const s = await start([
      '--data',
      data,
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--no-scan',
    ]);
    try {
      expect(s.out()).toContain('Keep that token private');
      const token = /\?token=([\w-]+)/.exec(s.out())?.[1];
      if (token) {
        const lan = /From other devices: (http:\/\/[^/]+)\//.exec(s.out())![1];
        expect((await fetch(`${lan}/api/system`)).status).toBe(401);
        expect(
          (await fetch(`${lan}/api/system`, { headers: { authorization: `Bearer ${token}` } }))
            .status,
        ).toBe(200);
      }
    } finally {
      await stop(s.child);
    }
  });

  it('start adds the folders given, serves, and says where to look', async () => {
    const lib = path.join(tmp, 'Pictures');
    mkdirSync(lib);
    const s = await start(['--data', data, 'start', lib, '--port', '0']);
    try {
      expect(s.out()).toContain(`added: ${lib}`);
      // Said once the window helper has loaded (after "running at"): wait for it.
      await expect.poll(() => s.out(), { timeout: 15_000 }).toContain(`Open ${s.url} in a browser`);
      const folders = (await (await fetch(`${s.url}/api/folders`)).json()) as {
        folders: { path: string }[];
      };
      expect(folders.folders.map((f: { path: string }) => f.path)).toEqual([lib]);
    } finally {
      await stop(s.child);
    }
  });

  it('open starts a server in the background when none runs', async () => {
    const open = spawnSync(process.execPath, [bin, '--data', data, 'open'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(open.status, open.stderr).toBe(0);
    const info = JSON.parse(readFileSync(path.join(data, 'server.json'), 'utf8')) as {
      pid: number;
      url: string;
    };
    try {
      expect(open.stdout).toContain(`Open ${info.url} in a browser`);
      expect((await fetch(`${info.url}/api/system`)).status).toBe(200);
    } finally {
      process.kill(info.pid, 'SIGTERM');
      for (let i = 0; i < 50 && existsSync(path.join(data, 'server.json')); i++)
        await new Promise((r) => setTimeout(r, 100));
    }
  });
});
