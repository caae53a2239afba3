// What other programs recorded about one photo, as the indexing worker reads it: its XMP
// sidecars (`NAME.jpg.xmp`, `NAME.xmp`), the XMP/IPTC inside the file, and a caption in EXIF.
// Worker-safe: no catalogue. Takeout sidecars are not read here: the scan pairs them per folder
// (folder-import.ts) and the stage's applier merges them.
//
// Cost: most photos hold neither XMP nor IPTC (phones, cameras), so ExifTool runs only when a
// sidecar exists or the file's metadata segments show a packet (mayHoldXmpOrIptc); a JPEG without either
// gets its EXIF ImageDescription from exifr on the head already read (well under a millisecond).
// Formats other than JPEG may keep XMP anywhere in the file, so ExifTool always reads those.

import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type exifrModule from 'exifr';

import { readFileHead } from '../media/files.js';
import type { ExifTool } from './exiftool-session.js';
import type { NormRect } from './geometry.js';
import { pickDescription } from './xmp-read/camera-junk.js';
import { mayHoldXmpOrIptc } from './xmp-read/hint.js';
import { jpegMetadataEnd } from './xmp-read/jpeg-segments.js';
import type { Keyword } from './xmp-read/keywords.js';
import { readPhotoInterchange } from './xmp-read/read.js';
import { sidecarsInFolder, type SidecarFiles } from './xmp-read/sidecar-files.js';

// [Note: CommonJS by require] in media/exifr-reader.ts.
const exifr = createRequire(import.meta.url)('exifr') as typeof exifrModule;

/** What the interchange stage hands its applier: plain data (structured clone). */
export interface PhotoSidecarData {
  /** Named face regions, normalised [left, top, width, height] of the STORED pixels. */
  regions: { name: string; rect: NormRect }[];
  /** Names without a box (People/ keywords, PersonInImage), not already a region's. */
  people: string[];
  keywords: Keyword[];
  /** 1–5, null when unrated (a Lightroom "reject" is unrated, and `rejected`). */
  rating: number | null;
  rejected: boolean;
  description: string | null;
  /** Files that contributed, best first; Picto's own untouched sidecars are not read. */
  read: string[];
  /** Files that could not be read, with the reason (nothing is lost: they are not used). */
  failed: { path: string; error: string }[];
}

/** Enough for a camera JPEG's metadata segments (EXIF is at most 64 KiB) in one read. */
const FIRST_BYTES = 64 * 1024;
/** The head a JPEG keeps its APP segments (EXIF, XMP, IPTC) in, when they do not fit the first. */
const HEAD_BYTES = 1024 * 1024;

/**
 * The photo's head, and the part of it that can hold an XMP or IPTC packet: a baseline JPEG's
 * segments before its compressed data (jpeg-segments.ts), read further when they run past the
 * first 64 KiB; for anything else the whole 1 MiB head, as before.
 */
async function headOf(file: string): Promise<{ head: Buffer; packets: Buffer }> {
  let head = await readFileHead(file, FIRST_BYTES);
  let end = isJpeg(head) ? jpegMetadataEnd(head) : null;
  if (end === null && head.length === FIRST_BYTES) {
    head = await readFileHead(file, HEAD_BYTES);
    end = isJpeg(head) ? jpegMetadataEnd(head) : null;
  }
  return { head, packets: end === null ? head : head.subarray(0, end) };
}

/** Per-thread listing of recently read folders: a task per photo must not list a folder each time. */
const listings = new Map<string, { mtimeMs: number; pairs: Map<string, SidecarFiles> }>();
const MAX_LISTINGS = 64;

async function sidecarsOf(file: string): Promise<SidecarFiles | null> {
  const dir = path.dirname(file);
  const st = await fs.stat(dir);
  let hit = listings.get(dir);
  // A sidecar added or removed changes the folder's mtime; an edited one does not need relisting.
  if (!hit || hit.mtimeMs !== st.mtimeMs) {
    const names = await fs.readdir(dir);
    hit = { mtimeMs: st.mtimeMs, pairs: sidecarsInFolder(names) };
    listings.delete(dir);
    if (listings.size >= MAX_LISTINGS) listings.delete(listings.keys().next().value!);
    listings.set(dir, hit);
  }
  return hit.pairs.get(path.basename(file)) ?? null;
}

const isJpeg = (head: Buffer) => head.length > 2 && head[0] === 0xff && head[1] === 0xd8;

/** A caption in EXIF (IFD0 ImageDescription), camera boilerplate left out. */
async function exifCaption(head: Buffer): Promise<string | null> {
  try {
    const tags = (await exifr.parse(head, {
      ifd0: { pick: ['ImageDescription', 'Make', 'Model'] },
      exif: false,
      gps: false,
      ifd1: false,
      interop: false,
      xmp: false,
      iptc: false,
      icc: false,
      jfif: false,
      translateValues: false,
    })) as Record<string, unknown> | undefined;
    if (!tags) return null;
    const text = (k: string) => (typeof tags[k] === 'string' ? (tags[k] as string) : null);
    return pickDescription([tags.ImageDescription], text('Make'), text('Model'));
  } catch {
    return null;
  }
}

export function emptySidecarData(): PhotoSidecarData {
  return {
    regions: [],
    people: [],
    keywords: [],
    rating: null,
    rejected: false,
    description: null,
    read: [],
    failed: [],
  };
}

/** Reads what other programs recorded for the photo at `file`. Throws only if it cannot be read. */
export async function readPhotoSidecars(
  et: () => ExifTool,
  file: string,
): Promise<PhotoSidecarData> {
  const [sidecars, { head, packets }] = await Promise.all([sidecarsOf(file), headOf(file)]);
  const embedded = !isJpeg(head) || mayHoldXmpOrIptc(packets);
  const out = emptySidecarData();
  if (!sidecars && !embedded) {
    out.description = await exifCaption(head);
    return out;
  }
  // Regions stay on the stored pixels (orientation null): the catalogue turns them when it
  // matches them to faces, with the orientation the media stage found.
  const got = await readPhotoInterchange(et(), file, sidecars, null, { embedded });
  const m = got.metadata;
  out.regions = m.regions.flatMap((r) => (r.name ? [{ name: r.name, rect: r.rect }] : []));
  out.people = m.people;
  out.keywords = m.keywords;
  out.rating = m.rating;
  out.rejected = m.rejected;
  out.description = m.description;
  out.read = got.read;
  out.failed = got.failed;
  if (!embedded) out.description ??= await exifCaption(head);
  return out;
}
