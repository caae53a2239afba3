// Reading what other tools wrote about one photo: its XMP sidecars and the XMP/IPTC/EXIF inside
// the file, through ExifTool (which knows every container and XMP serialisation).
//
// [Note: which source wins] A sidecar is what digiKam and Lightroom keep current (they write it
// on every edit; embedded XMP may be years older), so `NAME.jpg.xmp` wins over `NAME.xmp`, which
// wins over the file. Regions come whole from the first source that has any (mixing two tools'
// boxes for the same faces would double them); keywords and names are the union; rating and
// description come from the first source that has one. Picto's own sidecars are not read back:
// they say what the catalogue said when they were written, and re-reading them would bring back
// names the user has since changed in Picto. One another tool has rewritten is read for what that
// tool added (own-values.ts).

import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { ExifTool } from '../exiftool-session.js';
import { sidecarOwnership } from '../ownership.js';
import { mapInterchangeTags, type InterchangeMetadata, type Shape } from './map.js';
import { withoutPictoValues } from './own-values.js';
import { withBoxes } from './regions.js';
import type { SidecarFiles } from './sidecar-files.js';

/** Only what the mapper looks at: fast, and nothing large (no previews, no maker notes). */
export const INTERCHANGE_READ_ARGS = [
  '-G1',
  '-struct',
  '-n',
  '-XMP:all',
  '-IPTC:Keywords',
  '-IPTC:Caption-Abstract',
  '-IPTC:CatalogSets',
  '-IFD0:ImageDescription',
  '-IFD0:XPKeywords',
  '-IFD0:Rating',
  '-IFD0:RatingPercent',
  '-IFD0:Orientation',
  '-IFD0:Make',
  '-IFD0:Model',
];

/** One file's interchange metadata; throws when ExifTool cannot read it at all. */
export async function readInterchangeFile(
  et: ExifTool,
  file: string,
  orientation?: number | null,
): Promise<InterchangeMetadata> {
  const raw = (await et.readRaw(file, {
    readArgs: INTERCHANGE_READ_ARGS,
    useMWG: false,
  })) as Record<string, unknown>;
  // ExifTool reports a file it cannot parse at all ("File format error") as an Error tag.
  const error = raw['ExifTool:Error'];
  if (typeof error === 'string' && error) throw new Error(error);
  return mapInterchangeTags(raw, orientation);
}

export function emptyInterchange(): InterchangeMetadata {
  return {
    regions: [],
    keywords: [],
    people: [],
    rating: null,
    rejected: false,
    description: null,
    pictoSidecar: false,
    pictoWrote: [],
    orientation: null,
    found: [],
  };
}

/** Folds sources, best first, by the rules of [Note: which source wins]. */
export function combineInterchange(sources: InterchangeMetadata[]): InterchangeMetadata {
  const out = emptyInterchange();
  const keywordKeys = new Set<string>();
  const people = new Set<string>();
  for (const s of sources) {
    if (out.regions.length === 0) out.regions = s.regions.map((r) => ({ ...r }));
    for (const k of s.keywords) {
      if (keywordKeys.has(k.text.toLowerCase())) continue;
      keywordKeys.add(k.text.toLowerCase());
      out.keywords.push(k);
    }
    for (const p of s.people) people.add(p);
    if (out.rating === null && !out.rejected && (s.rating !== null || s.rejected)) {
      out.rating = s.rating;
      out.rejected = s.rejected;
    }
    out.description ??= s.description;
    out.orientation ??= s.orientation;
    out.found = [...new Set<Shape>([...out.found, ...s.found])];
  }
  const regionNames = new Set(out.regions.map((r) => r.name?.toLowerCase()));
  out.people = [...people].filter((p) => !regionNames.has(p.toLowerCase()));
  return out;
}

export interface PhotoInterchange {
  metadata: InterchangeMetadata;
  /** Files that contributed, best first (sidecars, then the photo itself). */
  read: string[];
  /** Picto's own sidecars, seen and deliberately not read back. */
  own: string[];
  /** Files ExifTool could not read, with its reason. Nothing is lost: they are just not used. */
  failed: { path: string; error: string }[];
}

/**
 * Everything other tools recorded for one photo. `sidecars` are the names sidecarsInFolder()
 * found for it (null when none); `orientation` is the photo's (the catalogue's).
 */
export async function readPhotoInterchange(
  et: ExifTool,
  mediaPath: string,
  sidecars: SidecarFiles | null,
  orientation: number | null,
  opts: {
    /** Read the photo's embedded XMP/IPTC too (default true; skip when mayHoldXmpOrIptc says no). */
    embedded?: boolean;
    /** The displayed size: regions then also come with pixel boxes. */
    size?: { width: number; height: number };
  } = {},
): Promise<PhotoInterchange> {
  const dir = path.dirname(mediaPath);
  const result: PhotoInterchange = { metadata: emptyInterchange(), read: [], own: [], failed: [] };
  const sources: InterchangeMetadata[] = [];
  const files = [sidecars?.full, sidecars?.stem].filter((f): f is string => !!f);
  const targets = [...files.map((f) => path.join(dir, f))];
  if (opts.embedded !== false) targets.push(mediaPath);
  for (const file of targets) {
    try {
      if (file !== mediaPath) {
        // Untouched: nothing in it Picto does not know (and no ExifTool run needed to say so).
        const text = await fs.readFile(file, 'utf8');
        if (sidecarOwnership(text) === 'picto') {
          result.own.push(file);
          continue;
        }
      }
      let meta = await readInterchangeFile(et, file, orientation);
      // Rewritten by another tool: only what that tool added is read.
      if (meta.pictoSidecar && file !== mediaPath) meta = withoutPictoValues(meta, orientation);
      sources.push(meta);
      result.read.push(file);
    } catch (e) {
      result.failed.push({ path: file, error: (e as Error).message.split('\n')[0] });
    }
  }
  result.metadata = combineInterchange(sources);
  if (opts.size) {
    result.metadata.regions = withBoxes(result.metadata.regions, opts.size.width, opts.size.height);
  }
  return result;
}
