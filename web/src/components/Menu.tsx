import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

export interface MenuItem {
  label: string;
  icon: IconName;
  run: () => void;
  /** A toggle: shown with a check mark when on. */
  checked?: boolean;
  /** Only in the menu on narrow screens (wide ones show the same action as a button). */
  narrowOnly?: boolean;
}

/**
 * A "More" button with a menu of actions (the ARIA menu button pattern): arrows move, Esc closes
 * and gives focus back to the button, a click outside closes.
 */
export function Menu({
  label,
  items,
  className,
  buttonClass,
  icon = 'more',
}: {
  label: string;
  items: MenuItem[];
  className?: string;
  buttonClass: string;
  icon?: IconName;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const allNarrow = items.every((i) => i.narrowOnly);
  return (
    <div
      ref={root}
      className={`menu${allNarrow ? ' menu-narrow-only' : ''}${className ? ` ${className}` : ''}`}
    >
      <button
        ref={button}
        className={buttonClass}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name={icon} />
      </button>
      {open && (
        <div
          id={id}
          className="menu-list"
          role="menu"
          aria-label={label}
          onKeyDown={(e) => {
            const all = [
              ...(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []),
            ].filter((x) => x.offsetParent !== null);
            const at = all.indexOf(document.activeElement as HTMLElement);
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') all[(at + 1) % all.length]?.focus();
            else if (e.key === 'ArrowUp') all[(at - 1 + all.length) % all.length]?.focus();
            else if (e.key === 'Home') all[0]?.focus();
            else if (e.key === 'End') all[all.length - 1]?.focus();
            else if (e.key !== 'Tab') return;
            if (e.key === 'Tab') setOpen(false);
            else e.preventDefault();
            // The viewer listens for keys on the window: a key for the menu stops here.
            e.stopPropagation();
          }}
        >
          {items.map((it) => (
            <MenuEntry
              key={it.label}
              item={it}
              onDone={() => {
                setOpen(false);
                it.run();
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function MenuEntry({ item, onDone }: { item: MenuItem; onDone: () => void }): ReactNode {
  const toggle = item.checked !== undefined;
  return (
    <button
      className={`menu-item${item.narrowOnly ? ' menu-item-narrow' : ''}`}
      role={toggle ? 'menuitemcheckbox' : 'menuitem'}
      aria-checked={toggle ? item.checked : undefined}
      tabIndex={-1}
      onClick={onDone}
    >
      <Icon name={item.icon} size={20} />
      <span>{item.label}</span>
      {item.checked && <Icon name="check" size={18} className="menu-check" />}
    </button>
  );
}
