// A short-lived ExifTool for interchange work in the main thread (merging into sidecars, reading
// them on request). The indexing workers keep their own per-thread instance (media/exiftool.ts);
// this one is started for a batch and ended after it, so no perl child outlives the command.
//
// It loads a config that declares Picto's XMP namespace: stock ExifTool reads (and keeps)
// properties of namespaces it does not know, but only writes those it has a definition for, and a
// merge must update Picto's ownership mark and its record of what it wrote.

import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ExifTool } from 'exiftool-vendored';

import { exiftoolVendored, spawnExifTool } from '../media/index.js';
import { PICTO_NS } from './ownership.js';

export type { ExifTool };

const CONFIG = `# Picto's XMP namespace (written by Picto; see src/interchange/exiftool-session.ts).
%Image::ExifTool::UserDefined = (
    'Image::ExifTool::XMP::Main' => {
        picto => { SubDirectory => { TagTable => 'Image::ExifTool::UserDefined::picto' } },
    },
);
%Image::ExifTool::UserDefined::picto = (
    GROUPS    => { 0 => 'XMP', 1 => 'XMP-picto', 2 => 'Image' },
    NAMESPACE => { 'picto' => '${PICTO_NS}' },
    WRITABLE  => 'string',
    Sidecar   => { },
    Wrote     => { List => 'Bag' },
);
1;
`;

/** The config file, written once per content into the temp folder (no install step needed). */
function configFile(): string {
  const hash = createHash('sha256').update(CONFIG).digest('hex').slice(0, 12);
  const file = path.join(os.tmpdir(), `picto-exiftool-${hash}.config`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, CONFIG, 'utf8');
    renameSync(tmp, file);
  }
  return file;
}

/** A new ExifTool (its perl child starts on first use). The caller must end() it. */
export function openExifTool(): ExifTool {
  const config = configFile();
  const { ExifTool } = exiftoolVendored();
  return new ExifTool({
    maxProcs: 1,
    taskTimeoutMillis: 20_000,
    taskRetries: 0,
    processFactory: () => spawnExifTool(['-config', config]),
  });
}

export async function withExifTool<T>(fn: (et: ExifTool) => Promise<T>): Promise<T> {
  const et = openExifTool();
  try {
    return await fn(et);
  } finally {
    await et.end();
  }
}
