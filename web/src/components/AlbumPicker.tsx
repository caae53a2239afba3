import { useEffect, useState } from 'react';
import type { Album } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { plural } from '../app/format.js';
import { AlbumNameInput } from './AlbumNameInput.js';
import { Dialog } from './Dialog.js';
import { Icon } from './Icon.js';
import { albumNameError } from '../pages/albums-data.js';
import { toast, toastError } from './toasts.js';

/** "Add to album": pick an album or make a new one with the selected photos in it. */
export function AlbumPicker({
  ids,
  onDone,
  onClose,
}: {
  ids: string[];
  onDone: () => void;
  onClose: () => void;
}) {
  const [albums, setAlbums] = useState<Album[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.albums().then((r) => setAlbums(r.albums), toastError);
  }, []);

  const addTo = async (a: Album) => {
    setBusy(true);
    try {
      const r = await api.addToAlbum(a.id, ids);
      toast(
        r.changed ? `Added ${plural(r.changed, 'photo')} to ${a.name}` : `Already in ${a.name}`,
      );
      onDone();
    } catch (err) {
      toastError(err);
      setBusy(false);
    }
  };

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    // A name already taken is said at once, without asking the server to refuse it.
    if (albums?.some((a) => a.name === name.trim())) {
      setError(albumNameError({ status: 409 }, name.trim(), true));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const a = await api.createAlbum(name.trim(), ids);
      toast(`Created ${a.name} with ${plural(ids.length, 'photo')}`);
      onDone();
    } catch (err) {
      // Said in the dialog, next to the name: a toast would be under the dialog's backdrop.
      setError(albumNameError(err, name.trim(), true));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Add ${plural(ids.length, 'photo')} to an album`} onClose={onClose}>
      <form className="new-album" onSubmit={create}>
        <AlbumNameInput
          label="New album name"
          value={name}
          error={error}
          errorId="album-picker-error"
          onChange={(v) => {
            setName(v);
            setError(null);
          }}
        />
        <button className="button button-primary" disabled={busy || !name.trim()}>
          <Icon name="plus" size={18} /> Create
        </button>
      </form>
      {error && (
        <p className="form-error" id="album-picker-error" role="alert">
          {error}
        </p>
      )}
      <ul className="album-pick">
        {albums === null && <li className="muted">Loading albums…</li>}
        {albums?.length === 0 && <li className="muted">No albums yet: name one above.</li>}
        {albums?.map((a) => (
          <li key={a.id}>
            <button className="album-pick-item" disabled={busy} onClick={() => void addTo(a)}>
              <span className="album-pick-cover">
                {a.coverThumbUrl ? <img src={a.coverThumbUrl} alt="" /> : <Icon name="album" />}
              </span>
              <span className="album-pick-name">{a.name}</span>
              <span className="muted">{plural(a.photoCount, 'photo')}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
