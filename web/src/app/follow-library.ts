import { useEffect } from 'react';
import { onLibraryEvent } from '../api/events.js';

type LibraryEvent = Parameters<Parameters<typeof onLibraryEvent>[0]>[0];

/**
 * What a page about one thing (an album, a person, the people list) does to stay current: `load`
 * it now, and again whenever `onEvent` decides a library event concerns it (it calls `reload`),
 * until the page leaves or `id` (what the page shows: an album's id, whether hidden people are
 * listed) changes. `load` is told `alive`: an answer that comes back after that is dropped.
 */
export function useFollowLibrary(
  id: number | boolean,
  load: (alive: () => boolean) => Promise<unknown>,
  onEvent: (e: LibraryEvent, reload: () => void) => void,
): void {
  useEffect(() => {
    let alive = true;
    const isAlive = () => alive;
    const reload = () => void load(isAlive);
    reload();
    const off = onLibraryEvent((e) => onEvent(e, reload));
    return () => {
      alive = false;
      off();
    };
  }, [id]); // the page's subject is its id: `load` and `onEvent` follow it
}
