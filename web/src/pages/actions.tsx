import { useState } from 'react';
import { api } from '../api/client.js';
import { plural } from '../app/format.js';
import { ActionButton } from '../components/ActionButton.js';
import { AlbumPicker } from '../components/AlbumPicker.js';
import { Dialog } from '../components/Dialog.js';
import { toast, toastError } from '../components/toasts.js';
import type { SelectionContext } from './GalleryPage.js';

// Buttons of the selection bar, shared by the grid pages.

export function FavouriteAction({
  ids,
  store,
  done,
  on = true,
}: SelectionContext & { on?: boolean }) {
  return (
    <ActionButton
      icon="heart"
      filled={on}
      label={on ? 'Favourite' : 'Unfavourite'}
      onClick={async () => {
        try {
          store.patch(ids, { favourite: on });
          await api.favourite(ids, on);
          toast(
            on
              ? `Added ${plural(ids.length, 'photo')} to favourites`
              : `Removed ${plural(ids.length, 'photo')} from favourites`,
          );
          if (!on && store.source?.kind === 'favourites') store.remove(ids);
          done();
        } catch (err) {
          toastError(err);
          store.invalidate();
        }
      }}
    />
  );
}

export function AddToAlbumAction({ ids, done }: SelectionContext) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton icon="plus" label="Add to album" onClick={() => setOpen(true)} />
      {open && (
        <AlbumPicker
          ids={ids}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            done();
          }}
        />
      )}
    </>
  );
}

export function TrashAction({ ids, store, done }: SelectionContext) {
  return (
    <ActionButton
      icon="trash"
      label="Move to trash"
      onClick={async () => {
        try {
          await api.trash(ids);
          store.remove(ids);
          done();
          toast(`Moved ${plural(ids.length, 'photo')} to the trash`, {
            action: {
              label: 'Undo',
              run: () => void api.restore(ids).then(() => store.invalidate(), toastError),
            },
          });
        } catch (err) {
          toastError(err);
        }
      }}
    />
  );
}

export function RestoreAction({ ids, store, done }: SelectionContext) {
  return (
    <ActionButton
      icon="restore"
      label="Restore"
      onClick={async () => {
        try {
          await api.restore(ids);
          store.remove(ids);
          done();
          toast(`Restored ${plural(ids.length, 'photo')}`);
        } catch (err) {
          toastError(err);
        }
      }}
    />
  );
}

/** The confirmation before files are deleted from disk: says exactly what will happen. */
export function ConfirmDelete({
  count,
  onConfirm,
  onClose,
}: {
  count: number | null;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const what = count === null ? 'everything in the trash' : plural(count, 'photo');
  return (
    <Dialog
      title={count === null ? 'Empty the trash?' : `Delete ${what} permanently?`}
      onClose={onClose}
      actions={
        <>
          <button className="button" onClick={onClose} disabled={busy} autoFocus>
            Cancel
          </button>
          <button
            className="button button-danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? 'Deleting…' : 'Delete files'}
          </button>
        </>
      }
    >
      <p className="dialog-text">
        This deletes the original files of {what} from your disk, in every folder where a copy was
        found. It cannot be undone.
      </p>
    </Dialog>
  );
}

export function DeleteForeverAction({ ids, store, done }: SelectionContext) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton
        icon="trash"
        label="Delete permanently"
        className="button button-ghost button-danger-text"
        onClick={() => setOpen(true)}
      />
      {open && (
        <ConfirmDelete
          count={ids.length}
          onClose={() => setOpen(false)}
          onConfirm={async () => {
            try {
              const r = await api.emptyTrash(ids);
              store.invalidate();
              setOpen(false);
              done();
              reportEmptied(r);
            } catch (err) {
              toastError(err);
            }
          }}
        />
      )}
    </>
  );
}

export function reportEmptied(r: {
  deletedPhotos: number;
  kept: { path: string; reason: string }[];
}): void {
  if (r.kept.length) {
    toast(
      `Deleted ${plural(r.deletedPhotos, 'photo')}; kept ${r.kept.length}: ${r.kept[0].reason}`,
      { error: true },
    );
  } else {
    toast(`Deleted ${plural(r.deletedPhotos, 'photo')} permanently`);
  }
}
