// The import report at the end of `picto add` and `picto scan`: what came from sidecars (Google
// Takeout, other programs' XMP). Read from the catalogue ([Note: the import report is read from
// the catalogue] in interchange/report.ts), so it is the same after --wait or later.

import type { Picto } from '../app/picto.js';
import type { ImportReport } from '../interchange/report.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Lines for people, or none when nothing came from sidecars. */
export function importReportLines(r: ImportReport): string[] {
  const parts = [
    r.dates && plural(r.dates, 'date'),
    r.places && plural(r.places, 'place'),
    r.descriptions && plural(r.descriptions, 'description'),
    r.favorites && plural(r.favorites, 'favourite'),
    r.ratings && plural(r.ratings, 'rating'),
    r.keywords && plural(r.keywords, 'keyword'),
    r.names && plural(r.names, 'named face'),
    r.albums.length && plural(r.albums.length, 'album'),
  ].filter((p): p is string => Boolean(p));
  const lines: string[] = [];
  if (parts.length) {
    lines.push(`imported for ${plural(r.photos, 'photo')}: ${parts.join(', ')}`);
  }
  for (const a of r.albums) lines.push(`  album "${a.name}" (${a.folder})`);
  if (r.suggestedNames) {
    lines.push(
      `  ${plural(r.suggestedNames, 'name')} not placed on a face: see the suggestions of those people`,
    );
  }
  if (r.unmatchedSidecars.length) {
    lines.push(`${plural(r.unmatchedSidecars.length, 'sidecar')} matched no photo:`);
    for (const p of r.unmatchedSidecars.slice(0, 20)) lines.push(`  ${p}`);
    if (r.unmatchedSidecars.length > 20)
      lines.push(`  … and ${r.unmatchedSidecars.length - 20} more (--json lists them all)`);
  }
  for (const u of r.unreadable.slice(0, 20)) lines.push(`cannot read ${u.path}: ${u.error}`);
  if (r.pending && lines.length) {
    lines.push(`(${plural(r.pending, 'photo')} still to read: more will come as indexing runs)`);
  }
  return lines;
}

/** The report for these folders, printed to stderr unless `json`; returned for --json output. */
export async function reportImports(
  picto: Picto,
  folderIds: number[],
  json: boolean,
): Promise<ImportReport> {
  const report = await picto.importReport(folderIds);
  if (!json) for (const line of importReportLines(report)) process.stderr.write(`${line}\n`);
  return report;
}
