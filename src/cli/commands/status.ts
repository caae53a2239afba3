import type { Command } from 'commander';
import { printJson, type GlobalOptions } from '../context.js';

export function registerStatusCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('status')
    .description('show the library: folders, photo and video counts, indexing and transcodes')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      // Only the catalogue and the counting services load ([Note: status opens less]).
      const { openStatus } = await import('../../app/open-status.js');
      const reader = openStatus({ dataDir: globals().data });
      try {
        const s = reader.status.summary();
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
        const v = s.videos;
        if (v.total || v.live) {
          const t = v.transcodes;
          out.push(
            `Videos: ${v.total} (${v.playable} playable; transcodes ${t.done} done, ${t.pending + t.running} to do${t.failed ? `, ${t.failed} failed` : ''}), Live Photos: ${v.live}`,
          );
        }
        out.push(`Albums: ${s.albums}`);
        if (s.unreadableFiles) out.push(`Unreadable files: ${s.unreadableFiles}`);
        process.stdout.write(out.join('\n') + '\n');
      } finally {
        reader.close();
      }
    });
}
