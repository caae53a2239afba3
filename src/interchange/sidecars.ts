import { promises as fs } from 'node:fs';

import type { Repos } from '../db/index.js';
import { SidecarsRepo } from '../db/repos/sidecars.js';
import { groupsForLabel } from '../ml/index.js';
import type { ExifTool } from './exiftool-session.js';
import { sidecarOwnership } from './ownership.js';
import { mergeSidecar } from './sidecar-merge.js';
import { buildSidecar, sidecarModel, type SidecarFace, type SidecarInput } from './xmp.js';
import { MERGE_COPY_SUFFIX } from './xmp-read/sidecar-files.js';

/**
 * What to do where another program's sidecar already sits at `NAME.jpg.xmp`: leave it alone
 * ('skip', the default), or write what it holds plus Picto's data to `NAME.jpg.picto.xmp`
 * ('copy'), which the user can review and put in its place. The other program's file is never
 * written either way.
 */
export type ForeignSidecarPolicy = 'skip' | 'copy';

export interface SidecarReport {
  photos: number;
  /** Sidecars written whole (new, or Picto's own untouched ones regenerated). */
  written: number;
  unchanged: number;
  /** Picto's own sidecars another tool had rewritten: Picto's data merged in, theirs kept. */
  merged: number;
  /** Merge copies beside another program's sidecar (policy 'copy'). */
  copies: { path: string; beside: string }[];
  skipped: { path: string; reason: string }[];
  dryRun: boolean;
  foreign: ForeignSidecarPolicy;
}

/** Data the catalogue does not hold yet (ratings, descriptions, keywords), per photo. */
export type SidecarExtras = (
  photoId: string,
) => Pick<SidecarInput, 'rating' | 'description' | 'keywords'> | undefined;

export interface SidecarWriteOptions {
  folder?: string;
  dryRun?: boolean;
  foreign?: ForeignSidecarPolicy;
  extras?: SidecarExtras;
}

async function writeAtomic(target: string, text: string): Promise<void> {
  const tmp = `${target}.picto-tmp`;
  await fs.writeFile(tmp, text, 'utf8');
  await fs.rename(tmp, target);
}

/**
 * Writes `<original>.xmp` beside each original (the darktable/digiKam naming) with tags, people,
 * face regions, keywords, rating and description. Only on request; never touches the original;
 * replaces only sidecars it wrote itself (see [Note: sidecar ownership mark]).
 */
export class SidecarService {
  private readonly repo: SidecarsRepo;

  constructor(private readonly repos: Repos) {
    this.repo = new SidecarsRepo(repos.db);
  }

  /** Every face the viewer shows, named when its person has a visible name. */
  private faces(photoId: string): SidecarFace[] {
    const names = new Map<number, string | null>();
    return this.repos.people.facesInPhoto(photoId).map((f) => {
      let name: string | null = null;
      if (f.person_id !== null) {
        if (!names.has(f.person_id)) {
          const p = this.repos.people.resolve(f.person_id);
          names.set(f.person_id, p && !p.hidden && p.name?.trim() ? p.name.trim() : null);
        }
        name = names.get(f.person_id) ?? null;
      }
      return { name, box: [f.x, f.y, f.w, f.h] };
    });
  }

  async write(opts: SidecarWriteOptions = {}): Promise<SidecarReport> {
    const report: SidecarReport = {
      photos: 0,
      written: 0,
      unchanged: 0,
      merged: 0,
      copies: [],
      skipped: [],
      dryRun: Boolean(opts.dryRun),
      foreign: opts.foreign ?? 'skip',
    };
    // ExifTool is started only if some file needs merging, and ended when the batch is done.
    let et: ExifTool | null = null;
    // exiftool (perl) and its module load when a sidecar is first read, not with the app.
    const exiftool = async (): Promise<ExifTool> => {
      const { openExifTool } = await import('./exiftool-session.js');
      et ??= openExifTool();
      return et;
    };
    try {
      for (const photo of this.repo.photos(opts.folder)) {
        if (!photo.width || !photo.height) continue;
        const objects = this.repo.labels(photo.id).map((label) => ({
          label,
          groups: groupsForLabel(label),
        }));
        const faces = this.faces(photo.id);
        const extras = opts.extras?.(photo.id) ?? {};
        const input: SidecarInput = {
          objects,
          faces,
          ...extras,
          width: photo.width,
          height: photo.height,
          orientation: photo.orientation,
        };
        if (
          !objects.length &&
          !faces.length &&
          !extras.keywords?.length &&
          !extras.rating &&
          !extras.description
        ) {
          continue;
        }
        report.photos++;
        const xml = buildSidecar(input);
        const model = sidecarModel(input);
        for (const loc of this.repos.locations.forPhoto(photo.id)) {
          await this.writeOne(`${loc.path}.xmp`, xml, model, report, opts, exiftool);
        }
      }
    } finally {
      await (et as ExifTool | null)?.end();
    }
    return report;
  }

  private async writeOne(
    target: string,
    xml: string,
    model: ReturnType<typeof sidecarModel>,
    report: SidecarReport,
    opts: SidecarWriteOptions,
    exiftool: () => Promise<ExifTool>,
  ): Promise<void> {
    try {
      const existing = await fs.readFile(target, 'utf8').catch(() => null);
      const owner = existing === null ? null : sidecarOwnership(existing);
      if (existing === null || owner === 'picto') {
        if (existing === xml) report.unchanged++;
        else {
          if (!opts.dryRun) await writeAtomic(target, xml);
          report.written++;
        }
        return;
      }
      if (owner === 'picto-modified') {
        const out = await mergeSidecar(await exiftool(), target, target, model, opts);
        if (out.changed) report.merged++;
        else report.unchanged++;
        return;
      }
      if ((opts.foreign ?? 'skip') === 'skip') {
        report.skipped.push({
          path: target,
          reason: 'a sidecar written by another program is already there (left as it is)',
        });
        return;
      }
      const copy = target.slice(0, -'.xmp'.length) + MERGE_COPY_SUFFIX;
      const copyText = await fs.readFile(copy, 'utf8').catch(() => null);
      if (copyText !== null && sidecarOwnership(copyText) === 'foreign') {
        report.skipped.push({
          path: copy,
          reason: 'another program’s file has the merge copy’s name',
        });
        return;
      }
      const out = await mergeSidecar(await exiftool(), target, copy, model, opts);
      if (out.changed) report.copies.push({ path: copy, beside: target });
      else report.unchanged++;
    } catch (err) {
      report.skipped.push({ path: target, reason: (err as Error).message.split('\n')[0] });
    }
  }
}
