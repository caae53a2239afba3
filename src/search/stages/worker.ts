// Worker side of the discovery stages (imported by the indexing worker entry, src/jobs/worker.ts).

import { registerImageStage } from '../../jobs/worker-stages.js';
import { computeSignature } from '../duplicates/signature.js';
import { SIMILARITY_STAGE } from './defs.js';

registerImageStage({
  name: SIMILARITY_STAGE.name,
  version: () => SIMILARITY_STAGE.version,
  run: async (image) => computeSignature(image),
});
