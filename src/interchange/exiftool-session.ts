// A short-lived ExifTool for interchange work in the main thread (reading sidecars on request,
// merging into them). The indexing workers keep their own per-thread instance (media/exiftool.ts);
// this one is started for a batch and ended after it, so no perl child outlives the command.

import { ExifTool } from 'exiftool-vendored';

import { spawnExifTool } from '../media/index.js';

export type { ExifTool };

/** A new ExifTool (its perl child starts on first use). The caller must end() it. */
export function openExifTool(): ExifTool {
  return new ExifTool({
    maxProcs: 1,
    taskTimeoutMillis: 20_000,
    taskRetries: 0,
    processFactory: spawnExifTool,
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
