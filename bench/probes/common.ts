// Shared helpers of the probes: small measurement scripts behind bench/FINDINGS.md. They are not
// benchmark sections (no targets, no saved results); each prints one JSON document.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { benchCache } from '../generate.js';
import { median } from '../sections/common.js';

export const log = (msg: string) => process.stderr.write(`[probe] ${msg}\n`);

export { median };

export const r1 = (n: number) => Math.round(n * 10) / 10;

/** The first `n` photos of the benchmark's grainy pool (run a bench section once to make them). */
export function poolPhotos(n: number): string[] {
  const dir = path.join(benchCache, 'jpeg12mp-v1');
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.jpg'));
  } catch {
    names = [];
  }
  if (names.length === 0)
    throw new Error(`no photos in ${dir}: run \`npm run bench -- --only decode\` first`);
  return names
    .sort()
    .slice(0, n)
    .map((f) => path.join(dir, f));
}

/**
 * Milliseconds of `fn`: wall clock and process CPU (user + system). On a machine shared with other
 * jobs the wall clock of one decode grows with their load; its CPU time much less so.
 */
export async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

/**
 * Runs every variant on every input, interleaved (variant order rotates per round), `rounds`
 * times, and returns the median per variant: on a shared machine alternatives must be measured
 * back to back, never one after the other in long blocks.
 */
export async function interleaved<T>(
  inputs: T[],
  variants: Record<string, (input: T) => Promise<unknown>>,
  rounds = 3,
): Promise<Record<string, { wallMs: number; cpuMs: number }>> {
  const names = Object.keys(variants);
  const samples: Record<string, { wall: number; cpu: number }[]> = Object.fromEntries(
    names.map((n) => [n, []]),
  );
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < inputs.length; i++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + i + round) % names.length];
        samples[name].push(await timed(() => variants[name](inputs[i])));
      }
    }
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        wallMs: r1(median(samples[n].map((s) => s.wall))),
        cpuMs: r1(median(samples[n].map((s) => s.cpu))),
      },
    ]),
  );
}

/** The provisioned models of this checkout (`npm run build:models`). */
export const repoModels = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../../models',
);
