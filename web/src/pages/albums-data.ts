import { useEffect, useState } from 'react';
import type { Album } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';
import { errorMessage } from '../components/toasts.js';

/** The album list, kept fresh by albums.changed events. */
export function useAlbums(): { albums: Album[] | null; reload: () => void } {
  const [albums, setAlbums] = useState<Album[] | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    api.albums().then(
      (r) => alive && setAlbums(r.albums),
      () => alive && setAlbums([]),
    );
    return () => {
      alive = false;
    };
  }, [tick]);
  useEffect(
    () =>
      onLibraryEvent((e) => {
        if (e.type === 'albums.changed' || e.type === 'reconnected') setTick((t) => t + 1);
      }),
    [],
  );
  return { albums, reload: () => setTick((t) => t + 1) };
}

/** What to say when an album name is refused: a taken name in plain words, else the reason. */
export function albumNameError(err: unknown, name: string, inList = false): string {
  if ((err as { status?: number }).status === 409)
    return `There is already an album called “${name}”. ${inList ? 'Pick it in the list below, or choose' : 'Choose'} another name.`;
  return errorMessage(err);
}
