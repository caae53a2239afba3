// The slow, thorough path: exiftool (a perl child process, ~10–50 ms per read) knows every
// container and maker note. Used where exifr fails (WebP, CR3, RAF, odd HEIF writers), for all RAW
// files, and to pull embedded JPEG previews out of RAWs.
//
// [Note: one ExifTool per worker] Module state is per worker thread, so `instance` below is one perl
// process per piscina worker, started on first use. The pipeline must call closeMedia() (which
// calls closeExifTool) at worker shutdown: a live perl child keeps the process from exiting.

import { spawn } from 'node:child_process';

import type { ExifTool } from 'exiftool-vendored';

import { errorText, firstLine } from './errors.js';
import { exiftoolVendored } from './lazy-modules.js';
import { makeGps } from './gps.js';
import { parseIptcTime } from './dates.js';
import {
  cleanLens,
  cleanText,
  DATE_RANK,
  emptyTags,
  positiveNumber,
  type CollectedTags,
  panoramaTag,
  userCommentText,
  type DateCandidate,
} from './tags.js';

let instance: ExifTool | null = null;

/**
 * [Note: orphaned exiftool] `exiftool -stay_open True` keeps polling its argument stream after
 * end-of-file, so a perl child whose owner vanished without end() (a worker thread terminated by
 * piscina.destroy(), a killed process) lives forever. This perl preamble runs exiftool in the same
 * process and, every 2 s, peeks at stdin without consuming it: once the socket reports
 * end-of-file (Node closed its end), exiftool exits. Measured: gone ~2 s after worker.terminate().
 */
const WATCHDOG = `
use strict; use warnings; use Socket qw(MSG_PEEK MSG_DONTWAIT);
my $tool = shift @ARGV; $0 = $tool;
$SIG{ALRM} = sub {
  my $buf = '';
  my $got = recv(STDIN, $buf, 1, MSG_PEEK | MSG_DONTWAIT);
  if (defined $got) { exit 0 if $buf eq ''; alarm 2; return; }
  alarm 2 if $!{EAGAIN} || $!{EWOULDBLOCK};
};
alarm 2;
do $tool; die $@ if $@; exit 0;
`;

/** `leadingArgs` go before ExifTool's own (`-config FILE` must be the very first argument). */
export async function spawnExifTool(leadingArgs: string[] = []) {
  // See [Note: heavy decoders load on first use] in lazy-modules.ts.
  const { exiftoolPath, DefaultExiftoolArgs } = exiftoolVendored();
  const tool = await exiftoolPath();
  return spawn('perl', ['-e', WATCHDOG, tool, ...leadingArgs, ...DefaultExiftoolArgs], {
    stdio: 'pipe',
    shell: false,
    detached: false,
    env: { ...process.env, LANG: 'C' },
  });
}

function exiftool(): ExifTool {
  if (!instance) {
    const { ExifTool } = exiftoolVendored();
    instance = new ExifTool({
      maxProcs: 1,
      // A hung perl on a hostile file must not stall the worker for long.
      taskTimeoutMillis: 20_000,
      taskRetries: 0,
      processFactory: () => spawnExifTool(),
    });
  }
  return instance;
}

/**
 * This thread's ExifTool, for other modules' reads inside the indexing workers (the interchange
 * readers take it as a parameter). Ended by closeMedia() like the rest.
 */
export function threadExifTool(): ExifTool {
  return exiftool();
}

/** Ends the perl child of this thread, if any. Safe to call repeatedly; a later read restarts it. */
export async function closeExifTool(): Promise<void> {
  const et = instance;
  instance = null;
  if (et) await et.end();
}

type RawTags = Record<string, unknown>;

export interface ExifToolRead {
  tags: CollectedTags;
  /** File:FileType as exiftool sees it (e.g. "JPEG" for a .nef that is really a JPEG) */
  fileType: string | null;
  /**
   * Binary images embedded in the file, biggest first: bare tag name (exiftool's binary extraction
   * answers by tag name only, picking the group itself) and the largest byte length seen for it.
   */
  embeddedImages: { tag: string; bytes: number }[];
}

export async function readWithExifTool(path: string): Promise<ExifToolRead> {
  let raw: RawTags;
  try {
    raw = (await exiftool().readRaw(path, {
      readArgs: ['-G1', '-n', '-fast'],
      useMWG: false,
    })) as RawTags;
  } catch (e) {
    const tags = emptyTags();
    tags.warnings.push(`exiftool: ${firstLine(errorText(e))}`);
    return { tags, fileType: null, embeddedImages: [] };
  }
  return mapExifToolTags(raw);
}

