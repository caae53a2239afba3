import { opendirSync } from 'node:fs';

import type { Command } from 'commander';
import { ProgressView } from '../progress.js';
import { indexUntilDone, printJson, withPicto, type GlobalOptions } from '../context.js';
import { reportImports } from '../import-report.js';

export function registerFolderCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('add')
    .description('add photo and video folders to the library and scan them')
    .argument('<folder...>', 'folders to add')
    .option(
      '--wait',
      'index everything before returning (thumbnails, metadata, AI; every video playable in a browser)',
    )
    .option('--no-ai', 'do not run AI (objects, faces) on these folders')
    .option('--json', 'print the scan summary as JSON')
    .action(async (folders: string[], opts: { wait?: boolean; ai: boolean; json?: boolean }) => {
      const indexes = Boolean(opts.wait) && folders.some(hasEntries);
      await withPicto({ ...globals(), indexes }, async (picto) => {
        const ids: number[] = [];
        for (const f of folders) {
          const { folder, created, absorbed } = await picto.folders.add(f);
          if (!opts.ai && folder.ai_enabled) picto.folders.setAi(folder.id, false);
          ids.push(folder.id);
          if (!opts.json) {
            process.stderr.write(`${created ? 'added' : 'already in library'}: ${folder.path}\n`);
            for (const a of absorbed) process.stderr.write(`  (now covers ${a})\n`);
          }
        }
        const view = new ProgressView(process.stderr, Boolean(opts.json));
        view.attach(picto.events);
        // Indexing starts with the scan's first batch ([Note: streaming scan] in scanner.ts).
        if (opts.wait) picto.runner.start();
        const summary = await picto.scan(ids);
        view.detach();
        if (opts.wait) await indexUntilDone(picto, Boolean(opts.json));
        const imported = await reportImports(picto, ids, Boolean(opts.json));
        if (opts.json)
          printJson({
            folders: picto.folders.list().filter((f) => ids.includes(f.id)),
            scan: summary,
            imported,
          });
      });
    });

  program
    .command('remove')
    .description('remove a folder from the library (files on disk are not touched)')
    .argument('<folder>', 'library folder')
    .action(async (folder: string) => {
      await withPicto(globals(), async (picto) => {
        const { folder: f, removedPhotos } = await picto.folders.remove(folder);
        process.stderr.write(`removed ${f.path} (${removedPhotos} photos left the catalogue)\n`);
      });
    });

  program
    .command('scan')
    .description('look for new, changed, moved and deleted files in every library folder')
    .option('--wait', 'index everything before returning (every video playable in a browser)')
    .option('--json', 'print the scan summary as JSON')
    .action(async (opts: { wait?: boolean; json?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const view = new ProgressView(process.stderr, Boolean(opts.json));
        view.attach(picto.events);
        if (opts.wait) picto.runner.start();
        const summary = await picto.scan();
        view.detach();
        if (opts.wait) await indexUntilDone(picto, Boolean(opts.json));
        const ids = picto.folders.list().map((f) => f.id);
        const imported = await reportImports(picto, ids, Boolean(opts.json));
        if (opts.json) printJson({ ...summary, imported });
      });
    });
}

/**
 * Worth starting the worker threads before the app for ([Note: workers first] in
 * app/workers-first.ts): something is in the folder. An empty one (or one that cannot be listed:
 * the command will say why) would only have the threads' start-up slow the command down.
 */
function hasEntries(folder: string): boolean {
  try {
    const dir = opendirSync(folder);
    try {
      return dir.readSync() !== null;
    } finally {
      dir.closeSync();
    }
  } catch {
    return false;
  }
}
