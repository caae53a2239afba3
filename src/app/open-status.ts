import { mkdirSync } from 'node:fs';
import { createRepos, openDatabase } from '../db/index.js';
import { IndexingStatus } from '../jobs/status.js';
import { FolderActivity } from '../library/activity.js';
import { FolderOverview } from '../library/overview.js';
import { EventBus } from '../shared/events.js';
import { dataLayout, resolveDataDir } from './paths.js';
import { LibraryStatus } from './status.js';

// [Note: status opens less] `picto status` reads counts: it needs the catalogue and the few
// services that count, not the whole app (search, people, categories, collection, export: over
// half of what `new Picto()` loads and builds). This opens the same catalogue the same way
// (migrations included) with only what LibraryStatus reads. It leaves out the backfill of stages a
// new version added (jobs/backfill.ts: it needs the pipeline table, and with it the model and
// category modules): status shows the queue as it stands, and the next command that opens the app
// (add, scan, start) queues them. It never starts a runner: a status never starts the workers.

export interface StatusReader {
  readonly status: LibraryStatus;
  close(): void;
}

export function openStatus(opts: { dataDir?: string } = {}): StatusReader {
  const layout = dataLayout(resolveDataDir(opts.dataDir));
  mkdirSync(layout.thumbs, { recursive: true });
  const repos = createRepos(openDatabase(layout.database, { backupDir: layout.backups }));
  const events = new EventBus();
  const activity = new FolderActivity(events);
  const overview = new FolderOverview(repos, events, activity);
  const indexing = new IndexingStatus({
    repos,
    events,
    runner: () => {
      throw new Error('openStatus: a status reader has no job runner');
    },
    runnerIfStarted: () => null,
    // Who indexes is the running server's to say (status asks it: cli/commands/status.ts).
    workforce: () => null,
  });
  const status = new LibraryStatus({ repos, dataDir: layout.root, folders: overview, indexing });
  return {
    status,
    close() {
      overview.dispose();
      activity.dispose();
      indexing.dispose();
      repos.db.close();
    },
  };
}
