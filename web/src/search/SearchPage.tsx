import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { SearchResult } from '../../../src/shared/search-api.js';
import { navigate, useRoute, withQuery } from '../app/router.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { toastError } from '../components/toasts.js';
import { SelectionBar } from '../components/TopBar.js';
import { AddToAlbumAction, FavouriteAction, TrashAction } from '../pages/actions.js';
import { useSelection } from '../timeline/selection.js';
import { Tile } from '../timeline/Tile.js';
import { Viewer } from '../viewer/Viewer.js';
import { searchApi, searchHref } from './api.js';
import { ListStore } from './list-store.js';
import {
  fetchSuggestions,
  SuggestionList,
  SUGGESTIONS_ID,
  suggestionId,
  useSuggestions,
} from './SearchSuggest.js';
import './search.css';

const EXAMPLES = [
  'dog beach 2019',
  'last summer',
  'animals -cat',
  'paris or rome',
  'has:text',
  'favourites iphone',
];

/**
 * The search box: as typed, suggestions complete the last words (people, places, things, albums,
 * cameras, dates; arrows move, Enter picks, Esc closes); searched, it is understood as chips.
 */
export function SearchBox({ initial, autoFocus }: { initial: string; autoFocus?: boolean }) {
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => setText(initial), [initial]);
  const items = useSuggestions(text, open);
  const shown = open && items.length > 0;
  useEffect(() => setActive(-1), [items]);
  const go = (q: string) => {
    setOpen(false);
    setText(q);
    navigate(searchHref(q.trim()));
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!shown) {
        setOpen(true);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // Past either end: back to the text as typed (active = -1).
      setActive((i) => {
        const next = i + step;
        return next < -1 ? items.length - 1 : next >= items.length ? -1 : next;
      });
    } else if (e.key === 'Enter' && shown && active >= 0) {
      e.preventDefault();
      go(items[active].query);
    } else if (e.key === 'Escape' && shown) {
      // Closes the list only: the page behind (a viewer, a selection) keeps its own Esc.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };
  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        go(text);
      }}
    >
      <Icon name="search" size={20} />
      <input
        className="search-input"
        value={text}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          // Warms the server's counts: the first word typed is answered at once.
          void fetchSuggestions('').catch(() => undefined);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        placeholder='Search: people, things, places, dates… "alice dog beach 2019"'
        aria-label="Search photos"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={SUGGESTIONS_ID}
        aria-activedescendant={shown && active >= 0 ? suggestionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {text && (
        <button
          type="button"
          className="icon-button"
          aria-label="Clear search"
          onClick={() => {
            setText('');
            setOpen(false);
          }}
        >
          <Icon name="close" size={18} />
        </button>
      )}
      {shown && (
        <SuggestionList
          items={items}
          active={active}
          onPick={(s) => go(s.query)}
          onHover={setActive}
        />
      )}
      <span className="visually-hidden" aria-live="polite">
        {shown
          ? `${items.length} suggestion${items.length === 1 ? '' : 's'}, arrows to choose`
          : ''}
      </span>
    </form>
  );
}

