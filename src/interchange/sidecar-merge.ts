// Merging Picto's sidecar values into an XMP file another tool has written (or rewritten), through
// ExifTool, so that nothing the other tool wrote is lost:
//
// - lists (dc:subject, TagsList, hierarchicalSubject, PersonInImage): what the file holds, minus
//   what Picto wrote there earlier and no longer says (`picto:Wrote`), plus what Picto says now;
// - face regions (MWG and Microsoft): Picto's faces, plus every region of theirs that is neither
//   over one of Picto's faces nor a face Picto wrote earlier (a face drawn by hand, a pet, a focus
//   area stay);
// - rating and description: theirs when they set one (the other tool is where the user last
//   edited them), Picto's otherwise, and Picto's when the file still holds what Picto wrote.
//
// The file is merged in a temporary copy and moved over the destination only when it changed.

import { promises as fs } from 'node:fs';

import { iou } from '../ml/index.js';
import type { ExifTool } from './exiftool-session.js';
import type { NormRect } from './geometry.js';
import { parseWroteRegion, r6, wroteList, type SidecarModel } from './xmp.js';

type Raw = Record<string, unknown>;
type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/** What an earlier Picto write put in the file, by kind ("tag" → ["People/Ana", …]). */
function previous(existing: Raw): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of strs(existing['XMP-picto:Wrote'])) {
    const colon = entry.indexOf(':');
    if (colon < 0) continue;
    const kind = entry.slice(0, colon);
    out.set(kind, [...(out.get(kind) ?? []), entry.slice(colon + 1)]);
  }
  return out;
}

function mergeList(theirs: unknown, before: string[] = [], ours: string[]): string[] {
  const stale = new Set(before.map((v) => v.toLowerCase()));
  const keep = new Set(ours.map((v) => v.toLowerCase()));
  const out = strs(theirs).filter((v) => !stale.has(v.toLowerCase()) || keep.has(v.toLowerCase()));
  const seen = new Set(out.map((v) => v.toLowerCase()));
  for (const v of ours) if (!seen.has(v.toLowerCase())) out.push(v);
  return out;
}

function parseRect(s: string, sep = ','): NormRect | null {
  const r = s.split(sep).map((p) => Number(p.trim()));
  return r.length === 4 && r.every(Number.isFinite) ? (r as NormRect) : null;
}

type Earlier = { rect: NormRect; name: string | null }[];

const sameName = (a: unknown, b: string | null) =>
  (typeof a === 'string' && a.trim() ? a.trim().toLowerCase() : null) ===
  (b?.toLowerCase() ?? null);

/**
 * Is this region of theirs to be replaced: over a face of Picto's now, or exactly what Picto wrote
 * before (same place, same name; one the other tool renamed is theirs now)?
 */
function replaced(
  rect: NormRect,
  name: unknown,
  ours: SidecarModel['regions'],
  before: Earlier,
): boolean {
  return (
    ours.some((o) => iou(rect, o.rect) > 0.5) ||
    before.some((b) => iou(rect, b.rect) > 0.9 && sameName(name, b.name))
  );
}

function keptMwg(info: unknown, ours: SidecarModel['regions'], before: Earlier): Obj[] {
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
    if (isFace && replaced([x - w / 2, y - h / 2, w, h], r.Name, ours, before)) continue;
    kept.push({ ...r, Area: { X: x, Y: y, W: w, H: h, Unit: 'normalized' } });
  }
  return kept;
}

function keptMp(info: unknown, ours: SidecarModel['regions'], before: Earlier): Obj[] {
  return arr(obj(info)?.Regions)
    .map(obj)
    .filter((r): r is Obj => {
      const rect = r && typeof r.Rectangle === 'string' ? parseRect(r.Rectangle) : null;
      return rect !== null && !replaced(rect, r!.PersonDisplayName, ours, before);
    });
}

