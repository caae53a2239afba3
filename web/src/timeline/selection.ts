import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineItem } from '../../../src/shared/api.js';
import type { TileHandlers } from './Tile.js';

export interface Selection {
  selected: Set<string>;
  /** Toggles one photo; with `range`, selects everything from the last one toggled. */
  toggle: (item: TimelineItem, range: boolean) => void;
  /** Selects or deselects many at once (a day's check circle). */
  setMany: (ids: string[], on: boolean) => void;
  clear: () => void;
  /** Tile handlers: a click opens, or toggles while selecting; the check circle always toggles. */
  handlers: TileHandlers;
}

/**
 * Multi-select for a photo grid, the same on every page that shows photos (timeline pages,
 * search results, the album picker): click or Space toggles, Shift extends a range in display
 * order, Esc clears. `ordered` gives the photos in display order for ranges; `open` opens one
 * (unless `always` selecting, as in a picker).
 */
export function useSelection({
  ordered,
  open,
  resetKey,
  always = false,
}: {
  ordered: () => TimelineItem[];
  open?: (item: TimelineItem) => void;
  resetKey: string;
  always?: boolean;
}): Selection {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const anchor = useRef<string | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const orderedRef = useRef(ordered);
  orderedRef.current = ordered;
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    setSelected(new Set());
    anchor.current = null;
  }, [resetKey]);

  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);

  const toggle = useCallback((item: TimelineItem, range: boolean) => {
    // Read the anchor now: React runs the updater later, after it has moved.
    const from = anchor.current;
    setSelected((prev) => {
      const next = new Set(prev);
      if (range && from && from !== item.id) {
        const all = orderedRef.current();
        const a = all.findIndex((x) => x.id === from);
        const b = all.findIndex((x) => x.id === item.id);
        if (a >= 0 && b >= 0) {
          for (let i = Math.min(a, b); i <= Math.max(a, b); i++) next.add(all[i].id);
          return next;
        }
      }
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      return next;
    });
    anchor.current = item.id;
  }, []);

  const setMany = useCallback((ids: string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const handlers: TileHandlers = useMemo(
    () => ({
      onActivate: (item, mods) => {
        if (always || selectedRef.current.size > 0 || mods.shift || mods.toggle || !openRef.current)
          toggle(item, mods.shift);
        else openRef.current(item);
      },
      onCheck: (item, range) => toggle(item, range),
    }),
    [toggle, always],
  );

  // Esc clears the selection (the viewer and dialogs handle their own Esc).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !selectedRef.current.size) return;
      if (document.querySelector('dialog[open], .viewer')) return;
      clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clear]);

  return { selected, toggle, setMany, clear, handlers };
}
