import type { JobsStatus, PictoEvent } from '../../../src/shared/api.js';
import { routes, urlOf } from '../../../src/shared/routes/index.js';

type Listener = (
  e:
    | PictoEvent
    | { type: 'hello'; status: JobsStatus }
    | { type: 'reconnected' }
    | { type: 'connection.lost' },
) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let lostAt = 0;

const TYPES = [
  'scan.progress',
  'scan.done',
  'jobs.progress',
  'jobs.idle',
  'photos.changed',
  'folders.changed',
  'albums.changed',
  'people.changed',
] as const;

/**
 * One EventSource for the whole app, shared by every component that listens. EventSource
 * reconnects by itself; after a reconnect listeners get `reconnected` and refetch what they show,
 * since events sent while the connection was down are gone.
 */
function connect(): void {
  if (source) return;
  source = new EventSource(urlOf(routes.streamEvents));
  source.addEventListener('hello', (m) => {
    const status = JSON.parse((m as MessageEvent<string>).data) as JobsStatus;
    emit({ type: 'hello', status });
    if (lostAt) emit({ type: 'reconnected' });
    lostAt = 0;
  });
  for (const t of TYPES) {
    source.addEventListener(t, (m) =>
      emit(JSON.parse((m as MessageEvent<string>).data) as PictoEvent),
    );
  }
  source.onerror = () => {
    if (!lostAt) {
      lostAt = Date.now();
      emit({ type: 'connection.lost' });
    }
  };
}

function emit(e: Parameters<Listener>[0]): void {
  for (const l of [...listeners]) l(e);
}

export function onLibraryEvent(listener: Listener): () => void {
  connect();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
