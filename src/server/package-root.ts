import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root: found by walking up to picto's package.json, because this module
 * runs from src/ under the tests and from dist/src/ once built.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'picto')
          return dir;
      } catch {
        // not ours: keep walking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the picto package root');
    dir = up;
  }
}

let cachedVersion: string | undefined;

export function packageVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return cachedVersion;
}

/** The built web app (web/dist), or null when it has not been built. */
export function webDist(): string | null {
  const dir = path.join(packageRoot(), 'web', 'dist');
  return existsSync(path.join(dir, 'index.html')) ? dir : null;
}

/** The app icon (web/public/icon.svg) for the API docs page; null if it is not there. */
export function appIcon(): Buffer | null {
  const file = path.join(packageRoot(), 'web', 'public', 'icon.svg');
  return existsSync(file) ? readFileSync(file) : null;
}
