import { useEffect, useState } from 'react';
import type { Album } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';

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
