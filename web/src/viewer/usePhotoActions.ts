import { useCallback } from 'react';
import type { PhotoDetails } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { toast, toastError } from '../components/toasts.js';
import type { TimelineStore } from '../timeline/store.js';

/**
 * What the viewer does to the photo on screen: favourite it (shown at once, undone if the server
 * refuses), move it to the trash or restore it, make it its album's cover or take it out of the
 * album. An action that takes the photo out of the list being viewed moves on to its neighbour,
 * or closes the viewer when it was the last one.
 */
export function usePhotoActions(
  store: TimelineStore,
  id: string,
  [details, setDetails]: [
    PhotoDetails | null,
    React.Dispatch<React.SetStateAction<PhotoDetails | null>>,
  ],
  { onNavigate, onClose }: { onNavigate: (id: string) => void; onClose: () => void },
) {
  const item = store.find(id);
  const favourite = details?.favourite ?? item?.favourite ?? false;

  const toggleFavourite = useCallback(async () => {
    const on = !favourite;
    store.patch([id], { favourite: on });
    setDetails((d) => (d ? { ...d, favourite: on } : d));
    try {
      await api.favourite([id], on);
      toast(on ? 'Added to favourites' : 'Removed from favourites');
    } catch (err) {
      store.patch([id], { favourite: !on });
      setDetails((d) => (d ? { ...d, favourite: !on } : d));
      toastError(err);
    }
  }, [favourite, id, store, setDetails]);

  const leave = useCallback(async () => {
    const next = (await store.neighbour(id, 1)) ?? (await store.neighbour(id, -1));
    store.remove([id]);
    if (next) onNavigate(next.id);
    else onClose();
  }, [id, store, onNavigate, onClose]);

  const moveToTrash = useCallback(async () => {
    try {
      await api.trash([id]);
      await leave();
      toast('Moved to trash', {
        action: {
          label: 'Undo',
          run: () => void api.restore([id]).then(() => store.invalidate(), toastError),
        },
      });
    } catch (err) {
      toastError(err);
    }
  }, [id, leave, store]);

  const source = (store as Partial<TimelineStore>).source;
  const albumId = source?.kind === 'album' ? (source.albumId ?? null) : null;
  const albumName = details?.albums.find((x) => x.id === albumId)?.name ?? 'the album';

  const setCover = useCallback(async () => {
    if (albumId === null) return;
    try {
      await api.updateAlbum(albumId, { coverPhotoId: id });
      toast(`Now the cover of ${albumName}`);
    } catch (err) {
      toastError(err);
    }
  }, [albumId, albumName, id]);

  const removeFromAlbum = useCallback(async () => {
    if (albumId === null) return;
    try {
      await api.removeFromAlbum(albumId, [id]);
      await leave();
      toast(`Removed from ${albumName}`, {
        action: {
          label: 'Undo',
          run: () => void api.addToAlbum(albumId, [id]).then(() => store.invalidate(), toastError),
        },
      });
    } catch (err) {
      toastError(err);
    }
  }, [albumId, albumName, id, leave, store]);

  const restore = useCallback(async () => {
    try {
      await api.restore([id]);
      await leave();
      toast('Restored to your library');
    } catch (err) {
      toastError(err);
    }
  }, [id, leave]);

  return {
    favourite,
    toggleFavourite,
    moveToTrash,
    restore,
    /** The album being viewed (null outside an album): its name and its two actions. */
    album: albumId !== null ? { name: albumName, setCover, removeFromAlbum } : null,
  };
}
