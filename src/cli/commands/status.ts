import type { Command } from 'commander';
import type { Picto } from '../../app/picto.js';
import { schemaVersion } from '../../db/migrate.js';
import { printJson, withPicto, type GlobalOptions } from '../context.js';

export function statusOf(picto: Picto) {
  const { repos } = picto;
  const stats = new Map(repos.folders.stats().map((s) => [s.folder_id, s]));
  return {
    dataDir: picto.layout.root,
    schemaVersion: schemaVersion(repos.db),
    photos: { total: repos.photos.count(), ...repos.photos.countByStatus() },
    folders: repos.folders.list().map((f) => ({
      id: f.id,
      path: f.path,
      online: f.online === 1,
      ai: f.ai_enabled === 1,
      photos: stats.get(f.id)?.photos ?? 0,
      errors: stats.get(f.id)?.errors ?? 0,
      pending: stats.get(f.id)?.pending ?? 0,
      lastScanAt: f.last_scan_at,
    })),
    jobs: repos.jobs.countsByStage(),
    albums: repos.albums.list().length,
    unreadableFiles: repos.fileIssues.all().length,
  };
}

export function registerStatusCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('status')
    .description('show the library: folders, photo counts, indexing progress')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withPicto(globals(), async (picto) => {
        const s = statusOf(picto);
        if (opts.json) return printJson(s);
        const out: string[] = [];
        out.push(`Library: ${s.dataDir}`);
        out.push(
          `Photos: ${s.photos.total} (${s.photos.ready} ready, ${s.photos.pending} pending, ${s.photos.error} with errors)`,
        );
        out.push(
          `Folders:${s.folders.length ? '' : ' none yet: add one with "picto add ~/Pictures"'}`,
        );
        for (const f of s.folders) {
          out.push(
            `  ${f.path}  ${f.photos} photos${f.errors ? `, ${f.errors} errors` : ''}` +
              `${f.online ? '' : '  [OFFLINE]'}${f.ai ? '' : '  [AI off]'}`,
          );
        }
        if (s.jobs.length) {
          out.push('Indexing:');
          for (const j of s.jobs) {
            const total = j.pending + j.running + j.done + j.failed;
            out.push(
              `  ${j.stage.padEnd(8)} ${j.done}/${total} done${j.failed ? `, ${j.failed} failed` : ''}${j.pending + j.running ? `, ${j.pending + j.running} to do` : ''}`,
            );
          }
        }
        out.push(`Albums: ${s.albums}`);
        if (s.unreadableFiles) out.push(`Unreadable files: ${s.unreadableFiles}`);
        process.stdout.write(out.join('\n') + '\n');
      });
    });
}