const BINARY = /^\(Binary data (\d+) bytes/;
const PREVIEW_TAGS = new Set(['JpgFromRaw', 'PreviewImage', 'OtherImage', 'ThumbnailImage']);

/** Exported for tests: maps `exiftool -G1 -n -json` output onto CollectedTags. */
export function mapExifToolTags(raw: RawTags): ExifToolRead {
  const tags = emptyTags();
  // tag name → [group, value] in file order, so "first group wins" is explicit.
  const byName = new Map<string, [string, unknown][]>();
  const embeddedImages: { tag: string; bytes: number }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const colon = key.indexOf(':');
    if (colon < 0) continue;
    const group = key.slice(0, colon);
    const name = key.slice(colon + 1);
    const list = byName.get(name) ?? [];
    list.push([group, value]);
    byName.set(name, list);
    const bin = typeof value === 'string' ? BINARY.exec(value) : null;
    if (bin && PREVIEW_TAGS.has(name)) {
      const bytes = Number(bin[1]);
      const seen = embeddedImages.find((e) => e.tag === name);
      if (!seen) embeddedImages.push({ tag: name, bytes });
      else seen.bytes = Math.max(seen.bytes, bytes);
    }
  }
  embeddedImages.sort((a, b) => b.bytes - a.bytes);

  const get = (name: string, group?: string | ((g: string) => boolean)): unknown => {
    const list = byName.get(name);
    if (!list) return undefined;
    const hit = list.find(([g]) =>
      group === undefined ? true : typeof group === 'string' ? g === group : group(g),
    );
    return hit?.[1];
  };
  const notXmp = (g: string) => !g.startsWith('XMP');

  // exiftool 12.19–12.x called the Apple MakerNote tag 0x11 MediaGroupUUID, later ContentIdentifier
  tags.contentIdentifier =
    cleanText(get('ContentIdentifier', 'Apple')) ?? cleanText(get('MediaGroupUUID', 'Apple'));
  tags.make = cleanText(get('Make', 'IFD0')) ?? cleanText(get('Make'));
  tags.model = cleanText(get('Model', 'IFD0')) ?? cleanText(get('Model'));
  tags.lens =
    cleanLens(get('LensModel', 'ExifIFD')) ??
    cleanLens(get('LensModel')) ??
    cleanLens(get('Lens', 'XMP-aux')) ??
    cleanLens(get('LensID', 'Composite')) ??
    cleanLens(get('Lens', (g) => g.endsWith('Raw')));
  tags.lensMake = cleanText(get('LensMake', 'ExifIFD')) ?? cleanText(get('LensMake'));
  tags.software = cleanText(get('Software', 'IFD0')) ?? cleanText(get('CreatorTool', 'XMP-xmp'));
  tags.userComment = userCommentText(get('UserComment', 'ExifIFD') ?? get('UserComment'));
  tags.panorama = panoramaTag(
    get('ProjectionType', 'XMP-GPano'),
    get('UsePanoramaViewer', 'XMP-GPano'),
    get('FullPanoWidthPixels', 'XMP-GPano'),
  );
  tags.exposureTime = positiveNumber(get('ExposureTime', notXmp) ?? get('ExposureTime'));
  tags.fNumber = positiveNumber(get('FNumber', notXmp) ?? get('FNumber'));
  tags.iso = positiveNumber(get('ISO', notXmp) ?? get('ISO'));
  tags.focalLength = positiveNumber(get('FocalLength', notXmp) ?? get('FocalLength'));
  const orientation = get('Orientation', 'IFD0');
  tags.orientation = typeof orientation === 'number' ? orientation : null;
  const xmpOrientation = get('Orientation', 'XMP-tiff');
  tags.xmpOrientation = typeof xmpOrientation === 'number' ? xmpOrientation : null;

  const dates: DateCandidate[] = [];
  const add = (value: unknown, c: Omit<DateCandidate, 'value'>) => {
    if (typeof value === 'string' && value.trim()) dates.push({ value, ...c });
  };
  // exiftool's composite already folds in SubSecTimeOriginal and the offset (including maker-note
  // time zones, e.g. Canon CR3), so it goes first among the rank-0 candidates.
  add(get('SubSecDateTimeOriginal', 'Composite'), { rank: DATE_RANK.exifOriginal, source: 'exif' });
  add(get('DateTimeOriginal', 'ExifIFD') ?? get('DateTimeOriginal', notXmp), {
    rank: DATE_RANK.exifOriginal,
    source: 'exif',
    offset: get('OffsetTimeOriginal', 'ExifIFD') ?? get('OffsetTime', 'ExifIFD'),
    subsec: get('SubSecTimeOriginal', 'ExifIFD'),
  });
  add(get('CreateDate', 'ExifIFD'), {
    rank: DATE_RANK.exifDigitized,
    source: 'exif',
    offset: get('OffsetTimeDigitized', 'ExifIFD') ?? get('OffsetTime', 'ExifIFD'),
    subsec: get('SubSecTimeDigitized', 'ExifIFD'),
  });
  add(get('DateTimeOriginal', 'XMP-exif'), { rank: DATE_RANK.xmpOriginal, source: 'xmp' });
  add(get('DateCreated', 'XMP-photoshop'), { rank: DATE_RANK.xmpOriginal, source: 'xmp' });
  add(get('CreateDate', 'XMP-xmp'), { rank: DATE_RANK.xmpCreate, source: 'xmp' });
  add(get('DateTimeDigitized', 'XMP-exif'), { rank: DATE_RANK.xmpCreate, source: 'xmp' });
  const iptcDate = get('DateCreated', 'IPTC');
  if (typeof iptcDate === 'string') {
    const time = parseIptcTime(get('TimeCreated', 'IPTC'));
    add(time ? `${iptcDate} ${time.time}` : iptcDate, {
      rank: DATE_RANK.iptc,
      source: 'iptc',
      offset: time?.offsetMinutes ?? undefined,
    });
  }
  for (const group of ['QuickTime', 'Track1']) {
    add(get('CreateDate', group), {
      rank: DATE_RANK.quicktime,
      source: 'quicktime',
      assumeUtc: true,
    });
  }
  add(get('ModifyDate', 'IFD0'), {
    rank: DATE_RANK.exifModified,
    source: 'exif-modified',
    offset: get('OffsetTime', 'ExifIFD'),
    subsec: get('SubSecTime', 'ExifIFD'),
  });
  tags.dates = dates;

  const candidates = [
    makeGps(
      get('GPSLatitude', 'Composite'),
      '',
      get('GPSLongitude', 'Composite'),
      '',
      get('GPSAltitude', 'Composite'),
    ),
    makeGps(
      get('GPSLatitude', 'GPS'),
      get('GPSLatitudeRef', 'GPS'),
      get('GPSLongitude', 'GPS'),
      get('GPSLongitudeRef', 'GPS'),
      get('GPSAltitude', 'GPS'),
      get('GPSAltitudeRef', 'GPS'),
    ),
    makeGps(
      get('GPSLatitude', 'XMP-exif'),
      '',
      get('GPSLongitude', 'XMP-exif'),
      '',
      get('GPSAltitude', 'XMP-exif'),
      get('GPSAltitudeRef', 'XMP-exif'),
    ),
  ];
  for (const c of candidates) if (c) tags.gpsCandidates.push(c);
  tags.gpsRejected = byName.has('GPSLatitude') && tags.gpsCandidates.length === 0;
  tags.gpsDate = get('GPSDateStamp', 'GPS');
  tags.gpsTime = get('GPSTimeStamp', 'GPS');

  const fileType = cleanText(get('FileType', 'File'));
  const size = sizeFrom(get('ImageSize', 'Composite'));
  const width = positiveNumber(get('ImageWidth', 'File') ?? get('ImageWidth'));
  const height = positiveNumber(get('ImageHeight', 'File') ?? get('ImageHeight'));
  tags.width = size?.width ?? width;
  tags.height = size?.height ?? height;
  // HEIF: ImageSpatialExtent is the coded size; irot 90/270 turns it on screen.
  const rotation = get('Rotation', 'QuickTime');
  if ((rotation === 90 || rotation === 270) && tags.width && tags.height) {
    [tags.width, tags.height] = [tags.height, tags.width];
  }

  for (const name of ['Error', 'Warning']) {
    for (const [, value] of byName.get(name) ?? []) {
      // "[minor]" notes are exiftool talking about its own parsing, not the photo's condition.
      if (typeof value === 'string' && !/^\[minor\]/i.test(value)) {
        tags.warnings.push(`exiftool: ${value}`);
      }
    }
  }
  return { tags, fileType, embeddedImages };
}

function sizeFrom(value: unknown): { width: number; height: number } | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d+)[ x](\d+)$/.exec(value.trim());
  if (!m) return null;
  const [width, height] = [Number(m[1]), Number(m[2])];
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Bytes of one embedded image (tag like "JpgFromRaw"), or null when it cannot be read. */
export async function extractEmbeddedImage(path: string, tag: string): Promise<Buffer | null> {
  try {
    const buf = await exiftool().extractBinaryTagToBuffer(tag, path);
    return buf.length > 0 ? buf : null;
  } catch {
    return null;
  }
}
