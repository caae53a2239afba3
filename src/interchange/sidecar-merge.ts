// Merging Picto's sidecar values into an XMP file another tool has written (or rewritten), through
// ExifTool, so that nothing the other tool wrote is lost:
//
// - lists (dc:subject, TagsList, hierarchicalSubject, PersonInImage): the union, theirs first;
// - face regions (MWG and Microsoft): Picto's faces, plus every region of theirs that overlaps
//   none of Picto's (a face drawn by hand, a pet, a focus area);
// - rating and description: theirs when they have one (the other tool is where the user last
//   edited them), Picto's otherwise.
//
// The file is merged in a temporary copy and moved over the destination only when it changed.

import { promises as fs } from 'node:fs';

import { iou } from '../ml/index.js';
import type { ExifTool } from './exiftool-session.js';
import type { NormRect } from './geometry.js';
import { addMark } from './ownership.js';
import { r6, type SidecarModel } from './xmp.js';

type Raw = Record<string, unknown>;
type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

function union(theirs: unknown, ours: string[]): string[] {
  const out = arr(theirs).filter((v): v is string => typeof v === 'string');
  const seen = new Set(out.map((v) => v.toLowerCase()));
  for (const v of ours) if (!seen.has(v.toLowerCase())) out.push(v);
  return out;
}

const overlapsAny = (rect: NormRect, ours: SidecarModel['regions']) =>
  ours.some((o) => iou(rect, o.rect) > 0.5);

/** Their MWG regions that stay: every non-face region, and faces none of ours covers. */
function keptMwg(info: unknown, ours: SidecarModel['regions']): Obj[] {
  const o = obj(info);
  if (!o) return [];
  const dims = obj(o.AppliedToDimensions);
  const kept: Obj[] = [];
  for (const item of arr(o.RegionList)) {
    const r = obj(item);
    const a = obj(r?.Area);
    if (!r || !a) continue;
    const isFace = !r.Type || String(r.Type).toLowerCase() === 'face';
    let [x, y, w, h] = [num(a.X), num(a.Y), num(a.W), num(a.H)];
    if (String(a.Unit ?? 'normalized').toLowerCase() === 'pixel' && dims) {
      [x, w] = [x / num(dims.W), w / num(dims.W)];
      [y, h] = [y / num(dims.H), h / num(dims.H)];
    }
    if (![x, y, w, h].every(Number.isFinite)) continue;
    if (isFace && overlapsAny([x - w / 2, y - h / 2, w, h], ours)) continue;
    kept.push({ ...r, Area: { X: x, Y: y, W: w, H: h, Unit: 'normalized' } });
  }
  return kept;
}

function keptMp(info: unknown, ours: SidecarModel['regions']): Obj[] {
  const o = obj(info);
  if (!o) return [];
  return arr(o.Regions)
    .map(obj)
    .filter((r): r is Obj => {
      if (!r || typeof r.Rectangle !== 'string') return false;
      const rect = r.Rectangle.split(',').map((p) => Number(p.trim()));
      return (
        rect.length === 4 && rect.every(Number.isFinite) && !overlapsAny(rect as NormRect, ours)
      );
    });
}

/** The tags to write so the file holds both what it held and what Picto knows. Pure. */
export function mergedTags(existing: Raw, m: SidecarModel): Record<string, unknown> {
  const tags: Record<string, unknown> = {
    'XMP-dc:Subject': union(existing['XMP-dc:Subject'], m.subject),
    'XMP-digiKam:TagsList': union(existing['XMP-digiKam:TagsList'], m.tagsList),
    'XMP-lr:HierarchicalSubject': union(existing['XMP-lr:HierarchicalSubject'], m.hierarchy),
    'XMP-iptcExt:PersonInImage': union(existing['XMP-iptcExt:PersonInImage'], m.persons),
  };
  for (const [k, v] of Object.entries(tags)) if ((v as string[]).length === 0) delete tags[k];
  const theirsMwg = keptMwg(existing['XMP-mwg-rs:RegionInfo'], m.regions);
  const theirsMp = keptMp(existing['XMP-MP:RegionInfoMP'], m.regions);
  if (m.regions.length) {
    const mwg = m.regions.map((r) => {
      const [l, t, w, h] = r.rect;
      const area = {
        X: +r6(l + w / 2),
        Y: +r6(t + h / 2),
        W: +r6(w),
        H: +r6(h),
        Unit: 'normalized',
      };
      return r.name ? { Area: area, Name: r.name, Type: 'Face' } : { Area: area, Type: 'Face' };
    });
    tags['XMP-mwg-rs:RegionInfo'] = {
      AppliedToDimensions: { W: m.stored.width, H: m.stored.height, Unit: 'pixel' },
      RegionList: [...mwg, ...theirsMwg],
    };
    const mp = m.regions.map((r) => {
      const Rectangle = r.rect.map(r6).join(', ');
      return r.name ? { Rectangle, PersonDisplayName: r.name } : { Rectangle };
    });
    tags['XMP-MP:RegionInfoMP'] = { Regions: [...mp, ...theirsMp] };
  }
  if (m.rating !== null && existing['XMP-xmp:Rating'] === undefined)
    tags['XMP-xmp:Rating'] = m.rating;
  if (m.description && existing['XMP-dc:Description'] === undefined) {
    tags['XMP-dc:Description'] = m.description;
  }
  return tags;
}

export interface MergeOutcome {
  /** The merged document (what `dest` holds now, or would hold in a dry run). */
  text: string;
  changed: boolean;
}

/**
 * Merges `model` into the XMP file `source` and puts the result at `dest` (the same path to merge
 * in place). `source` is only read. Throws with ExifTool's reason when the file is not valid XMP.
 */
export async function mergeSidecar(
  et: ExifTool,
  source: string,
  dest: string,
  model: SidecarModel,
  opts: { dryRun?: boolean } = {},
): Promise<MergeOutcome> {
  // ExifTool decides the format by extension: the working copy must end in .xmp.
  const tmp = `${dest}.picto-tmp.xmp`;
  await fs.copyFile(source, tmp);
  try {
    const existing = (await et.readRaw(tmp, {
      readArgs: ['-G1', '-struct', '-n', '-XMP:all'],
      useMWG: false,
    })) as Raw;
    if (existing['File:FileType'] !== undefined && existing['File:FileType'] !== 'XMP') {
      throw new Error(`not an XMP file (${String(existing['File:FileType'])})`);
    }
    const tags = mergedTags(existing, model);
    await et.write(tmp, tags as never, { writeArgs: ['-overwrite_original'] });
    const text = addMark(await fs.readFile(tmp, 'utf8'));
    const before = await fs.readFile(dest, 'utf8').catch(() => null);
    if (before === text || opts.dryRun) return { text, changed: before !== text };
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, dest);
    return { text, changed: true };
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
