// Where models and their source packages live. Works from src/ (vitest) and from dist/ (build).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../shared/package-root.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Default folder of the provisioned ONNX models: PICTO_MODELS_DIR, else <repo>/models. */
export function defaultModelsDir(): string {
  return process.env.PICTO_MODELS_DIR
    ? path.resolve(process.env.PICTO_MODELS_DIR)
    : path.join(packageRoot(), 'models');
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
