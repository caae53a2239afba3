// Which XMP sidecars in a folder belong to which photo. Two namings are in use:
// - `NAME.jpg.xmp`: digiKam (default), darktable, Picto.
// - `NAME.xmp`: Lightroom and Adobe Camera Raw (RAW files), digiKam's "compatible" option.
// `NAME.xmp` is ambiguous when several files share the stem (`IMG_1.CR2` + `IMG_1.JPG`): Adobe
// writes it for the RAW, so a RAW takes it; two non-RAW files sharing one are left unread rather
// than guessed. Picto's own merge copies (`NAME.jpg.picto.xmp`, see sidecars.ts) are never input.

import { nfc, splitExt } from '../takeout/names.js';

const RAW_EXTENSIONS = new Set([
  'cr2', 'cr3', 'crw', 'nef', 'nrw', 'arw', 'srf', 'sr2', 'dng', 'raf', 'rw2', 'rwl', 'orf', 'pef',
  'srw', 'x3f', 'mrw', 'iiq', '3fr', 'erf', 'kdc', 'dcr', 'mos', 'mef', 'raw',
]); // prettier-ignore

export const MERGE_COPY_SUFFIX = '.picto.xmp';

const isXmp = (n: string) => /\.xmp$/i.test(n);

export function isPictoMergeCopy(name: string): boolean {
  return name.toLowerCase().endsWith(MERGE_COPY_SUFFIX);
}

export interface SidecarFiles {
  /** `NAME.jpg.xmp`, when present. */
  full: string | null;
  /** `NAME.xmp`, when present and this file is the one it belongs to. */
  stem: string | null;
}

/**
 * Sidecars per media file, for one folder's file names. Media files without any sidecar are
 * left out. Names compare case-insensitively (cameras write IMG_1.JPG, tools IMG_1.jpg.xmp).
 */
export function sidecarsInFolder(files: readonly string[]): Map<string, SidecarFiles> {
  const xmps = new Map<string, string>();
  for (const f of files) {
    if (isXmp(f) && !isPictoMergeCopy(f)) xmps.set(nfc(f).toLowerCase(), f);
  }
  const out = new Map<string, SidecarFiles>();
  if (xmps.size === 0) return out;
  const media = files.filter((f) => !isXmp(f) && !f.startsWith('.') && splitExt(f)[1] !== '');
  const byStem = new Map<string, string[]>();
  for (const m of media) {
    const stem = nfc(splitExt(m)[0]).toLowerCase();
    byStem.set(stem, [...(byStem.get(stem) ?? []), m]);
  }
  for (const m of media) {
    const full = xmps.get(nfc(m).toLowerCase() + '.xmp') ?? null;
    const stemKey = nfc(splitExt(m)[0]).toLowerCase();
    let stem = xmps.get(stemKey + '.xmp') ?? null;
    if (stem) {
      const sharing = byStem.get(stemKey) ?? [];
      const raws = sharing.filter((s) => RAW_EXTENSIONS.has(splitExt(s)[1].slice(1).toLowerCase()));
      const owner = sharing.length === 1 ? m : raws.length === 1 ? raws[0] : null;
      if (owner !== m) stem = null;
    }
    if (full || stem) out.set(m, { full, stem });
  }
  return out;
}
