import { useEffect, useState } from 'react';
import type { Folder, FolderIssues, LibraryTotals } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { useFolderList } from '../app/folder-list.js';
import { plural, relativeTime } from '../app/format.js';
import { stageLabel, useJobs } from '../app/jobs.js';
import { timeLeft, useRate } from '../app/rate.js';
import { AddFolderForm } from '../components/AddFolderForm.js';
import { Dialog } from '../components/Dialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { ProgressBar, Switch } from '../components/Switch.js';
import { toast, toastError } from '../components/toasts.js';
import { Link } from '../components/Sidebar.js';
import { TopBar } from '../components/TopBar.js';
import { ImportedSummary } from './ImportedSummary.js';
import { WorkersPanel } from './WorkersPanel.js';

const PHASES: Record<string, string> = {
  queued: 'Waiting to scan',
  walk: 'Looking for photos',
  hash: 'Identifying new files',
  apply: 'Updating the library',
};

// A scan counts files (two copies of one photo are two files to look at); everything else on the
// card counts photos as the Photos page shows them ([Note: folder counts agree with the gallery]).
function FolderStatus({ f }: { f: Folder }) {
  if (!f.online) return <span className="status status-warn">Offline: folder not found</span>;
  if (f.scanning) {
    const { phase, done, total } = f.scanning;
    return (
      <span className="status status-busy">
        {PHASES[phase]}
        {total > 0 ? ` · ${done.toLocaleString()} of ${plural(total, 'file')}` : '…'}
      </span>
    );
  }
  if (f.pending > 0)
    return (
      <span className="status status-busy">
        Indexing · {(f.photos - f.pending).toLocaleString()} of {f.photos.toLocaleString()} ready
      </span>
    );
  if (f.errors + f.unreadable > 0)
    return <span className="status status-warn">{plural(f.errors + f.unreadable, 'problem')}</span>;
  return <span className="status status-ok">Up to date</span>;
}

