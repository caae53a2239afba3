import { useCallback, useEffect, useState } from 'react';
import type { DuplicateGroup, DuplicatesReport } from '../../../src/shared/search-api.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { toast, toastError } from '../components/toasts.js';
import { searchApi } from './api.js';
import './search.css';

const KIND: Record<string, string> = {
  identical: 'identical pixels',
  near: 'same picture, re-saved or resized',
  mirror: 'mirrored copy',
  rotated: 'turned copy',
  crop: 'cropped from the other',
};

function size(bytes: number): string {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`;
}

function Group({ g, onDone }: { g: DuplicateGroup; onDone: () => void }) {
  const [keep, setKeep] = useState(g.keep);
  const [busy, setBusy] = useState(false);
  const kinds = [...new Set(g.pairs.map((p) => KIND[p.kind] ?? p.kind))];
  const act = async (what: 'resolve' | 'dismiss') => {
    setBusy(true);
    try {
      if (what === 'resolve') {
        const r = await searchApi.resolve(g.id, keep);
        toast(`Kept one, moved ${r.trashed.length} to the trash`);
      } else {
        await searchApi.dismiss(g.id);
        toast('Marked as not duplicates');
      }
      onDone();
    } catch (err) {
      toastError(err);
      setBusy(false);
    }
  };
  return (
    <li className="dup-group card">
      <p className="dup-kind">{kinds.join(' · ')}</p>
      <ul className="dup-photos">
        {g.photos.map((p) => (
          <li key={p.id}>
            <button
              className={`dup-photo${p.id === keep ? ' keep' : ''}`}
              onClick={() => setKeep(p.id)}
              aria-pressed={p.id === keep}
              aria-label={`Keep ${p.path?.split('/').pop() ?? 'this photo'}, ${p.width}×${p.height}`}
            >
              {p.thumbUrl ? (
                <img src={p.thumbUrl} alt="" loading="lazy" />
              ) : (
                <span className="search-tile-empty" />
              )}
              {p.id === keep && (
                <span className="dup-keep-badge">
                  <Icon name="check" size={14} /> Keep
                </span>
              )}
            </button>
            <p className="dup-meta">
              {p.width}×{p.height} · {size(p.size)} · {p.format?.toUpperCase()}
              {p.favourite && ' · favourite'}
              {p.albums > 0 && ` · ${p.albums} album${p.albums > 1 ? 's' : ''}`}
            </p>
            <p className="dup-path muted" title={p.path ?? ''}>
              {p.path?.split('/').slice(-2).join('/')}
            </p>
          </li>
        ))}
      </ul>
      <div className="dup-actions">
        <span className="muted dup-reason">
          {keep === g.keep ? `Suggested: ${g.reason}.` : 'Your choice.'}
        </span>
        <button className="button" disabled={busy} onClick={() => void act('dismiss')}>
          Not duplicates
        </button>
        <button
          className="button button-primary"
          disabled={busy}
          onClick={() => void act('resolve')}
        >
          Keep selected, trash{' '}
          {g.photos.length - 1 === 1 ? 'the other' : `the other ${g.photos.length - 1}`}
        </button>
      </div>
    </li>
  );
}

/** Review near-duplicates: keep one of each group (favourite and albums carry over). */
export function DuplicatesPage() {
  const [report, setReport] = useState<DuplicatesReport | null>(null);
  const load = useCallback(() => searchApi.duplicates().then(setReport, toastError), []);
  useEffect(() => void load(), [load]);
  return (
    <div className="page">
      <header className="topbar">
        <div className="topbar-titles">
          <h1 className="topbar-title">Duplicates</h1>
          {report && (
            <span className="topbar-sub">
              {report.groups.length} group{report.groups.length === 1 ? '' : 's'} among{' '}
              {report.compared.toLocaleString()} photos
            </span>
          )}
        </div>
      </header>
      <div className="scroller">
        <div className="search-body">
          {report && report.groups.length === 0 && (
            <EmptyState icon="check" title="No duplicates">
              <p>
                No two photos show the same picture (re-saved, resized, mirrored, turned or
                cropped).
              </p>
            </EmptyState>
          )}
          <ul className="dup-list">
            {report?.groups.map((g) => (
              <Group key={g.id} g={g} onDone={() => void load()} />
            ))}
          </ul>
          {report && report.copies.length > 0 && (
            <section className="card dup-copies">
              <h2 className="card-title">Same file stored more than once</h2>
              <p className="card-text">
                These are one photo for Picto (identical bytes). Delete extra copies in your file
                manager if you want the space back.
              </p>
              <ul>
                {report.copies.map((c) => (
                  <li key={c.id} className="muted">
                    {c.paths.join('  ·  ')}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
