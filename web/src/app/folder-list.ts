import { useEffect, useState } from 'react';
import type { FolderList } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';
import { toastError } from '../components/toasts.js';

/**
 * The folder list and the library totals (GET /api/folders), following scan, indexing and trash
 * events and refetching at most about once a second. The folders page and the sidebar's indexing
 * line read their numbers from it, so both say what the Photos page counts.
 */
export function useFolderList(): { list: FolderList | null; reload: () => void } {
  const [list, setList] = useState<FolderList | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: number | null = null;
    let again = false;
    const load = () => api.folders().then((r) => alive && setList(r), toastError);
    void load();
    // [Note: a load after the last change] The server reuses its counts for a second: a load
    // must come more than a second after the last change, or the page keeps the counts from just
    // before it. So an event while a load is waiting earns one more load after it.
    const arm = (ms: number) => {
      timer = window.setTimeout(() => {
        timer = null;
        void load();
        if (again) {
          again = false;
          arm(1100);
        }
      }, ms);
    };
    const off = onLibraryEvent((e) => {
      if (e.type === 'folders.changed' || e.type === 'scan.done' || e.type === 'jobs.idle') {
        void load();
        return;
      }
      if (e.type === 'scan.progress' || e.type === 'jobs.progress' || e.type === 'photos.changed') {
        if (timer !== null) again = true;
        else arm(1000);
      }
    });
    return () => {
      alive = false;
      off();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, []);
  return { list, reload: () => void api.folders().then(setList, toastError) };
}
