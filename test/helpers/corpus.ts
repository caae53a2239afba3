import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Root of the shared photo corpus (PICTO_CORPUS, default ../shared/corpus next to the checkout). */
export const corpusRoot = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');

const required = process.env.PICTO_REQUIRE_CORPUS === '1';
const present =
  existsSync(path.join(corpusRoot, 'exif')) && existsSync(path.join(corpusRoot, 'faces'));

if (!present) {
  if (required) {
    throw new Error(
      `PICTO_REQUIRE_CORPUS=1 but the photo corpus is missing at ${corpusRoot} (set PICTO_CORPUS)`,
    );
  }
  console.warn(
    `\n*** NOTICE: photo corpus not found at ${corpusRoot}; corpus tests are SKIPPED. ` +
      `Set PICTO_CORPUS to run them. ***\n`,
  );
}

/** True when corpus tests can run; use with `describe.skipIf(!hasCorpus)`. */
export const hasCorpus = present;

/** Absolute path of a file inside the corpus. */
export function corpusPath(...parts: string[]): string {
  return path.join(corpusRoot, ...parts);
}

export { repoRoot };