export function SearchPage() {
  const route = useRoute();
  const q = route.query.get('q') ?? '';
  const photoId = route.query.get('photo');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [reloads, setReloads] = useState(0);
  const store = useMemo(() => new ListStore(() => setReloads((n) => n + 1)), []);
  // The results as the store has them: trash, favourite and the viewer edit it in place.
  useSyncExternalStore(store.subscribe, store.getVersion);
  const items = store.ordered();
  const more = useRef<HTMLDivElement>(null);
  // The timeline's selection: click/Space/long press, Shift for ranges, the same actions.
  const selection = useSelection({
    ordered: () => store.ordered(),
    open: (item) => navigate(withQuery('photo', item.id)),
    resetKey: q,
  });
  const { selected } = selection;
  const ids = [...selected];

  useEffect(() => {
    let alive = true;
    setLoading(true);
    searchApi.search(q).then(
      (r) => {
        if (!alive) return;
        setResult(r);
        store.reset(r.items);
        setLoading(false);
      },
      (err) => {
        setLoading(false);
        toastError(err);
      },
    );
    return () => {
      alive = false;
    };
  }, [q, reloads, store]);

  const loadMore = useCallback(async () => {
    if (!result?.nextCursor || loading) return;
    setLoading(true);
    try {
      const r = await searchApi.search(q, result.nextCursor);
      setResult({ ...result, nextCursor: r.nextCursor });
      store.set([...store.ordered(), ...r.items]);
    } catch (err) {
      toastError(err);
    } finally {
      setLoading(false);
    }
  }, [q, result, loading, store]);

  // Next page when the end of the grid scrolls into view.
  useEffect(() => {
    const el = more.current;
    if (!el) return;
    const io = new IntersectionObserver((e) => e[0]?.isIntersecting && void loadMore(), {
      rootMargin: '600px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [loadMore]);

  const chips = result?.understood.chips ?? [];
  // Photos trashed from the results (here or in the viewer) leave the count too.
  const total = result?.total == null ? null : Math.max(0, result.total - store.removedCount());
  return (
    <div className="page search-page">
      {selected.size > 0 ? (
        <SelectionBar heading="Search" count={selected.size} onClear={selection.clear}>
          <AddToAlbumAction ids={ids} store={store} done={selection.clear} />
          <FavouriteAction ids={ids} store={store} done={selection.clear} />
          <TrashAction ids={ids} store={store} done={selection.clear} />
        </SelectionBar>
      ) : (
        <header className="topbar search-top">
          <h1 className="visually-hidden">{q ? `Search: ${q}` : 'Search'}</h1>
          <SearchBox initial={q} autoFocus={!q} />
        </header>
      )}
      <div className="scroller">
        <div className="search-body">
          {chips.length > 0 && (
            <div className="search-chips" aria-label="How the search was understood">
              {chips.map((c, i) => (
                <span
                  key={i}
                  className={`search-chip kind-${c.kind}${c.negate ? ' negated' : ''}`}
                  title={c.note ?? c.query}
                >
                  <span className="search-chip-kind">{c.kind === 'mixed' ? 'any' : c.kind}</span>
                  {c.label}
                  {c.note && <Icon name="alert" size={14} />}
                  <button
                    className="search-chip-x"
                    aria-label={`Remove ${c.label}`}
                    onClick={() => navigate(searchHref(c.without))}
                  >
                    <Icon name="close" size={14} />
                  </button>
                </span>
              ))}
            </div>
          )}
          {result && (
            <p className="search-summary">
              {total === null
                ? ''
                : `${total.toLocaleString()}${result.totalCapped ? '+' : ''} photo${total === 1 ? '' : 's'}`}
              {result.sort === 'relevance'
                ? ' · best matches first'
                : result.sort === 'oldest'
                  ? ' · oldest first'
                  : ' · newest first'}
            </p>
          )}
          {!q && !items.length && result && (
            <div className="search-examples">
              <span className="muted">Try</span>
              {EXAMPLES.map((e) => (
                <button
                  key={e}
                  className="button button-ghost"
                  onClick={() => navigate(searchHref(e))}
                >
                  {e}
                </button>
              ))}
            </div>
          )}
          {result && !items.length && q && (
            <EmptyState icon="search" title="Nothing found">
              <p>No photo matches all of these. Remove a chip above to widen the search.</p>
            </EmptyState>
          )}
          <ul className="search-grid" aria-label="Results">
            {items.map((it) => (
              <li key={it.id} className="search-cell">
                <Tile
                  item={it}
                  selected={selected.has(it.id)}
                  selecting={selected.size > 0}
                  handlers={selection.handlers}
                />
              </li>
            ))}
          </ul>
          <div ref={more} className="search-more">
            {result?.nextCursor && (
              <button className="button" onClick={() => void loadMore()} disabled={loading}>
                {loading ? 'Loading…' : 'More'}
              </button>
            )}
          </div>
        </div>
      </div>
      {photoId && (
        <Viewer
          store={store.asTimelineStore()}
          id={photoId}
          inTrash={false}
          onClose={() => navigate(withQuery('photo', null), { replace: true })}
          onNavigate={(id) => navigate(withQuery('photo', id), { replace: true })}
        />
      )}
    </div>
  );
}
