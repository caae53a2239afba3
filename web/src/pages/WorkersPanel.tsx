import { useEffect, useState } from 'react';
import type { JobsStatus } from '../../../src/shared/api.js';
import type { QueueState, WorkerInfo } from '../../../src/shared/work-api.js';
import { api } from '../api/client.js';
import { plural, relativeTime } from '../app/format.js';
import { Icon } from '../components/Icon.js';

// Who indexes the library (issue 17): shown only when `serve --queue` gave a Redis queue, so the
// embedded default (this machine's threads only) looks as it always did. The worker list is not
// in the progress events: it is fetched every few seconds while the page is open.

const POLL_MS = 4000;

function useWorkers(): Pick<JobsStatus, 'workers' | 'queue'> | null {
  const [state, setState] = useState<Pick<JobsStatus, 'workers' | 'queue'> | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      api.jobs().then(
        (s) => alive && setState({ workers: s.workers, queue: s.queue }),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, []);
  return state;
}

function QueueLine({ queue }: { queue: QueueState }) {
  if (queue.state === 'connected')
    return (
      <p className="muted">
        Queue <code>{queue.url}</code> <span className="status status-ok">connected</span>
      </p>
    );
  const meanwhile =
    queue.state === 'unreachable'
      ? queue.localWorkers
        ? 'This machine keeps indexing on its own meanwhile.'
        : 'Indexing waits for it: this machine has no workers of its own (--workers 0).'
      : '';
  return (
    <p className="queue-problem" role="status">
      <Icon name="alert" size={16} /> Queue <code>{queue.url}</code>{' '}
      <span className="status status-warn">
        {queue.state === 'unreachable' ? 'unreachable' : 'connecting'}
      </span>{' '}
      since {relativeTime(queue.since)}
      {queue.error && <span className="muted"> ({queue.error})</span>}. {meanwhile} Picto reconnects
      by itself.
    </p>
  );
}

function WorkerRow({ w }: { w: WorkerInfo }) {
  const where = w.kind === 'local' ? 'This machine' : w.host;
  return (
    <li className={`worker-row${w.online ? '' : ' worker-offline'}`} data-worker-id={w.id}>
      <span className="worker-name">
        <Icon name={w.kind === 'local' ? 'layers' : 'sparkle'} size={16} /> {where}
        <span className="muted worker-id"> {w.kind === 'local' ? 'threads' : w.id}</span>
      </span>
      <span className="worker-count">
        {w.concurrency} at a time · {plural(w.done, 'task')} done
        {w.failed > 0 && ` · ${w.failed.toLocaleString()} failed`}
        {w.rate > 0 && ` · ${w.rate < 10 ? w.rate.toFixed(2) : Math.round(w.rate)} a second`}
        {!w.online && ' · offline'}
        {w.kind === 'remote' && w.lastSeen && ` · seen ${relativeTime(w.lastSeen)}`}
      </span>
      {w.error && <span className="worker-error">{w.error}</span>}
    </li>
  );
}

export function WorkersPanel() {
  const s = useWorkers();
  if (!s?.queue) return null;
  const remote = s.workers.filter((w) => w.kind === 'remote');
  return (
    <section className="card workers-panel" aria-label="Workers">
      <div>
        <h2 className="card-title">Workers</h2>
        <QueueLine queue={s.queue} />
      </div>
      <ul className="worker-list">
        {s.workers.map((w) => (
          <WorkerRow key={w.id} w={w} />
        ))}
      </ul>
      {remote.length === 0 && (
        <p className="muted card-text">
          No other machine helps yet. On one with Picto installed, run{' '}
          <code>picto worker --queue … --server … --token …</code> (the token is what{' '}
          <code>picto token</code> prints here).
        </p>
      )}
    </section>
  );
}
