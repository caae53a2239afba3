import { useSyncExternalStore } from 'react';

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

export function toastError(err: unknown): void {
  toast((err as Error)?.message ?? String(err), { error: true });
}

export function Toasts() {
  const list = useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => toasts,
  );
  return (
    <div className="toasts" role="status" aria-live="polite">
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
    </div>
  );
}
