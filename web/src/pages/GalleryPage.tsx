import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import type { TimelineItem } from '../../../src/shared/api.js';
import { plural } from '../app/format.js';
import { navigate, useRoute, withQuery } from '../app/router.js';
import { ActionButton } from '../components/ActionButton.js';
import { toastError } from '../components/toasts.js';
import { SelectionBar, TopBar } from '../components/TopBar.js';
import { useSelection } from '../timeline/selection.js';
import type { Source } from '../timeline/source.js';
import { storeFor } from '../timeline/store.js';
import { Timeline } from '../timeline/Timeline.js';

// The viewer is its own chunk: the first screen (the grid) does not wait for its code.
const Viewer = lazy(() => import('../viewer/Viewer.js').then((m) => ({ default: m.Viewer })));

/** What the selection bar's actions may change: a timeline store or a plain list of results. */
export interface SelectionStore {
  source?: Source;
  patch(ids: string[], fields: Partial<TimelineItem>): void;
  remove(ids: string[]): void;
  invalidate(): void;
}

export interface SelectionContext {
  ids: string[];
  store: SelectionStore;
  /** Clears the selection once an action is done. */
  done: () => void;
}

/**
 * A page that shows a photo grid (Photos, Favourites, an album, a person, Trash): top bar, the
 * virtualized timeline, multi-select with shift-click ranges, and the viewer for `?photo=`.
 */
export function GalleryPage({
  source,
  title,
  heading,
  topActions,
  header,
  empty,
  selectionActions,
  selectAll,
  inTrash = false,
}: {
  source: Source;
  title: ReactNode;
  /** The page's name as text (the heading kept while the selection bar shows). */
  heading: string;
  topActions?: ReactNode;
  header?: ReactNode;
  empty: ReactNode;
  selectionActions: (ctx: SelectionContext) => ReactNode;
  /** Every photo of the listing (not only the pages loaded): offers "Select all" when given. */
  selectAll?: () => Promise<string[]>;
  inTrash?: boolean;
}) {
  const store = storeFor(source);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const route = useRoute();
  const photoId = route.query.get('photo');
  const selection = useSelection({
    ordered: () => store.ordered(),
    open: (item) => navigate(withQuery('photo', item.id)),
    resetKey: source.key,
  });
  const { selected, clear } = selection;

  const total = store.total();
  const ids = [...selected];
  const selectAllButton = selectAll && total > 0 && selected.size < total && (
    <ActionButton
      icon="check"
      label="Select all"
      onClick={() => void selectAll().then((all) => selection.setMany(all, true), toastError)}
    />
  );
  return (
    <div className="page page-gallery">
      {selected.size > 0 ? (
        <SelectionBar heading={heading} count={selected.size} onClear={clear}>
          {selectAllButton}
          {selectionActions({ ids, store, done: clear })}
        </SelectionBar>
      ) : (
        <TopBar
          title={title}
          subtitle={store.buckets ? (total ? plural(total, 'photo') : undefined) : undefined}
          actions={
            selectAllButton || topActions ? (
              <>
                {selectAllButton}
                {topActions}
              </>
            ) : undefined
          }
        />
      )}
      <Timeline
        store={store}
        selected={selected}
        handlers={selection.handlers}
        onToggleDay={selection.setMany}
        header={header}
        empty={empty}
      />
      {photoId && (
        <Suspense fallback={<div className="viewer viewer-loading" aria-busy="true" />}>
          <Viewer
            store={store}
            id={photoId}
            inTrash={inTrash}
            onClose={() => navigate(withQuery('photo', null))}
            onNavigate={(id) => navigate(withQuery('photo', id), { replace: true })}
          />
        </Suspense>
      )}
    </div>
  );
}
