import type { Command } from 'commander';
import { resolveDataDir } from '../../app/paths.js';
import { findRunningServer } from '../../server/runtime-file.js';
import type { JobsStatus } from '../../shared/api.js';
import { printJson, type GlobalOptions } from '../context.js';
import { workerLines } from './remote.js';

/** Who indexes, as the running server for this library says (nothing when none runs). */
async function serverWorkers(
  g: GlobalOptions,
): Promise<Pick<JobsStatus, 'workers' | 'queue'> | null> {
  const running = await findRunningServer(resolveDataDir(g.data));
  if (!running) return null;
  try {
    const res = await fetch(`${running.url}/api/jobs`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return null;
    const s = (await res.json()) as JobsStatus;
    return { workers: s.workers, ...(s.queue ? { queue: s.queue } : {}) };
  } catch {
    return null;
  }
}

export function registerStatusCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('status')
    .description('show the library: folders, photo and video counts, indexing and transcodes')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const live = await serverWorkers(globals());
      // Only the catalogue and the counting services load ([Note: status opens less]).
      const { openStatus } = await import('../../app/open-status.js');
      const reader = openStatus({ dataDir: globals().data });
      try {
        const s = reader.status.summary();
        if (opts.json) return printJson(live ? { ...s, ...live } : s);
        const out: string[] = [];
        out.push(`Library: ${s.dataDir}`);
        out.push(
          `Photos: ${s.library.photos} (${s.library.ready} ready, ${s.library.pending} pending, ${s.library.errors} with errors)` +
            (s.library.trashed ? `, ${s.library.trashed} in the trash` : ''),
        );
        out.push(
          `Folders:${s.folders.length ? '' : ' none yet: add one with "picto add ~/Pictures"'}`,
        );
        for (const f of s.folders) {
          out.push(
            `  ${f.path}  ${f.photos} photos${f.trashed ? `, ${f.trashed} in the trash` : ''}` +
              `${f.errors ? `, ${f.errors} errors` : ''}` +
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
        if (live) out.push(...workerLines(live.workers, live.queue));
        out.push(`Albums: ${s.albums}`);
        if (s.unreadableFiles) out.push(`Unreadable files: ${s.unreadableFiles}`);
        process.stdout.write(out.join('\n') + '\n');
      } finally {
        reader.close();
      }
    });
}
