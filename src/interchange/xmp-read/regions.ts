// Named face regions other tools wrote, read from ExifTool's structured output (`-struct`):
//
// - MWG (`XMP-mwg-rs:RegionInfo`): Lightroom Classic, Picasa 3.9+, digiKam, Apple Photos exports.
//   `Area` is the region's *centre* and size, normalised, on the stored pixels; `Type` is Face,
//   Pet, Focus or BarCode (only faces name people). Picasa leaves unnamed faces out or names them
//   `ffffffffffffffff`.
// - Microsoft (`XMP-MP:RegionInfoMP`, MPRI): Windows Photo Gallery, digiKam. `Rectangle` is
//   "left, top, width, height", normalised, with `PersonDisplayName`.
//
// digiKam writes every face in both shapes; MWG is preferred, a Microsoft region adds a face only
// where no MWG region already lies. See [Note: regions live on stored pixels] in geometry.ts.

import { iou } from '../../ml/index.js';
import { rectToBox, storedToDisplayed, type Box, type NormRect } from '../geometry.js';

export interface Region {
  /** The person's name; null for a face region without one (MWG allows unnamed faces). */
  name: string | null;
  /** Normalised [left, top, width, height] on the displayed photo. */
  rect: NormRect;
  /** [x, y, w, h] in pixels of the displayed photo, when its size was given (withBoxes()). */
  box?: Box;
  source: 'mwg' | 'mp';
}

/** The regions with pixel boxes on a displayed photo of this size (what faces are stored in). */
export function withBoxes(regions: Region[], width: number, height: number): Region[] {
  return regions.map((r) => ({ ...r, box: rectToBox(r.rect, width, height) }));
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

/** Struct fields come back as ExifTool names them (`Name`, `Area`); match case-insensitively. */
function field(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const key = Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : o[key];
}

function num(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** Picasa's placeholder for a face it has not named, and blank names, mean "no name". */
export function regionName(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const name = v.replace(/\s+/g, ' ').trim();
  if (!name || /^f{16}$/i.test(name)) return null;
  return name;
}

function plausible(r: NormRect): boolean {
  return r.every((v) => Number.isFinite(v)) && r[2] > 0.001 && r[3] > 0.001;
}

/** MWG regions (faces only), on the displayed photo. */
export function mwgRegions(info: unknown, orientation: number | null): Region[] {
  const o = obj(info);
  if (!o) return [];
  const dims = obj(field(o, 'AppliedToDimensions'));
  const dimW = dims ? num(field(dims, 'W')) : null;
  const dimH = dims ? num(field(dims, 'H')) : null;
  const out: Region[] = [];
  for (const item of list(field(o, 'RegionList'))) {
    const r = obj(item);
    if (!r) continue;
    const type = field(r, 'Type');
    if (typeof type === 'string' && type.trim() && type.trim().toLowerCase() !== 'face') continue;
    const area = obj(field(r, 'Area'));
    if (!area) continue;
    let [x, y, w, h] = ['X', 'Y', 'W', 'H'].map((k) => num(field(area, k)));
    if (x === null || y === null || w === null || h === null) continue;
    const unit = String(field(area, 'Unit') ?? 'normalized').toLowerCase();
    if (unit === 'pixel') {
      // Not MWG, but written by some tools: pixels of the applied-to (stored) dimensions.
      if (!dimW || !dimH) continue;
      [x, w] = [x / dimW, w / dimW];
      [y, h] = [y / dimH, h / dimH];
    }
    const stored: NormRect = [x - w / 2, y - h / 2, w, h];
    if (!plausible(stored)) continue;
    out.push({
      name: regionName(field(r, 'Name')),
      rect: storedToDisplayed(stored, orientation),
      source: 'mwg',
    });
  }
  return out;
}

/** "0.1, 0.2, 0.3, 0.4" → [0.1, 0.2, 0.3, 0.4]. */
function parseRectangle(v: unknown): NormRect | null {
  if (typeof v !== 'string') return null;
  const parts = v.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
  return parts as NormRect;
}

/** Microsoft (MPRI) regions, on the displayed photo. */
export function mpRegions(info: unknown, orientation: number | null): Region[] {
  const o = obj(info);
  if (!o) return [];
  const out: Region[] = [];
  for (const item of list(field(o, 'Regions'))) {
    const r = obj(item);
    const stored = r ? parseRectangle(field(r, 'Rectangle')) : null;
    if (!r || !stored || !plausible(stored)) continue;
    out.push({
      name: regionName(field(r, 'PersonDisplayName')),
      rect: storedToDisplayed(stored, orientation),
      source: 'mp',
    });
  }
  return out;
}

/** MWG regions, plus Microsoft regions that no MWG region already covers. */
export function mergeRegions(mwg: Region[], mp: Region[]): Region[] {
  const out = [...mwg];
  for (const r of mp) {
    const twin = out.find((m) => iou(m.rect, r.rect) > 0.5);
    if (!twin) out.push(r);
    // Same face: a name on either side names it.
    else if (!twin.name && r.name) twin.name = r.name;
  }
  return out;
}
