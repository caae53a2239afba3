import { useState, useSyncExternalStore } from 'react';
import { api } from '../api/client.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { toastError } from '../components/toasts.js';
import { trash } from '../timeline/source.js';
import { storeFor } from '../timeline/store.js';
import { ConfirmDelete, DeleteForeverAction, reportEmptied, RestoreAction } from './actions.js';
import { GalleryPage } from './GalleryPage.js';

export function TrashPage() {
  const store = storeFor(trash);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const [confirm, setConfirm] = useState(false);
  const count = store.total();
  return (
    <>
      <GalleryPage
        source={trash}
        title="Trash"
        heading="Trash"
        inTrash
        topActions={
          count > 0 && (
            <button className="button button-danger-outline" onClick={() => setConfirm(true)}>
              <Icon name="trash" size={18} /> Empty trash
            </button>
          )
        }
        header={
          count > 0 && (
            <div className="banner">
              <Icon name="info" size={20} />
              <span>
                Photos in the trash are hidden from your library and albums.{' '}
                <strong>Emptying the trash deletes their files from your disk.</strong>
              </span>
            </div>
          )
        }
        empty={
          <EmptyState icon="trash" title="Trash is empty">
            <p>Photos you move to the trash wait here until you restore them or empty the trash.</p>
          </EmptyState>
        }
        selectionActions={(ctx) => (
          <>
            <RestoreAction {...ctx} />
            <DeleteForeverAction {...ctx} />
          </>
        )}
      />
      {confirm && (
        <ConfirmDelete
          count={null}
          onClose={() => setConfirm(false)}
          onConfirm={async () => {
            try {
              const r = await api.emptyTrash();
              setConfirm(false);
              await store.refresh();
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
