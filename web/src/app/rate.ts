import { useRef } from 'react';

/** How far back the rate looks: long enough to smooth batches, short enough to follow changes. */
export const RATE_WINDOW_MS = 20_000;
/** Below this much history a rate would be noise: none is shown. */
const MIN_SPAN_MS = 3_000;

export interface Sample {
  at: number;
  done: number;
}

/**
 * Items finished per second over the samples (oldest first): the work actually done in the
 * window, so a burst of fast photos or a pause shows as it is. Null until there is enough history
 * or while the count went backwards (a rescan re-queued work).
 */
export function rateFrom(samples: Sample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const span = last.at - first.at;
  if (span < MIN_SPAN_MS || last.done < first.done) return null;
  return ((last.done - first.done) * 1000) / span;
}

/** "about 3 min left", or null when it cannot be said. */
export function timeLeft(left: number, rate: number | null): string | null {
  if (!rate || rate <= 0 || left <= 0) return null;
  const s = left / rate;
  if (s < 60) return 'less than a minute left';
  if (s < 3600) return `about ${Math.round(s / 60)} min left`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s - h * 3600) / 60);
  return `about ${h} h ${m ? `${m} min ` : ''}left`;
}

/** The rate at which `done` grows, measured in the browser over the last RATE_WINDOW_MS. */
export function useRate(done: number, key: string): number | null {
  const samples = useRef<{ key: string; list: Sample[] }>({ key, list: [] });
  const now = Date.now();
  if (samples.current.key !== key) samples.current = { key, list: [] };
  const list = samples.current.list;
  const last = list[list.length - 1];
  if (!last || last.done !== done) list.push({ at: now, done });
  while (list.length > 2 && now - list[0].at > RATE_WINDOW_MS) list.shift();
  // Idle time since the last change counts too: a stalled indexer's rate falls.
  return rateFrom([...list, { at: now, done }]);
}
