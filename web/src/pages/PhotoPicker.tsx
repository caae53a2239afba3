import { useState, useSyncExternalStore } from 'react';
import { plural } from '../app/format.js';
import { Dialog } from '../components/Dialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { useSelection } from '../timeline/selection.js';
import { allPhotos } from '../timeline/source.js';
import { storeFor } from '../timeline/store.js';
import { Timeline } from '../timeline/Timeline.js';

/**
 * Pick photos from the whole library (the timeline, with its scrubber), e.g. to add them to an
 * album. A tap toggles a photo; Shift extends a range, as in the grid.
 */
export function PhotoPicker({
  title,
  confirm,
  onPick,
  onClose,
}: {
  title: string;
  /** The confirm button's text for n photos ("Add 3 photos"). */
  confirm: (n: number) => string;
  onPick: (ids: string[]) => Promise<void>;
  onClose: () => void;
}) {
  const store = storeFor(allPhotos);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const selection = useSelection({
    ordered: () => store.ordered(),
    resetKey: 'picker',
    always: true,
  });
  const [busy, setBusy] = useState(false);
  const n = selection.selected.size;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className="dialog-full"
      actions={
        <span className="picker-count" aria-live="polite">
          {n ? `${plural(n, 'photo')} selected` : 'Tap photos to select them'}
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
            await onPick([...selection.selected]);
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
          empty={<EmptyState icon="photos" title="No photos yet" />}
        />
      </div>
    </Dialog>
  );
}
