import { useSyncExternalStore } from 'react';

// A small history router: the app has a handful of pages and one overlay (the viewer, `?photo=`).

const NAV = 'picto:navigate';

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  window.addEventListener(NAV, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(NAV, fn);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Route {
  path: string;
  query: URLSearchParams;
}

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname.replace(/\/+$/, '') || '/', query: url.searchParams };
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAV));
}

/** The current URL with one query parameter set (or removed with null). */
export function withQuery(key: string, value: string | null): string {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  return url.pathname + url.search;
}
