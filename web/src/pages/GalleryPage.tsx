import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { TimelineItem } from '../../../src/shared/api.js';
import { plural } from '../app/format.js';
import { navigate, useRoute, withQuery } from '../app/router.js';
import { SelectionBar, TopBar } from '../components/TopBar.js';
import type { Source } from '../timeline/source.js';
import { storeFor, type TimelineStore } from '../timeline/store.js';
import { Timeline } from '../timeline/Timeline.js';
import type { TileHandlers } from '../timeline/Tile.js';

// The viewer is its own chunk: the first screen (the grid) does not wait for its code.
const Viewer = lazy(() => import('../viewer/Viewer.js').then((m) => ({ default: m.Viewer })));

export interface SelectionContext {
  ids: string[];
  store: TimelineStore;
  /** Clears the selection once an action is done. */
  done: () => void;
}

/**
 * A page that shows a photo grid (Photos, Favourites, an album, Trash): top bar, the virtualized
 * timeline, multi-select with shift-click ranges, and the viewer for `?photo=`.
 */
export function GalleryPage({
  source,
  title,
  topActions,
  header,
  empty,
  selectionActions,
  inTrash = false,
}: {
  source: Source;
  title: ReactNode;
  topActions?: ReactNode;
  header?: ReactNode;
  empty: ReactNode;
  selectionActions: (ctx: SelectionContext) => ReactNode;
  inTrash?: boolean;
}) {
  const store = storeFor(source);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const route = useRoute();
  const photoId = route.query.get('photo');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const anchor = useRef<string | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    setSelected(new Set());
    anchor.current = null;
  }, [source.key]);

  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);

  const toggle = useCallback(
    (item: TimelineItem, shift: boolean) => {
      // Read the anchor now: React runs the updater later, after it has moved.
      const from = anchor.current;
      setSelected((prev) => {
        const next = new Set(prev);
        if (shift && from && from !== item.id) {
          // Shift-click selects everything between the last clicked photo and this one.
          const ordered = store.ordered();
          const a = ordered.findIndex((x) => x.id === from);
          const b = ordered.findIndex((x) => x.id === item.id);
          if (a >= 0 && b >= 0) {
            for (let i = Math.min(a, b); i <= Math.max(a, b); i++) next.add(ordered[i].id);
            return next;
          }
        }
        if (next.has(item.id)) next.delete(item.id);
        else next.add(item.id);
        return next;
      });
      anchor.current = item.id;
    },
    [store],
  );

  const handlers: TileHandlers = useMemo(
    () => ({
      onActivate: (item, mods) => {
        if (selectedRef.current.size > 0 || mods.shift || mods.toggle) toggle(item, mods.shift);
        else navigate(withQuery('photo', item.id));
      },
      onCheck: (item, shift) => toggle(item, shift),
    }),
    [toggle],
  );

  const onToggleDay = useCallback((ids: string[], select: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (photoId || document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape' && selectedRef.current.size) clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [photoId, clear]);

  const total = store.total();
  const ids = [...selected];
  return (
    <div className="page page-gallery">
      {selected.size > 0 ? (
        <SelectionBar count={selected.size} onClear={clear}>
          {selectionActions({ ids, store, done: clear })}
        </SelectionBar>
      ) : (
        <TopBar
          title={title}
          subtitle={store.buckets ? (total ? plural(total, 'photo') : undefined) : undefined}
          actions={topActions}
        />
      )}
      <Timeline
        store={store}
        selected={selected}
        handlers={handlers}
        onToggleDay={onToggleDay}
        header={header}
        empty={empty}
      />
      {photoId && (
        <Suspense fallback={<div className="viewer" aria-busy="true" />}>
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
