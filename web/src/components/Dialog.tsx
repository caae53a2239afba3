import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus moves into it, Esc closes it, and the page
 * behind is inert, without our own focus-trap code.
 */
export function Dialog({
  title,
  children,
  onClose,
  actions,
  confirm,
  wide,
  className,
  labelledBy,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  actions?: ReactNode;
  /** The usual last two buttons, after `actions`: Cancel (closes) and this primary action. */
  confirm?: { label: ReactNode; onConfirm: () => void; disabled?: boolean };
  wide?: boolean;
  /** Extra classes: `sheet` (a bottom sheet on phones), `dialog-full` (the photo picker). */
  className?: string;
  labelledBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const autoId = useId();
  const titleId = labelledBy ?? autoId;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog-wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
      {(actions || confirm) && (
        <div className="dialog-actions">
          {actions}
          {confirm && (
            <>
              <button className="button" onClick={onClose}>
                Cancel
              </button>
              <button
                className="button button-primary"
                disabled={confirm.disabled}
                onClick={confirm.onConfirm}
              >
                {confirm.label}
              </button>
            </>
          )}
        </div>
      )}
    </dialog>
  );
}
