// Where models and their source packages live. Works from src/ (vitest) and from dist/ (build).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Repository root: the nearest ancestor whose package.json is named "picto". */
export function repoRoot(): string {
  let dir = here;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'picto')
          return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the picto repository root above ${here}`);
    dir = parent;
  }
}

/** Default folder of the provisioned ONNX models: PICTO_MODELS_DIR, else <repo>/models. */
export function defaultModelsDir(): string {
  return process.env.PICTO_MODELS_DIR
    ? path.resolve(process.env.PICTO_MODELS_DIR)
    : path.join(repoRoot(), 'models');
}

/**
 * Folder of an installed npm package, found by walking node_modules upwards (require.resolve
 * cannot be used: @vladmandic/human's "exports" map hides its package.json and model files).
 */
export function packageDir(name: string): string | null {
  let dir = here;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
