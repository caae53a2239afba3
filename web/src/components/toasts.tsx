import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { RequestError } from '../api/client.js';
import { KEEP_INTERACTIVE } from './modal.js';

interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
  error?: boolean;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: Toast[]): void {
  toasts = next;
  for (const l of listeners) l();
}

/** Shows a short message at the bottom, optionally with one action (Undo). */
export function toast(
  message: string,
  opts: { action?: Toast['action']; error?: boolean } = {},
): void {
  const t: Toast = { id: nextId++, message, ...opts };
  set([...toasts.slice(-2), t]);
  window.setTimeout(() => set(toasts.filter((x) => x.id !== t.id)), opts.action ? 7000 : 4000);
}

/** An error as a sentence: the server's message, capitalised; a lost connection said plainly. */
export function errorMessage(err: unknown): string {
  if (err instanceof RequestError) {
    const m = err.message.trim();
    return m ? m.charAt(0).toUpperCase() + m.slice(1) : `Something went wrong (${err.status})`;
  }
  if (err instanceof TypeError) return 'Picto is not reachable. Is it still running?';
  return (err as Error)?.message ?? String(err);
}

export function toastError(err: unknown): void {
  toast(errorMessage(err), { error: true });
}

/**
 * The toasts live outside the app's root (a modal layer makes the rest inert, not them) and in the
 * top layer as a manual popover, above any open dialog: shown again after each change so the
 * newest dialog never covers them.
 */
export function Toasts() {
  const list = useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => toasts,
  );
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof el.showPopover !== 'function') return;
    if (el.matches(':popover-open')) el.hidePopover();
    el.showPopover();
  }, [list]);
  return createPortal(
    <div
      ref={ref}
      className="toasts"
      role="status"
      aria-live="polite"
      popover="manual"
      {...{ [KEEP_INTERACTIVE]: '' }}
    >
      {list.map((t) => (
        <div key={t.id} className={`toast${t.error ? ' toast-error' : ''}`}>
          <span>{t.message}</span>
          {t.action && (
            <button
              className="toast-action"
              onClick={() => {
                t.action!.run();
                set(toasts.filter((x) => x.id !== t.id));
              }}
            >
              {t.action.label}
            </button>
          )}
        </div>
      ))}
    </div>,
    document.body,
  );
}