/** The tags to write so the file holds both what it held and what Picto knows. Pure. */
export function mergedTags(existing: Raw, m: SidecarModel): Record<string, unknown> {
  const before = previous(existing);
  const tags: Record<string, unknown> = {};
  const lists: [string, string, string[]][] = [
    ['XMP-dc:Subject', 'subject', m.subject],
    ['XMP-digiKam:TagsList', 'tag', m.tagsList],
    ['XMP-lr:HierarchicalSubject', 'lr', m.hierarchy],
    ['XMP-iptcExt:PersonInImage', 'person', m.persons],
  ];
  for (const [tag, kind, ours] of lists) {
    const merged = mergeList(existing[tag], before.get(kind), ours);
    // An empty list is deleted (null), but only where the file had one.
    if (merged.length) tags[tag] = merged;
    else if (existing[tag] !== undefined) tags[tag] = null;
  }

  const oldRegions = (before.get('region') ?? []).map(parseWroteRegion).filter((r) => r !== null);
  const theirsMwg = keptMwg(existing['XMP-mwg-rs:RegionInfo'], m.regions, oldRegions);
  const theirsMp = keptMp(existing['XMP-MP:RegionInfoMP'], m.regions, oldRegions);
  const mwg = m.regions.map((r) => {
    const [l, t, w, h] = r.rect;
    const Area = { X: +r6(l + w / 2), Y: +r6(t + h / 2), W: +r6(w), H: +r6(h), Unit: 'normalized' };
    return r.name ? { Area, Name: r.name, Type: 'Face' } : { Area, Type: 'Face' };
  });
  const mp = m.regions.map((r) => {
    const Rectangle = r.rect.map(r6).join(', ');
    return r.name ? { Rectangle, PersonDisplayName: r.name } : { Rectangle };
  });
  const dims = m.regions.length
    ? { W: m.stored.width, H: m.stored.height, Unit: 'pixel' }
    : obj(obj(existing['XMP-mwg-rs:RegionInfo'])?.AppliedToDimensions);
  const regionList = [...mwg, ...theirsMwg];
  if (regionList.length) {
    tags['XMP-mwg-rs:RegionInfo'] = dims
      ? { AppliedToDimensions: dims, RegionList: regionList }
      : { RegionList: regionList };
  } else if (existing['XMP-mwg-rs:RegionInfo'] !== undefined) tags['XMP-mwg-rs:RegionInfo'] = null;
  const mpList = [...mp, ...theirsMp];
  if (mpList.length) tags['XMP-MP:RegionInfoMP'] = { Regions: mpList };
  else if (existing['XMP-MP:RegionInfoMP'] !== undefined) tags['XMP-MP:RegionInfoMP'] = null;

  // Theirs when they set one; a value that is still what Picto wrote earlier follows Picto now.
  const theirRating = existing['XMP-xmp:Rating'];
  const pictoRating =
    theirRating !== undefined && before.get('rating')?.[0] === String(theirRating);
  if (theirRating === undefined || pictoRating) {
    if (m.rating !== null) tags['XMP-xmp:Rating'] = m.rating;
    else if (pictoRating) tags['XMP-xmp:Rating'] = null;
  }
  const theirText = existing['XMP-dc:Description'];
  const pictoText = theirText !== undefined && before.get('description')?.[0] === String(theirText);
  if (theirText === undefined || pictoText) {
    if (m.description) tags['XMP-dc:Description'] = m.description;
    else if (pictoText) tags['XMP-dc:Description'] = null;
  }
  tags['XMP-picto:Wrote'] = wroteList(m);
  // A file without Picto's mark (a merge copy of another program's sidecar) gets one; a rewritten
  // Picto sidecar keeps its old value, which no longer matches its content (see ownership.ts).
  if (existing['XMP-picto:Sidecar'] === undefined) tags['XMP-picto:Sidecar'] = 'merged';
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
 * `et` must be an ExifTool from openExifTool() (it knows Picto's namespace).
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
    const problems = [...strs(existing['ExifTool:Error']), ...strs(existing.errors)];
    if (problems.length) throw new Error(problems[0]);
    await et.write(tmp, mergedTags(existing, model) as never, {
      writeArgs: ['-overwrite_original'],
    });
    const text = await fs.readFile(tmp, 'utf8');
    const before = await fs.readFile(dest, 'utf8').catch(() => null);
    if (before === text || opts.dryRun) return { text, changed: before !== text };
    await fs.rename(tmp, dest);
    return { text, changed: true };
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
