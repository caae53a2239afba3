// Files the server serves from the package: the built web app and the app icon.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../shared/package-root.js';

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
