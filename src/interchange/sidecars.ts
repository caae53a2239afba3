import { promises as fs } from 'node:fs';
import type { Repos } from '../db/index.js';
import { SidecarsRepo } from '../db/repos/sidecars.js';
import { groupsForLabel } from '../ml/index.js';
import { buildSidecar, PICTO_MARK } from './xmp.js';

export interface SidecarReport {
  photos: number;
  written: number;
  unchanged: number;
  skipped: { path: string; reason: string }[];
  dryRun: boolean;
}

/**
 * Writes `<original>.xmp` beside each original (the darktable/digiKam naming), with tags and
 * people names. Only on request; never touches the original; leaves other programs' sidecars alone.
 */
export class SidecarService {
  private readonly repo: SidecarsRepo;

  constructor(private readonly repos: Repos) {
    this.repo = new SidecarsRepo(repos.db);
  }

  async write(opts: { folder?: string; dryRun?: boolean } = {}): Promise<SidecarReport> {
    const report: SidecarReport = {
      photos: 0,
      written: 0,
      unchanged: 0,
      skipped: [],
      dryRun: Boolean(opts.dryRun),
    };
    for (const photo of this.repo.photos(opts.folder)) {
      if (!photo.width || !photo.height) continue;
      const labels = this.repo.labels(photo.id);
      const tags = [...new Set(labels.flatMap((l) => [l, ...groupsForLabel(l)]))];
      const faces = this.repo.namedFaces(photo.id).map((f) => ({
        name: f.name.trim(),
        box: [f.x, f.y, f.w, f.h] as [number, number, number, number],
      }));
      if (tags.length === 0 && faces.length === 0) continue;
      report.photos++;
      const xml = buildSidecar({
        tags,
        faces,
        width: photo.width,
        height: photo.height,
        orientation: photo.orientation,
      });
      for (const loc of this.repos.locations.forPhoto(photo.id)) {
        const target = `${loc.path}.xmp`;
        const existing = await fs.readFile(target, 'utf8').catch(() => null);
        if (existing !== null && !existing.includes(PICTO_MARK)) {
          report.skipped.push({
            path: target,
            reason: 'a sidecar written by another program is already there',
          });
          continue;
        }
        if (existing === xml) {
          report.unchanged++;
          continue;
        }
        if (opts.dryRun) {
          report.written++;
          continue;
        }
        try {
          const tmp = `${target}.picto-tmp`;
          await fs.writeFile(tmp, xml, 'utf8');
          await fs.rename(tmp, target);
          report.written++;
        } catch (err) {
          report.skipped.push({ path: target, reason: (err as Error).message });
        }
      }
    }
    return report;
  }
}
