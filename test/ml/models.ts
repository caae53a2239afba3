// Tests that run real models make sure they are provisioned first (idempotent: ~0.1 s when the
// files are there, ~2 s to convert them), so `npx vitest run test/ml` works on a fresh checkout.

import { defaultModelsDir } from '../../src/ml/paths.js';
import { provisionModels } from '../../src/ml/provision.js';

let done = false;

export function ensureModels(): void {
  if (done) return;
  const failed = provisionModels({ modelsDir: defaultModelsDir() }).filter(
    (r) => r.action === 'failed',
  );
  if (failed.length > 0)
    throw new Error(
      `model provisioning failed: ${failed.map((f) => `${f.id}: ${f.error}`).join('; ')}`,
    );
  done = true;
}
