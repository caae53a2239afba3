// Which JSON belongs to which photo, in one Takeout folder. Pure: the caller lists the folder and
// parses its JSON files (folder.ts does both); this decides. See [Note: Takeout sidecar names].

import {
  editedOriginal,
  isYearFolder,
  nfc,
  parseSidecarName,
  sidecarCandidates,
  splitCounter,
  splitExt,
  type MatchRule,
} from './names.js';
import type { TakeoutAlbum, TakeoutJson, TakeoutPhoto } from './parse.js';

export interface FolderListing {
  /** The folder's own name (not a path): "Photos from 2019", "Trip to Rome". */
  folderName: string;
  /** Every file name in the folder (not recursive), media and JSON alike. */
  files: readonly string[];
  /** Every `.json` file of `files`, parsed. A JSON missing here counts as unreadable. */
  json: ReadonlyMap<string, TakeoutJson>;
}

export interface SidecarMatch {
  json: string;
  rule: MatchRule;
  photo: TakeoutPhoto;
}

export interface FolderResolution {
  /** Media file name → its sidecar. Several media may share one (an original and its edited copy). */
  sidecars: Map<string, SidecarMatch>;
  /** Set when the folder is an album: a JSON with album metadata, in a folder that is not a year. */
  album: (TakeoutAlbum & { json: string; name: string }) | null;
  isYearFolder: boolean;
  /** Photo sidecars no media file in the folder claimed (the import report lists them). */
  unmatched: string[];
  /** JSON files that are neither photo sidecars nor this folder's album metadata. */
  other: string[];
  /** JSON files that could not be read or parsed, with the reason. */
  invalid: { json: string; error: string }[];
}

const isJson = (name: string) => /\.json$/i.test(name);
/** XMP sidecars (digiKam's, Picto's) sit beside the media in the same folder: never media. */
const isXmp = (name: string) => /\.xmp$/i.test(name);

/** Media candidates: every non-JSON, non-XMP, non-hidden file (videos too: their sidecars must match). */
function mediaNames(files: readonly string[]): string[] {
  return files.filter((f) => !isJson(f) && !isXmp(f) && !f.startsWith('.')).sort();
}

interface Index {
  exact: Map<string, string>;
  folded: Map<string, string[]>;
}

function indexNames(names: string[]): Index {
  const exact = new Map<string, string>();
  const folded = new Map<string, string[]>();
  for (const n of names) {
    exact.set(nfc(n), n);
    const key = nfc(n).toLowerCase();
    folded.set(key, [...(folded.get(key) ?? []), n]);
  }
  return { exact, folded };
}

function lookup(index: Index, name: string): string | null {
  const hit = index.exact.get(name);
  if (hit) return hit;
  // A case-folded hit only counts when it is unambiguous (IMG.JPG.json next to img.jpg.json).
  const folded = index.folded.get(name.toLowerCase());
  return folded?.length === 1 ? folded[0] : null;
}

/** Characters a file name cannot hold, which exports replace; compared as one class. */
// eslint-disable-next-line no-control-regex -- control characters are what is being matched
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

function titleKey(s: string): string {
  return nfc(s).replace(UNSAFE, '_').toLowerCase();
}

interface MediaInfo {
  name: string;
  counter: number | null;
  /** Title key of the name without its counter, and of that without the extension. */
  key: string;
  stemKey: string;
  edited: boolean;
}

/**
 * Media files by the title keys a sidecar's title may have (folders hold thousands of files:
 * every rule is a map lookup, not a scan):
 * - the same name (odd characters replaced, case folded), or the name without its extension
 *   (uploaded without one, or the export changed it);
 * - the start of a long title: media names are cut to 47 units before the extension.
 */
class TitleIndex {
  private readonly byKey = new Map<string, MediaInfo[]>();
  private readonly long: MediaInfo[] = [];

  constructor(infos: MediaInfo[]) {
    for (const m of infos) {
      for (const k of new Set([m.key, m.stemKey])) {
        const at = `${m.counter}|${k}`;
        this.byKey.set(at, [...(this.byKey.get(at) ?? []), m]);
      }
      if (m.stemKey.length >= 40) this.long.push(m);
    }
  }

  fits(title: string, counter: number | null): MediaInfo[] {
    const t = titleKey(title);
    const [ts] = splitExt(t);
    const out = new Set<MediaInfo>();
    for (const k of [t, ts]) for (const m of this.byKey.get(`${counter}|${k}`) ?? []) out.add(m);
    for (const m of this.long) if (m.counter === counter && ts.startsWith(m.stemKey)) out.add(m);
    return [...out];
  }
}

