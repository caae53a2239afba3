// Main-thread side of the discovery stages: registers them (so scans queue them) and writes what
// the workers computed. Imported by src/search/discovery.ts.

import type { Repos } from '../../db/index.js';
import { registerApplier } from '../../jobs/appliers/registry.js';
import { registerStage } from '../../jobs/stages.js';
import type { StageOutcome } from '../../jobs/task.js';
import type { Signature } from '../duplicates/signature.js';
import type { TextLine } from '../../db/repos/photo-text.js';
import { OCR_STAGE, SEMANTIC_STAGE, SIMILARITY_STAGE } from './defs.js';

registerStage(SIMILARITY_STAGE);

registerApplier(SIMILARITY_STAGE.name, (repos: Repos, photoId: string, outcome: StageOutcome) => {
  if (!outcome.ok) return;
  repos.discovery.duplicates.saveSignature(photoId, outcome.data as Signature, outcome.version);
});

registerApplier(
  OCR_STAGE.name,
  (repos: Repos, photoId: string, outcome: StageOutcome, now: string) => {
    if (!outcome.ok) return;
    repos.discovery.text.save(photoId, outcome.data as TextLine[], outcome.version, now);
  },
);

registerApplier(SEMANTIC_STAGE.name, (repos: Repos, photoId: string, outcome: StageOutcome) => {
  if (!outcome.ok) return;
  const { model, vector } = outcome.data as { model: string; vector: Float32Array };
  // Stored under the model's name (its version names the file it came from).
  repos.discovery.embeddings.save(photoId, model.split(':')[1] ?? model, vector);
});
