import { useEffect, useRef, useState } from 'react';
import type { SearchSuggestion, SuggestResult } from '../../../src/shared/suggest-api.js';
import { routes, urlOf } from '../../../src/shared/routes/index.js';
import { Icon, type IconName } from '../components/Icon.js';
import './suggest.css';

/** GET /api/search/suggest: completions of the text typed so far (a helper, never an error). */
export async function fetchSuggestions(q: string, signal?: AbortSignal): Promise<SuggestResult> {
  // fetch itself, not call(): a newer keystroke aborts the request for an older one.
  const url = urlOf(routes.suggestSearch, { query: { q, limit: 8 } });
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`suggestions failed (${res.status})`);
  return (await res.json()) as SuggestResult;
}

/** Asked again at most this often while typing: every keystroke would be wasted requests. */
const DEBOUNCE_MS = 60;

/**
 * Suggestions for the search box as it is typed: the latest answer for the latest text (an
 * older answer arriving late never replaces a newer one). Focus warms the server's counts.
 */
export function useSuggestions(text: string, enabled: boolean): SearchSuggestion[] {
  const [list, setList] = useState<SearchSuggestion[]>([]);
  useEffect(() => {
    if (!enabled) {
      setList([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      fetchSuggestions(text, ctrl.signal).then(
        (r) => setList(r.suggestions),
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, enabled]);
  return enabled ? list : [];
}

const KIND: Record<SearchSuggestion['kind'], { icon: IconName; name: string }> = {
  person: { icon: 'people', name: 'person' },
  place: { icon: 'pin', name: 'place' },
  tag: { icon: 'tag', name: 'thing' },
  album: { icon: 'album', name: 'album' },
  camera: { icon: 'camera', name: 'camera' },
  date: { icon: 'calendar', name: 'date' },
};

export const SUGGESTIONS_ID = 'search-suggestions';
export const suggestionId = (i: number) => `search-suggestion-${i}`;

/**
 * The list under the search box (ARIA combobox pattern: the input keeps focus and points at the
 * active option with aria-activedescendant). A press picks an option without taking focus away
 * from the input first.
 */
export function SuggestionList({
  items,
  active,
  onPick,
  onHover,
}: {
  items: SearchSuggestion[];
  active: number;
  onPick: (s: SearchSuggestion) => void;
  onHover: (i: number) => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector(`#${suggestionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <ul
      ref={list}
      className="suggest-list"
      id={SUGGESTIONS_ID}
      role="listbox"
      aria-label="Suggestions"
    >
      {items.map((s, i) => (
        <li
          key={`${s.kind}:${s.query}`}
          id={suggestionId(i)}
          role="option"
          aria-selected={i === active}
          className={`suggest-item${i === active ? ' suggest-active' : ''}`}
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={() => i !== active && onHover(i)}
          onClick={() => onPick(s)}
        >
          <span className={`suggest-cover${s.kind === 'person' ? ' suggest-face' : ''}`}>
            {s.coverUrl ? (
              <img src={s.coverUrl} alt="" />
            ) : (
              <Icon name={KIND[s.kind].icon} size={18} />
            )}
          </span>
          <span className="suggest-text">
            <span className="suggest-label">{s.label}</span>
            <span className="suggest-detail">
              {KIND[s.kind].name}
              {s.detail ? ` · ${s.detail}` : ''}
            </span>
          </span>
          <span className="suggest-count">
            {s.count.toLocaleString()}
            <span className="visually-hidden"> {s.count === 1 ? 'photo' : 'photos'}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
