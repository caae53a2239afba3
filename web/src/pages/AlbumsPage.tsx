import { useState } from 'react';
import { api } from '../api/client.js';
import { plural } from '../app/format.js';
import { navigate } from '../app/router.js';
import { AlbumNameInput } from '../components/AlbumNameInput.js';
import { Dialog } from '../components/Dialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { Link } from '../components/Sidebar.js';
import { TopBar } from '../components/TopBar.js';
import { albumNameError, useAlbums } from './albums-data.js';

function NewAlbumDialog({ onClose, taken }: { onClose: () => void; taken: string[] }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (taken.includes(name.trim())) {
      setError(albumNameError({ status: 409 }, name.trim()));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const a = await api.createAlbum(name.trim());
      onClose();
      navigate(`/albums/${a.id}`);
    } catch (err) {
      setError(albumNameError(err, name.trim()));
      setBusy(false);
    }
  };
  return (
    <Dialog title="New album" onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <AlbumNameInput
          label="Album name"
          value={name}
          error={error}
          errorId="new-album-error"
          onChange={(v) => {
            setName(v);
            setError(null);
          }}
        />
        {error && (
          <p className="form-error" id="new-album-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions dialog-actions-inline">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button className="button button-primary" disabled={busy || !name.trim()}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function AlbumsPage() {
  const { albums } = useAlbums();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <TopBar
        title="Albums"
        subtitle={albums && albums.length ? plural(albums.length, 'album') : undefined}
        actions={
          <button className="button button-primary" onClick={() => setCreating(true)}>
            <Icon name="plus" size={18} /> New album
          </button>
        }
      />
      <div className="scroller">
        {albums && albums.length === 0 && (
          <EmptyState
            icon="album"
            title="Make your first album"
            action={
              <button className="button button-primary" onClick={() => setCreating(true)}>
                <Icon name="plus" size={18} /> New album
              </button>
            }
          >
            <p>
              Albums gather photos from anywhere in your library. Select photos in Photos and choose
              “Add to album”, or start one here.
            </p>
          </EmptyState>
        )}
        <ul className="album-grid">
          {albums?.map((a) => (
            <li key={a.id}>
              <Link to={`/albums/${a.id}`} className="album-card">
                <span className="album-cover">
                  {a.coverThumbUrl ? (
                    <img src={a.coverThumbUrl} alt="" loading="lazy" />
                  ) : (
                    <Icon name="album" size={40} />
                  )}
                </span>
                <span className="album-name">
                  {a.name}
                  <span className="visually-hidden">,</span>
                </span>
                <span className="album-count">{plural(a.photoCount, 'photo')}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
      {creating && (
        <NewAlbumDialog
          onClose={() => setCreating(false)}
          taken={albums?.map((a) => a.name) ?? []}
        />
      )}
    </div>
  );
}
