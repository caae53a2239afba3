// Where Picto's own files are: the code runs from src/ under the tests and from dist/src/ once
// built, so paths are found from the package root rather than from this module's location.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root: the nearest ancestor whose package.json is named "picto". */
export function packageRoot(): string {
  if (root) return root;
  const here = path.dirname(fileURLToPath(import.meta.url));
  let dir = here;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'picto') {
          root = dir;
          return dir;
        }
      } catch {
        // unreadable or not ours: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the picto package root above ${here}`);
    dir = parent;
  }
}

let version: string | undefined;

/** Picto's version, from its package.json. */
export function packageVersion(): string {
  version ??= (
    JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}
