import { useEffect, useRef } from 'react';

/** What each viewer key does; `false` from an action: not handled, the key goes on as usual. */
export interface ViewerKeyActions {
  next(): void;
  previous(): void;
  escape(): void;
  favourite(): void;
  trash(): void;
  info(): void;
  mute(): void | false;
  faces(): void;
  space(): void;
  zoomIn(): void;
  zoomOut(): void;
  zoomReset(): void;
  rate(stars: number): void | false;
}

/**
 * The viewer's keyboard, on one window listener that always calls the latest actions. Keys typed
 * into a field, an edit form of the info panel or an open dialog are theirs. Space is the
 * slideshow's, even on a focused button (Enter still presses buttons); on a video it plays and
 * pauses the video, as in every player. Keys are taken from the native player too, so arrows move
 * between items instead of seeking.
 */
export function useViewerKeys(actions: ViewerKeyActions): void {
  const current = useRef(actions);
  current.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.target instanceof Element && e.target.closest('form')) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const a = current.current;
      let handled: void | false;
      switch (e.key) {
        case 'ArrowRight':
          handled = a.next();
          break;
        case 'ArrowLeft':
          handled = a.previous();
          break;
        case 'Escape':
          handled = a.escape();
          break;
        case 'f':
        case 'F':
          handled = a.favourite();
          break;
        case 'Delete':
          handled = a.trash();
          break;
        case 'i':
        case 'I':
          handled = a.info();
          break;
        case 'm':
        case 'M':
          handled = a.mute();
          break;
        case 'p':
        case 'P':
          handled = a.faces();
          break;
        case ' ':
          handled = a.space();
          break;
        case '+':
        case '=':
          handled = a.zoomIn();
          break;
        case '-':
          handled = a.zoomOut();
          break;
        case '0':
          handled = a.zoomReset();
          break;
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
          handled = a.rate(Number(e.key));
          break;
        default:
          return;
      }
      if (handled !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
