// Google Takeout's file naming, as pure functions over names. Takeout writes one JSON sidecar per
// photo, named after the photo, with quirks that every importer has had to learn one bug report at
// a time. The rules below are facts gathered from those reports (immich-go, Google Photos Takeout
// Helper, ente, memories) and checked against the example names they quote; the tests hold them.
//
// [Note: Takeout sidecar names]
// - Old exports: `NAME.jpg.json`. Newer ones (from late 2024): `NAME.jpg.supplemental-metadata.json`.
// - Everything before `.json` is cut to 46 UTF-16 code units (51 with `.json`): long names lose the
//   end of `.supplemental-metadata` (`…supplemental-me.json`, `….supp.json`, `….s.json`), and very
//   long ones lose it entirely plus the end of the photo's own name (`…_n.j.json`). An emoji name
//   cut at 46 units shows the count is UTF-16, not bytes and not code points.
// - A duplicate title gets a counter: the photo is `NAME(1).jpg`, its sidecar `NAME.jpg(1).json` or
//   `NAME.jpg.supplemental-metadata(1).json`. The counter is never cut: it follows the cut stem.
// - Edited copies (`NAME-edited.jpg`, and the same word in the account's language) have no sidecar
//   of their own: they use the original's. A counter may sit after the suffix (`NAME-edited(1).jpg`).
// - Photos uploaded without an extension get one in the export but not in the sidecar's name
//   (`2013-12-23(1).jpg` ↔ `2013-12-23.supplemental-metadata(1).json`).
// - Media names themselves are cut to 47 units before the extension, so cutting the media name to
//   46 gives the same stem as cutting the original title.

/** Length (UTF-16 code units) Takeout keeps of a sidecar's name before the counter and `.json`. */
export const SIDECAR_STEM_LIMIT = 46;

export const SUPPLEMENTAL = '.supplemental-metadata';

/**
 * The "edited copy" suffix in the languages Google Photos exports in (lower case, NFC). Collected
 * from importers' reports; a copy with an unknown language's suffix still finds its original
 * through the letters-only fallback in resolve.ts.
 */
export const EDITED_SUFFIXES = [
  '-edited', // en
  '-effects', // en: Google's own creations from the photo
  '-smile',
  '-mix',
  '-bearbeitet', // de
  '-modifié', // fr
  '-ha editado', // es
  '-editado', // es, pt
  '-editat', // ca
  '-modificato', // it
  '-bewerkt', // nl
  '-edytowane', // pl
  '-отредактировано', // ru
  '-düzenlendi', // tr
  '-编辑', // zh (short form seen in some exports)
  '-已编辑', // zh
  '-編集済み', // ja
  '-편집됨', // ko
  '-تم التعديل', // ar
  '-संपादित', // hi
  '-đã chỉnh sửa', // vi
  '-แก้ไขแล้ว', // th
  '-diedit', // id
];

/** Names compare in NFC: macOS hands out decomposed (NFD) names, Takeout writes composed ones. */
export function nfc(name: string): string {
  return name.normalize('NFC');
}

/** "IMG_1.jpg" → ["IMG_1", ".jpg"]; "README" → ["README", ""]; ".x" → [".x", ""]. */
export function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** "IMG_1(2).jpg" → { base: "IMG_1.jpg", counter: 2 }; no counter → counter null. */
export function splitCounter(name: string): { base: string; counter: number | null } {
  const [stem, ext] = splitExt(name);
  const m = /^(.*\S)\((\d{1,4})\)$/su.exec(stem);
  if (!m) return { base: name, counter: null };
  return { base: m[1] + ext, counter: Number(m[2]) };
}

/** The original's name for an edited copy ("IMG-edited.jpg" → "IMG.jpg"), else null. */
export function editedOriginal(name: string): string | null {
  const [stem, ext] = splitExt(nfc(name));
  const lower = stem.toLowerCase();
  for (const suffix of EDITED_SUFFIXES) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) {
      return stem.slice(0, stem.length - suffix.length) + ext;
    }
  }
  return null;
}