/** Letters (any script) and spaces after a dash: the edited-copy suffix of any language. */
const EDIT_TAIL = /^-[\p{L}\p{M} ]+$/u;

export function resolveTakeoutFolder(listing: FolderListing): FolderResolution {
  const yearFolder = isYearFolder(listing.folderName);
  const media = mediaNames(listing.files);
  const photoJson = new Map<string, TakeoutPhoto>();
  const res: FolderResolution = {
    sidecars: new Map(),
    album: null,
    isYearFolder: yearFolder,
    unmatched: [],
    other: [],
    invalid: [],
  };
  for (const name of listing.files.filter(isJson).sort()) {
    const doc = listing.json.get(name);
    if (!doc) res.invalid.push({ json: name, error: 'not read' });
    else if (doc.kind === 'invalid') res.invalid.push({ json: name, error: doc.error });
    else if (doc.kind === 'photo') photoJson.set(name, doc.photo);
    else if (doc.kind === 'album' && !yearFolder && !res.album) {
      res.album = { ...doc.album, json: name, name: doc.album.title ?? listing.folderName };
    } else res.other.push(name);
  }

  const index = indexNames([...photoJson.keys()]);
  const claim = (m: string, json: string, rule: MatchRule) => {
    res.sidecars.set(m, { json, rule, photo: photoJson.get(json)! });
  };

  // 1. The names Takeout would have written for this file.
  for (const m of media) {
    for (const c of sidecarCandidates(m)) {
      const hit = lookup(index, c.name);
      if (hit) {
        claim(m, hit, c.rule);
        break;
      }
    }
  }

  // 2. The sidecar's title, for names the rules above do not derive (renamed, cut, odd characters).
  // Counters must agree, so `IMG.jpg(1).json` (titled "IMG.jpg") never lands on `IMG.jpg`.
  const claimed = () => new Set([...res.sidecars.values()].map((s) => s.json));
  const used = claimed();
  const infos: MediaInfo[] = media.map((m) => {
    const { base, counter } = splitCounter(nfc(m));
    const key = titleKey(base);
    return { name: m, counter, key, stemKey: splitExt(key)[0], edited: !!editedOriginal(base) };
  });
  const titles = new TitleIndex(infos);
  for (const [json, photo] of photoJson) {
    if (used.has(json) || !photo.title) continue;
    const counter = parseSidecarName(json)?.counter ?? null;
    const fits = titles.fits(photo.title, counter).filter((m) => !res.sidecars.has(m.name));
    // The original before its edited copy; two originals for one title is ambiguous: no match.
    const originals = fits.filter((m) => !m.edited);
    const pick = originals.length === 1 ? originals[0] : fits.length === 1 ? fits[0] : null;
    if (pick) {
      claim(pick.name, json, 'title');
      used.add(json);
    }
  }

  // 3. Edited copies take what their original got, however the original found it.
  const byName = new Map(media.map((m) => [nfc(m), m]));
  for (const m of media) {
    if (res.sidecars.has(m)) continue;
    const { base, counter } = splitCounter(nfc(m));
    const original = editedOriginal(base);
    if (!original) continue;
    const o = splitCounter(original);
    const [oStem, oExt] = splitExt(o.base);
    const withCounter = counter === null ? o.base : `${oStem}(${counter})${oExt}`;
    const hit = [withCounter, original, o.base]
      .map((n) => byName.get(n))
      .find((n) => n && res.sidecars.has(n));
    if (hit) {
      const s = res.sidecars.get(hit)!;
      claim(m, s.json, 'edited');
    }
  }

  // 4. An edited copy in a language we have no suffix for: `NAME-<letters>.jpg` whose NAME is the
  // media name a sidecar was made for. Letters only, so `IMG_1-2.jpg` is never taken for a copy.
  const targets = new Map<string, string>();
  for (const json of photoJson.keys()) {
    const t = parseSidecarName(json);
    if (!t) continue;
    const [tStem, tExt] = splitExt(t.media);
    if (tExt) targets.set(`${tExt.toLowerCase()}|${tStem}`, json);
  }
  for (const m of media) {
    if (res.sidecars.has(m)) continue;
    const [stem, ext] = splitExt(splitCounter(nfc(m)).base);
    for (let k = stem.lastIndexOf('-'); k > 0; k = stem.lastIndexOf('-', k - 1)) {
      const json = targets.get(`${ext.toLowerCase()}|${stem.slice(0, k)}`);
      if (json && EDIT_TAIL.test(stem.slice(k))) {
        claim(m, json, 'edited');
        break;
      }
    }
  }

  const all = claimed();
  res.unmatched = [...photoJson.keys()].filter((j) => !all.has(j));
  return res;
}
