import { useEffect, useState } from 'react';
import type { Folder } from '../../../src/shared/api.js';
import type { ImportReport } from '../../../src/shared/interchange-api.js';
import { api } from '../api/client.js';
import { plural } from '../app/format.js';
import { Icon } from '../components/Icon.js';

// What came into a folder from sidecars (Google Takeout JSON, other programs' XMP), under its
// card on the folders page: the same report `picto add` prints. Read again when a scan ends or the
// folder's indexing finishes, not on every progress tick.

/** The report as a line of counts, nothing for zeros. */
export function importParts(r: ImportReport): string[] {
  const parts: [number, string][] = [
    [r.dates, 'date'],
    [r.places, 'place'],
    [r.names, 'name'],
    [r.albums.length, 'album'],
    [r.keywords, 'keyword'],
    [r.ratings, 'rating'],
    [r.descriptions, 'description'],
    [r.favorites, 'favourite'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, what]) => plural(n, what));
}

export function ImportedSummary({ folder }: { folder: Folder }) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [open, setOpen] = useState(false);
  const scanning = Boolean(folder.scanning);
  const indexed = folder.pending === 0;
  useEffect(() => {
    if (scanning) return;
    let alive = true;
    // A folder without sidecars answers with zeros: nothing shows, nothing to tell the user.
    api.folderImport(folder.id).then(
      (r) => alive && setReport(r),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [folder.id, folder.lastScanAt, scanning, indexed]);

  if (!report) return null;
  const parts = importParts(report);
  const left = [
    ...report.unmatchedSidecars.map((path) => ({ path, why: 'matched no photo' })),
    ...report.unreadable.map((u) => ({ path: u.path, why: u.error })),
  ];
  if (parts.length === 0 && left.length === 0) return null;
  return (
    <div className="imported" aria-label={`From sidecars in ${folder.path}`}>
      <p className="imported-line">
        <Icon name="layers" size={16} />
        <span>
          From sidecars: {parts.length ? parts.join(' · ') : 'nothing yet'}
          {report.pending > 0 && (
            <span className="muted"> · {plural(report.pending, 'photo')} still to read</span>
          )}
        </span>
      </p>
      {left.length > 0 && (
        <>
          <button className="link-button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {plural(left.length, 'sidecar')} not used
            <Icon name={open ? 'left' : 'right'} size={14} className={open ? 'rot-90' : ''} />
          </button>
          {open && (
            <ul className="problem-list">
              {left.map((r) => (
                <li key={r.path}>
                  <span className="problem-path" title={r.path}>
                    {r.path}
                  </span>
                  <span className="problem-why">{r.why}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