function Problems({ folder }: { folder: Folder }) {
  const [open, setOpen] = useState(false);
  const [issues, setIssues] = useState<FolderIssues | null>(null);
  // Photos that could not be indexed (each once, however many copies) and files that could not
  // be read at all (no photo): said as what they are.
  const count = folder.errors + folder.unreadable;
  const said = [
    folder.errors > 0 && `${plural(folder.errors, 'photo')} could not be processed`,
    folder.unreadable > 0 && `${plural(folder.unreadable, 'file')} could not be read`,
  ]
    .filter(Boolean)
    .join(', ');
  useEffect(() => {
    if (open) api.folderIssues(folder.id).then(setIssues, toastError);
  }, [open, folder.id, folder.errors, folder.unreadable]);
  if (count === 0) return null;
  const rows = issues
    ? [...issues.unreadable.map((u) => ({ path: u.path, error: u.error })), ...issues.failed]
    : [];
  return (
    <div className="problems">
      <button className="link-button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        <Icon name="alert" size={16} /> {said}
        <Icon name={open ? 'left' : 'right'} size={14} className={open ? 'rot-90' : ''} />
      </button>
      {open && (
        <ul className="problem-list">
          {!issues && <li className="muted">Loading…</li>}
          {rows.map((r, i) => (
            <li key={`${r.path}:${i}`}>
              <span className="problem-path" title={r.path}>
                {r.path}
              </span>
              <span className="problem-why">{r.error}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Trashed photos are not the folder's photos any more (as on the Photos page): said apart. */
function InTrash({ n }: { n: number }) {
  return (
    <>
      {' · '}
      <Link to="/trash" className="link-muted">
        {n.toLocaleString()} in the trash
      </Link>
    </>
  );
}

/** The folder's own name: the end of a path is what tells folders apart. */
function folderName(p: string): string {
  const trimmed = p.replace(/[\\/]+$/, '') || p;
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || p;
}

function FolderCard({ f, onRemoved }: { f: Folder; onRemoved: () => void }) {
  const [confirm, setConfirm] = useState(false);
  const [whole, setWhole] = useState(false);
  const name = folderName(f.path);
  const progress = f.scanning
    ? f.scanning.total > 0
      ? f.scanning.done / f.scanning.total
      : null
    : f.pending > 0 && f.photos > 0
      ? (f.photos - f.pending) / f.photos
      : undefined;
  return (
    <li className="folder-card" data-folder-id={f.id}>
      <div className="folder-main">
        <span className="folder-icon">
          <Icon name="folder" size={24} />
        </span>
        <div className="folder-text">
          <p className="folder-name">{name}</p>
          {/* A tap (or a long press) shows the whole path; the hover title shows it too. */}
          <button
            className={`folder-path${whole ? ' folder-path-whole' : ''}`}
            title={f.path}
            aria-label={f.path}
            aria-expanded={whole}
            onClick={() => setWhole((w) => !w)}
            onContextMenu={(e) => {
              e.preventDefault();
              setWhole(true);
            }}
          >
            {/* Right-to-left so a long path loses its start, not its end; the path itself stays
                left-to-right. */}
            <span dir="ltr">{f.path}</span>
          </button>
          <p className="folder-meta">
            {plural(f.photos, 'photo')} · <FolderStatus f={f} />
            {f.trashed > 0 && <InTrash n={f.trashed} />}
            {f.lastScanAt && <span className="muted"> · scanned {relativeTime(f.lastScanAt)}</span>}
          </p>
        </div>
        <div className="folder-controls">
          <label className="ai-toggle">
            <Icon name="sparkle" size={16} />
            <span>AI</span>
            <Switch
              checked={f.ai}
              label={`AI (faces, objects, search) for ${f.path}`}
              onChange={async (on) => {
                try {
                  await api.setFolderAi(f.id, on);
                  toast(
                    on ? 'AI on: photos in this folder will be analysed' : 'AI off for this folder',
                  );
                } catch (err) {
                  toastError(err);
                }
              }}
            />
          </label>
          <button
            className="icon-button"
            aria-label={`Rescan ${f.path}`}
            title="Rescan"
            disabled={Boolean(f.scanning)}
            onClick={() => void api.rescan(f.id).catch(toastError)}
          >
            <Icon name="refresh" />
          </button>
          <button
            className="icon-button"
            aria-label={`Remove ${f.path}`}
            title="Remove from library"
            onClick={() => setConfirm(true)}
          >
            <Icon name="trash" />
          </button>
        </div>
      </div>
      {progress !== undefined && (
        <ProgressBar
          value={progress ?? 0}
          indeterminate={progress === null}
          label={f.scanning ? `Scanning ${name}` : `Photos of ${name} ready`}
        />
      )}
      <ImportedSummary folder={f} />
      <Problems folder={f} />
      {confirm && (
        <Dialog
          title="Remove this folder from Picto?"
          onClose={() => setConfirm(false)}
          actions={
            <>
              <button className="button" onClick={() => setConfirm(false)} autoFocus>
                Cancel
              </button>
              <button
                className="button button-danger"
                onClick={async () => {
                  try {
                    await api.removeFolder(f.id);
                    setConfirm(false);
                    onRemoved();
                    toast(`Removed ${f.path} from the library`);
                  } catch (err) {
                    toastError(err);
                  }
                }}
              >
                Remove folder
              </button>
            </>
          }
        >
          <p className="dialog-text">
            <strong>{f.path}</strong>
          </p>
          <p className="dialog-text">
            Its {plural(f.photos, 'photo')} leave your Picto library (with their favourites and
            album places). The files on your disk are not touched.
          </p>
        </Dialog>
      )}
    </li>
  );
}

/**
 * One account of indexing: photos ready out of all, counted as the Photos page and the folder
 * cards count them (outside the trash, a Live Photo once; the trash said apart), how fast
 * (measured here, over the last 20 s), how long is left, then each later stage on its own line.
 */
function IndexingPanel({ totals }: { totals: LibraryTotals }) {
  const jobs = useJobs();
  const laterDone = jobs.laterTotal - jobs.laterLeft;
  const mediaRate = useRate(jobs.total - jobs.left, 'media');
  const laterRate = useRate(laterDone, 'later');
  if (!jobs.status) return null;
  const paused = jobs.status.paused;
  // Photos waiting are work left even when no progress event said so (a scan while paused
  // queues jobs without one): the heading must not say "up to date" over "0 of 11 ready".
  const active = jobs.active || totals.pending > 0;
  const open = jobs.status.stages.filter((s) => s.stage !== 'media' && s.pending + s.running > 0);
  const rate = paused || !active ? null : jobs.left > 0 ? mediaRate : laterRate;
  const left = timeLeft(jobs.left > 0 ? jobs.left : jobs.laterLeft, rate);
  return (
    <section className="card indexing-panel" aria-label="Indexing">
      <div className="indexing-head">
        <div>
          <h2 className="card-title">
            {active ? (paused ? 'Indexing paused' : 'Indexing') : 'Library up to date'}
          </h2>
          <p className="muted indexing-counts">
            {totals.photos === 0
              ? 'Nothing to do yet.'
              : `${totals.ready.toLocaleString()} of ${plural(totals.photos, 'photo')} ready`}
            {totals.trashed > 0 && <InTrash n={totals.trashed} />}
            {rate !== null &&
              rate > 0 &&
              ` · ${rate < 10 ? rate.toFixed(1) : Math.round(rate)} ${jobs.left > 0 ? 'photos' : 'steps'} a second`}
            {left && ` · ${left}`}
          </p>
        </div>
        <div className="row-gap">
          {jobs.failed > 0 && (
            <button
              className="button"
              onClick={async () => {
                try {
                  const r = await api.retry();
                  toast(`Retrying ${plural(r.requeued, 'job')}`);
                } catch (err) {
                  toastError(err);
                }
              }}
            >
              <Icon name="refresh" size={18} /> Retry {jobs.failed.toLocaleString()} failed
            </button>
          )}
          {active && (
            <button
              className="button"
              onClick={() => void (paused ? api.resume() : api.pause()).catch(toastError)}
            >
              <Icon name={paused ? 'play' : 'pause'} size={18} /> {paused ? 'Resume' : 'Pause'}
            </button>
          )}
        </div>
      </div>
      {totals.pending > 0 && (
        <ProgressBar value={totals.ready / totals.photos} label="Photos ready" />
      )}
      {open.length > 0 && (
        <ul className="stage-list">
          {open.map((st) => {
            const all = st.done + st.pending + st.running + st.failed;
            const label = stageLabel(st.stage);
            return (
              <li key={st.stage} className="stage-row">
                <span className="stage-name">{label.charAt(0).toUpperCase() + label.slice(1)}</span>
                <span className="stage-count">
                  {st.done.toLocaleString()} of {all.toLocaleString()}
                </span>
                <ProgressBar value={all ? st.done / all : 0} label={label} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function FoldersPage() {
  const { list, reload } = useFolderList();
  const folders = list?.folders;
  return (
    <div className="page">
      <TopBar
        title="Folders"
        subtitle={folders?.length ? plural(folders.length, 'folder') : undefined}
      />
      <div className="scroller">
        <div className="folders-page">
          <section className="card">
            <h2 className="card-title">Add a folder</h2>
            <p className="muted card-text">
              Picto finds the photos in it and in its subfolders, and keeps them up to date. Files
              are never moved or changed.
            </p>
            <AddFolderForm onAdded={reload} />
          </section>
          {list && folders && folders.length > 0 && <IndexingPanel totals={list.totals} />}
          {folders && folders.length > 0 && <WorkersPanel />}
          {folders && folders.length === 0 && (
            <EmptyState icon="folder" title="No folders yet">
              <p>
                Add the folders where you keep photos. You can add as many as you like, on any disk.
              </p>
            </EmptyState>
          )}
          {folders && folders.length > 0 && (
            <ul className="folder-list" aria-label="Library folders">
              {folders.map((f) => (
                <FolderCard key={f.id} f={f} onRemoved={reload} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
