import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { plural } from '../app/format.js';
import { Dialog } from '../components/Dialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { useSelection } from '../timeline/selection.js';
import { allPhotos } from '../timeline/source.js';
import { storeFor } from '../timeline/store.js';
import { TileKeysHint } from '../timeline/Tile.js';
import { Timeline, type Locked } from '../timeline/Timeline.js';

/**
 * Pick photos from the whole library (the timeline, with its scrubber), e.g. to add them to an
 * album. A tap toggles a photo; Shift extends a range, as in the grid. Photos that are already
 * there (`already`) are shown checked and dimmed, and cannot be picked again.
 */
export function PhotoPicker({
  title,
  confirm,
  onPick,
  onClose,
  already,
}: {
  title: string;
  /** The confirm button's text for n photos ("Add 3 photos"). */
  confirm: (n: number) => string;
  onPick: (ids: string[]) => Promise<void>;
  onClose: () => void;
  /** The photos already where these go, loaded when the picker opens, and how to say so. */
  already?: { load: () => Promise<string[]>; why: string };
}) {
  const store = storeFor(allPhotos);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const selection = useSelection({
    ordered: () => store.ordered(),
    resetKey: 'picker',
    always: true,
  });
  const [busy, setBusy] = useState(false);
  const [present, setPresent] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let live = true;
    // Without the list the picker still works: the server ignores photos already there.
    already
      ?.load()
      .then((ids) => live && setPresent(new Set(ids)))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  const locked: Locked | undefined = already && { ids: present, why: already.why };
  // A Shift range may run over photos already there: they are never part of the pick.
  const picked = useMemo(
    () => [...selection.selected].filter((id) => !present.has(id)),
    [selection.selected, present],
  );
  const n = picked.length;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className="dialog-full"
      actions={
        <span className="picker-count" aria-live="polite">
          {n ? `${plural(n, 'photo')} selected` : 'Choose the photos to add'}
        </span>
      }
      confirm={{
        label: (
          <>
            <Icon name="plus" size={18} /> {n ? confirm(n) : 'Add'}
          </>
        ),
        disabled: !n || busy,
        onConfirm: async () => {
          setBusy(true);
          try {
            await onPick(picked);
          } finally {
            setBusy(false);
          }
        },
      }}
    >
      <div className="picker-grid">
        <Timeline
          id="picker-timeline"
          store={store}
          selected={selection.selected}
          handlers={selection.handlers}
          onToggleDay={selection.setMany}
          alwaysSelecting
          locked={locked}
          empty={<EmptyState icon="photos" title="No photos yet" />}
        />
        {/* Inside the dialog: it is in the top layer, the page's hints are under its backdrop. */}
        <TileKeysHint keys="pick" />
      </div>
    </Dialog>
  );
}
