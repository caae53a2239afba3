import type { Repos } from '../db/index.js';
import { BACKFILL_STAGES } from './pipeline.js';

/**
 * Photos indexed before a stage existed never had it queued (scans queue stages for new or
 * changed files only): queue it once per stage version for every readable photo without it.
 * A settings key remembers it; its `discovery.` prefix is from when only the duplicate finder's
 * stage needed this, and is kept so existing catalogues are not walked again.
 */
export function queueNewStages(repos: Repos): void {
  for (const stage of BACKFILL_STAGES) {
    const key = `discovery.queued.${stage.name}`;
    if (repos.settings.get(key) === stage.version) continue;
    repos.db.transaction(() => {
      repos.jobs.enqueueMissing(stage.name, stage.priority, new Date().toISOString(), stage.ai);
      repos.settings.set(key, stage.version);
    })();
  }
}
