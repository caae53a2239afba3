import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Album } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { useFollowLibrary } from '../app/follow-library.js';
import { navigate } from '../app/router.js';
import { Dialog } from '../components/Dialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { Link } from '../components/Sidebar.js';
import { ActionButton } from '../components/ActionButton.js';
import { toast, toastError } from '../components/toasts.js';
import { plural } from '../app/format.js';
import { albumSource } from '../timeline/source.js';
import { forgetStore, storeFor } from '../timeline/store.js';
import { AddToAlbumAction, FavouriteAction, TrashAction } from './actions.js';
import { albumNameError } from './albums-data.js';
import { GalleryPage, type SelectionContext } from './GalleryPage.js';

const PhotoPicker = lazy(() =>
  import('./PhotoPicker.js').then((m) => ({ default: m.PhotoPicker })),
);

function AlbumHeader({ album, onChanged }: { album: Album; onChanged: (a: Album) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(album.name);
  const [description, setDescription] = useState(album.description);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setName(album.name);
    setDescription(album.description);
  }, [album]);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onChanged(await api.updateAlbum(album.id, { name: name.trim(), description }));
      setEditing(false);
    } catch (err) {
      setError(albumNameError(err, name.trim()));
    }
  };
  if (editing) {
    return (
      <form className="album-head album-edit" onSubmit={save}>
        <input
          className="input input-title"
          aria-label="Album name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'album-name-error' : undefined}
          autoFocus
        />
        {error && (
          <p className="form-error" id="album-name-error" role="alert">
            {error}
          </p>
        )}
        <textarea
          className="input"
          aria-label="Description"
          placeholder="Add a description"
          value={description}
          maxLength={5000}
          rows={2}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="row-gap">
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <button className="button button-primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="album-head">
      <button
        className="album-title-button"
        onClick={() => setEditing(true)}
        title="Rename or describe"
      >
        <h2 className="album-title">{album.name}</h2>
        <Icon name="pencil" size={18} />
      </button>
      {album.description ? (
        <p className="album-description">{album.description}</p>
      ) : (
        <button className="link-button" onClick={() => setEditing(true)}>
          Add a description
        </button>
      )}
    </div>
  );
}

function AlbumSelection(ctx: SelectionContext & { album: Album; onChanged: (a: Album) => void }) {
  const { ids, store, done, album, onChanged } = ctx;
  return (
    <>
      {ids.length === 1 && (
        <ActionButton
          icon="image"
          label="Use as cover"
          onClick={async () => {
            try {
              onChanged(await api.updateAlbum(album.id, { coverPhotoId: ids[0] }));
              toast('Album cover changed');
              done();
            } catch (err) {
              toastError(err);
            }
          }}
        />
      )}
      <ActionButton
        icon="close"
        label="Remove from album"
        onClick={async () => {
          try {
            await api.removeFromAlbum(album.id, ids);
            store.remove(ids);
            done();
            toast(`Removed from ${album.name}`, {
              action: {
                label: 'Undo',
                run: () =>
                  void api.addToAlbum(album.id, ids).then(() => store.invalidate(), toastError),
              },
            });
          } catch (err) {
            toastError(err);
          }
        }}
      />
      <AddToAlbumAction {...ctx} />
      <FavouriteAction {...ctx} />
      <TrashAction {...ctx} />
    </>
  );
}

export function AlbumPage({ id }: { id: number }) {
  const [album, setAlbum] = useState<Album | null>(null);
  const [missing, setMissing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [picking, setPicking] = useState(false);
  // Once deleting, the album's own change event must not ask for the album that is going.
  const deleting = useRef(false);
  useFollowLibrary(
    id,
    (alive) =>
      api.album(id).then(
        (a) => alive() && setAlbum(a),
        () => alive() && setMissing(true),
      ),
    (e, reload) => {
      if (e.type === 'albums.changed' && !deleting.current) reload();
    },
  );

  if (missing) {
    return (
      <div className="page">
        <EmptyState
          icon="album"
          title="This album does not exist"
          action={<Link to="/albums">See all albums</Link>}
        />
      </div>
    );
  }
  const source = albumSource(id);
  return (
    <>
      <GalleryPage
        source={source}
        title={
          // The album's name is the big heading below; the bar only leads back.
          <span className="crumbs">
            <Link to="/albums" label="Back to albums">
              <Icon name="back" size={20} />
              Albums
            </Link>
          </span>
        }
        heading={album?.name ?? 'Album'}
        topActions={
          <>
            <ActionButton
              icon="plus"
              label="Add photos"
              className="button"
              onClick={() => setPicking(true)}
            />
            <button
              className="icon-button"
              onClick={() => setConfirmDelete(true)}
              aria-label="Delete album"
              title="Delete album"
            >
              <Icon name="trash" />
            </button>
          </>
        }
        header={album && <AlbumHeader album={album} onChanged={setAlbum} />}
        empty={
          <EmptyState
            icon="album"
            title="This album is empty"
            action={
              <button className="button button-primary" onClick={() => setPicking(true)}>
                <Icon name="plus" size={18} /> Add photos
              </button>
            }
          >
            <p>
              Pick photos from your library, or select some in Photos and choose “Add to album”.
            </p>
          </EmptyState>
        }
        selectionActions={(ctx) =>
          album && <AlbumSelection {...ctx} album={album} onChanged={setAlbum} />
        }
      />
      {confirmDelete && album && (
        <Dialog
          title={`Delete the album “${album.name}”?`}
          onClose={() => setConfirmDelete(false)}
          actions={
            <>
              <button className="button" onClick={() => setConfirmDelete(false)} autoFocus>
                Cancel
              </button>
              <button
                className="button button-danger"
                onClick={async () => {
                  deleting.current = true;
                  try {
                    await api.deleteAlbum(album.id);
                    forgetStore(source);
                    navigate('/albums');
                    toast(`Deleted the album ${album.name}`);
                  } catch (err) {
                    deleting.current = false;
                    toastError(err);
                  }
                }}
              >
                Delete album
              </button>
            </>
          }
        >
          <p className="dialog-text">The photos stay in your library; only the album goes.</p>
        </Dialog>
      )}
      {picking && album && (
        <Suspense fallback={null}>
          <PhotoPicker
            title={`Add photos to ${album.name}`}
            confirm={(n) => `Add ${plural(n, 'photo')}`}
            onClose={() => setPicking(false)}
            onPick={async (ids) => {
              try {
                const r = await api.addToAlbum(album.id, ids);
                setPicking(false);
                storeFor(source).invalidate();
                toast(
                  r.changed
                    ? `Added ${plural(r.changed, 'photo')} to ${album.name}`
                    : `Those photos were already in ${album.name}`,
                );
              } catch (err) {
                toastError(err);
              }
            }}
          />
        </Suspense>
      )}
    </>
  );
}