/** Cuts to `limit` UTF-16 units without leaving half a surrogate pair behind. */
export function clip(s: string, limit = SIDECAR_STEM_LIMIT): string {
  if (s.length <= limit) return s;
  let cut = s.slice(0, limit);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/** How a media file found its sidecar; the import report counts these. */
export type MatchRule =
  | 'name' // NAME.jpg.json or NAME.jpg.supplemental-metadata.json, cut or not
  | 'counter' // NAME(1).jpg ↔ NAME.jpg(1).json
  | 'no-extension' // uploaded without an extension
  | 'edited' // an edited copy uses its original's sidecar
  | 'title'; // the sidecar's title names this file

export interface SidecarCandidate {
  name: string;
  rule: MatchRule;
}

/** The sidecar names Takeout would write for a photo titled `title` (with an optional counter). */
function namesFor(title: string, counter: number | null): string[] {
  const c = counter === null ? '' : `(${counter})`;
  return [clip(title + SUPPLEMENTAL) + c + '.json', clip(title) + c + '.json'];
}

/**
 * Every sidecar name a media file may have, best first. Pure: the caller checks which exist.
 * A duplicate (`NAME(1).jpg`) never falls back to the uncounted sidecar: that one is the first
 * copy's, and stealing it would give the duplicate another photo's date and place.
 */
export function sidecarCandidates(mediaName: string): SidecarCandidate[] {
  const name = nfc(mediaName);
  const out: SidecarCandidate[] = [];
  const seen = new Set<string>();
  const add = (names: string[], rule: MatchRule) => {
    for (const n of names) {
      if (seen.has(n)) continue;
      seen.add(n);
      out.push({ name: n, rule });
    }
  };
  const { base, counter } = splitCounter(name);
  const counted: MatchRule = counter === null ? 'name' : 'counter';
  add(namesFor(base, counter), counted);
  // A title that itself ends in "(n)" (a downloaded "photo(3).jpg"), with or without a counter.
  if (counter !== null) add(namesFor(name, null), 'name');
  add(namesFor(splitExt(base)[0], counter), 'no-extension');

  const original = editedOriginal(base);
  if (original) {
    const o = splitCounter(original);
    add(namesFor(o.base, o.counter ?? counter), 'edited');
    add(namesFor(o.base, o.counter), 'edited');
    add(namesFor(splitExt(o.base)[0], o.counter), 'edited');
  }
  return out;
}

/** `.supplemental-metadata` or any cut of it (`.supplemental-me`, `.s`) at the end of a stem. */
const SUPPLEMENTAL_TAIL = new RegExp(`\\.(?:${prefixes(SUPPLEMENTAL.slice(1))})$`);

function prefixes(word: string): string {
  const list: string[] = [];
  for (let i = word.length; i >= 1; i--) list.push(escapeRegExp(word.slice(0, i)));
  return list.join('|');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a sidecar's own name says: the (possibly cut) media name it was made for, and its counter.
 * "IMG_1.jpg.supplemental-me(2).json" → { media: "IMG_1.jpg", counter: 2 }. Null for non-JSON.
 */
export function parseSidecarName(
  jsonName: string,
): { media: string; counter: number | null } | null {
  const name = nfc(jsonName);
  if (!/\.json$/i.test(name)) return null;
  let stem = name.slice(0, -5);
  let counter: number | null = null;
  const m = /^(.*)\((\d{1,4})\)$/su.exec(stem);
  if (m) {
    stem = m[1];
    counter = Number(m[2]);
  }
  stem = stem.replace(SUPPLEMENTAL_TAIL, '');
  return { media: stem, counter };
}

/** `Photos from 2019` and its translations: Takeout's per-year folders, never albums. */
const YEAR_FOLDER = /^(photos from|fotos von|photos de|fotos de) (18|19|20)\d{2}$/iu;

export function isYearFolder(folderName: string): boolean {
  return YEAR_FOLDER.test(nfc(folderName).trim());
}
