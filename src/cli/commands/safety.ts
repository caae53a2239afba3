import type { Command } from 'commander';
import { resolveDataDir } from '../../app/paths.js';
import { findRunningServer } from '../../server/runtime-file.js';
import { printJson, withPicto, type GlobalOptions } from '../context.js';
import { PictoError } from '../../shared/errors.js';

export function registerBackupCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('backup')
    .description('copy the catalogue (favourites, albums, people…) to a backup file')
    .option('--out <file>', "where to write it (default: the data folder's backups/)")
    .option('--list', 'list existing backups instead')
    .option('--json', 'machine-readable output')
    .action(async (opts: { out?: string; list?: boolean; json?: boolean }) => {
      if (opts.list) {
        const { backupsIn } = await import('../../app/backups.js');
        const list = backupsIn(resolveDataDir(globals().data));
        if (opts.json) return printJson(list);
        if (!list.length) process.stdout.write('no backups yet: picto backup\n');
        for (const b of list) {
          process.stdout.write(
            `${b.createdAt}  ${b.kind.padEnd(13)} ${(b.bytes / 1e6).toFixed(1)} MB  ${b.file}\n`,
          );
        }
        return;
      }
      await withPicto(globals(), async (picto) => {
        const info = await picto.backup('manual', opts.out);
        if (opts.json) return printJson(info);
        process.stderr.write(
          `backup written: ${info.file} (${(info.bytes / 1e6).toFixed(1)} MB)\n`,
        );
      });
    });

  program
    .command('restore')
    .description('replace the catalogue with a backup (the current one is kept as a backup first)')
    .argument('<file>', 'backup file (see picto backup --list)')
    .action(async (file: string) => {
      const dataDir = resolveDataDir(globals().data);
      const running = await findRunningServer(dataDir);
      if (running) {
        throw new PictoError(
          'usage',
          `Picto is running at ${running.url}: stop it before restoring`,
        );
      }
      const { restoreBackup } = await import('../../app/backups.js');
      const kept = restoreBackup(file, dataDir);
      process.stderr.write(
        `restored ${file}${kept ? `; the previous catalogue was saved as ${kept}` : ''}\n` +
          'run "picto scan" to bring it up to date with the files on disk\n',
      );
    });
}

export function registerSidecarCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('xmp')
    .description(
      'write XMP sidecars (tags, people names) beside the originals; originals are never modified',
    )
    .option('--folder <dir>', 'only photos under this folder')
    .option('--dry-run', 'say what would be written, write nothing')
    .option('--json', 'machine-readable output')
    .action(async (opts: { folder?: string; dryRun?: boolean; json?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const folder = opts.folder ? await picto.folders.canonical(opts.folder) : undefined;
        const report = await picto.sidecars.write({ folder, dryRun: opts.dryRun });
        if (opts.json) return printJson(report);
        process.stderr.write(
          `${report.dryRun ? 'would write' : 'wrote'} ${report.written} sidecar(s) for ${report.photos} photo(s)` +
            `${report.unchanged ? `, ${report.unchanged} already up to date` : ''}` +
            `${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}\n`,
        );
        for (const s of report.skipped) process.stderr.write(`  skipped ${s.path}: ${s.reason}\n`);
      });
    });
}
