import { useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea, select, [tabindex]:not([tabindex="-1"])';

/** Elements with this attribute stay usable while a modal layer is open (the toasts). */
export const KEEP_INTERACTIVE = 'data-keep-interactive';

/**
 * [Note: modal layers without <dialog>] The viewer is a full-screen layer that must stay below the
 * toasts (Undo after Delete) and above the page, so it is not a native modal <dialog> (that would
 * make the toasts inert too). Instead, while it is open, everything outside it is made `inert`:
 * Tab stays inside, screen readers see only the layer, and clicks cannot reach the grid. Focus
 * moves into the layer when it opens and, when it closes, to `returnTo()` (the tile of the photo
 * shown last) or else back where it was.
 */
export function useModalLayer(
  ref: RefObject<HTMLElement | null>,
  returnTo: () => HTMLElement | null,
): void {
  const returnRef = useRef(returnTo);
  returnRef.current = returnTo;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const opener = document.activeElement as HTMLElement | null;
    const made: Element[] = [];
    for (let node: Element = el; node.parentElement && node !== document.body;) {
      const parent: Element = node.parentElement;
      for (const sibling of Array.from(parent.children)) {
        if (sibling === node || sibling.hasAttribute('inert')) continue;
        if (sibling.hasAttribute(KEEP_INTERACTIVE) || sibling.tagName === 'SCRIPT') continue;
        sibling.setAttribute('inert', '');
        made.push(sibling);
      }
      node = parent;
    }
    el.focus({ preventScroll: true });
    // Tab past the last control comes back to the first (and Shift+Tab the other way) instead of
    // leaving the page for the browser's own toolbar.
    const wrap = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      const all = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (x) => x.offsetParent !== null || x === document.activeElement,
      );
      if (!all.length) return;
      const first = all[0];
      const last = all[all.length - 1];
      const at = document.activeElement;
      if (e.shiftKey && (at === first || at === el)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && at === last) {
        e.preventDefault();
        first.focus();
      }
    };
    el.addEventListener('keydown', wrap);
    return () => {
      el.removeEventListener('keydown', wrap);
      for (const s of made) s.removeAttribute('inert');
      const target = returnRef.current();
      if (target?.isConnected) target.focus();
      else if (opener?.isConnected && opener !== document.body)
        opener.focus({ preventScroll: true });
    };
  }, [ref]);
}
