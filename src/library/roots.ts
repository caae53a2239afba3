// Path arithmetic for a targeted scan: which of the paths asked for cover the others.

import path from 'node:path';

/** Drops paths inside other listed paths: scanning a folder covers everything under it. */
export function minimalRoots(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) {
    if (!out.some((r) => p === r || isInside(p, r))) out.push(p);
  }
  return out;
}

export function isInside(child: string, parent: string): boolean {
  return child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}
