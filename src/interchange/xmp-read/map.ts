// ExifTool's output (`-G1 -struct -n`, one JSON object per file) → what other tools said about a
// photo: face regions, keywords, rating, description. Pure; read.ts runs ExifTool.

import { pickDescription } from './camera-junk.js';
import { foldKeywords, type Keyword } from './keywords.js';
import { mergeRegions, mpRegions, mwgRegions, type Region } from './regions.js';

/** Where something was found, for the import report and for tests. */
export type Shape =
  | 'mwg-regions'
  | 'mp-regions'
  | 'digikam-tags'
  | 'lr-hierarchy'
  | 'dc-subject'
  | 'iptc'
  | 'rating'
  | 'description';

export interface InterchangeMetadata {
  /** Face regions on the displayed photo (normalised), named or not. */
  regions: Region[];
  keywords: Keyword[];
  /** Names without a box (people branches of keywords, PersonInImage), not already a region's. */
  people: string[];
  /** 1–5; null when unrated (XMP's 0) or absent. */
  rating: number | null;
  /**
   * xmp:Rating −1, Bridge's and Lightroom's "rejected". Picto has no rejected state and never
   * hides or trashes a photo for it: the rating stays null and this flag lets a caller say so.
   */
  rejected: boolean;
  description: string | null;
  /** Written by Picto (its ownership mark is there, whoever rewrote the file since). */
  pictoSidecar: boolean;
  /** What Picto recorded writing there (`picto:Wrote`); see own-values.ts. */
  pictoWrote: string[];
  /** The orientation the source itself records (IFD0, or tiff:Orientation in a sidecar). */
  orientation: number | null;
  found: Shape[];
}

type Raw = Record<string, unknown>;

/** Values of a tag by name, from any group the predicate accepts, in file order. */
function values(raw: Raw, name: string, group?: (g: string) => boolean): unknown[] {
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const colon = key.indexOf(':');
    if (colon < 0 || key.slice(colon + 1) !== name) continue;
    if (!group || group(key.slice(0, colon))) out.push(value);
  }
  return out;
}

const first = (raw: Raw, name: string, group?: (g: string) => boolean) =>
  values(raw, name, group)[0];

const xmp = (g: string) => g.startsWith('XMP');
const is = (name: string) => (g: string) => g === name;

function orientationOf(raw: Raw): number | null {
  const o = first(raw, 'Orientation', is('IFD0')) ?? first(raw, 'Orientation', is('XMP-tiff'));
  return typeof o === 'number' && o >= 1 && o <= 8 ? o : null;
}

/** 0–99 "percent" (Windows) → 1–5 stars: Windows writes 1, 25, 50, 75, 99. */
function starsFromPercent(p: number): number | null {
  if (p <= 0) return null;
  return Math.min(5, Math.max(1, Math.round(p / 25) + 1));
}

function ratingOf(raw: Raw): { rating: number | null; rejected: boolean; seen: boolean } {
  // xmp:Rating first; Windows also writes EXIF Rating (stars) and a percent in XMP and EXIF.
  const stars = [first(raw, 'Rating', is('XMP-xmp')), first(raw, 'Rating', is('IFD0'))].find(
    (v): v is number => typeof v === 'number',
  );
  if (stars !== undefined) {
    if (stars < 0) return { rating: null, rejected: true, seen: true };
    const r = Math.min(5, Math.round(stars));
    return { rating: r >= 1 ? r : null, rejected: false, seen: true };
  }
  const percent = values(raw, 'RatingPercent').find((v): v is number => typeof v === 'number');
  if (percent !== undefined)
    return { rating: starsFromPercent(percent), rejected: false, seen: true };
  return { rating: null, rejected: false, seen: false };
}

/** Picto's ownership mark, as ExifTool reports it (attribute or element alike). */
function hasPictoMark(raw: Raw): boolean {
  return raw['XMP-picto:Sidecar'] !== undefined;
}

/**
 * Maps one file's tags. `orientation` is the photo's own (the catalogue's); a sidecar's regions
 * are placed with it. Without it, the source's own orientation tag is used.
 */
export function mapInterchangeTags(raw: Raw, orientation?: number | null): InterchangeMetadata {
  const found: Shape[] = [];
  const turn = orientation === undefined ? orientationOf(raw) : orientation;

  const mwg = mwgRegions(first(raw, 'RegionInfo', is('XMP-mwg-rs')), turn);
  const mp = mpRegions(first(raw, 'RegionInfoMP', xmp), turn);
  if (mwg.length) found.push('mwg-regions');
  if (mp.length) found.push('mp-regions');
  const regions = mergeRegions(mwg, mp);
  const regionNames = regions.map((r) => r.name).filter((n): n is string => n !== null);

  const tagsList = values(raw, 'TagsList', xmp);
  const hierarchy = values(raw, 'HierarchicalSubject', xmp);
  const subject = values(raw, 'Subject', is('XMP-dc'));
  const iptc = values(raw, 'Keywords', is('IPTC'));
  if (tagsList.length) found.push('digikam-tags');
  if (hierarchy.length) found.push('lr-hierarchy');
  if (subject.length) found.push('dc-subject');
  if (iptc.length) found.push('iptc');
  const folded = foldKeywords(
    {
      flat: [...subject, ...iptc, ...values(raw, 'XPKeywords', is('IFD0'))],
      slashPaths: [...tagsList, ...values(raw, 'LastKeywordXMP', xmp)],
      pipePaths: [...hierarchy, ...values(raw, 'CatalogSets')],
      people: values(raw, 'PersonInImage', xmp),
    },
    regionNames,
  );
  const lowerRegion = new Set(regionNames.map((n) => n.toLowerCase()));
  const people = folded.people.filter((n) => !lowerRegion.has(n.toLowerCase()));

  const { rating, rejected, seen } = ratingOf(raw);
  if (seen) found.push('rating');

  const make = first(raw, 'Make', is('IFD0'));
  const model = first(raw, 'Model', is('IFD0'));
  const description = pickDescription(
    [
      first(raw, 'Description', is('XMP-dc')),
      first(raw, 'Caption-Abstract', is('IPTC')),
      first(raw, 'ImageDescription', is('IFD0')),
      first(raw, 'ImageDescription', is('XMP-tiff')),
    ],
    typeof make === 'string' ? make : null,
    typeof model === 'string' ? model : null,
  );
  if (description) found.push('description');

  return {
    regions,
    keywords: folded.keywords,
    people,
    rating,
    rejected,
    description,
    pictoSidecar: hasPictoMark(raw),
    pictoWrote: values(raw, 'Wrote', is('XMP-picto'))
      .flat()
      .filter((v): v is string => typeof v === 'string'),
    orientation: orientationOf(raw),
    found,
  };
}
