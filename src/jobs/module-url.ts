import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Worker threads need compiled JavaScript. When this code itself runs from TypeScript sources (tests
 * under vitest), the sibling module is taken from dist/ instead, which `npm test` builds first.
 */
export function compiledSibling(fromUrl: string, name: string): string {
  const here = fileURLToPath(fromUrl);
  const sibling = new URL(`./${name}.js`, fromUrl);
  if (!here.endsWith('.ts')) return fileURLToPath(sibling);
  const file = fileURLToPath(sibling);
  const at = file.lastIndexOf(`${path.sep}src${path.sep}`);
  const dist = `${file.slice(0, at)}${path.sep}dist${file.slice(at)}`;
  if (!existsSync(dist)) {
    throw new Error(`compiled worker not found at ${dist}: run "npm run build" first`);
  }
  return dist;
}
