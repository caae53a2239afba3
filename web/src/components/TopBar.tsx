import type { ReactNode } from 'react';
import { Icon } from './Icon.js';

export function TopBar({
  title,
  subtitle,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="topbar">
      <div className="topbar-titles">
        <h1 className="topbar-title">{title}</h1>
        {subtitle && <span className="topbar-sub">{subtitle}</span>}
      </div>
      <div className="topbar-actions">{actions}</div>
    </header>
  );
}

/** Replaces the top bar while photos are selected. */
export function SelectionBar({
  count,
  onClear,
  children,
}: {
  count: number;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <header className="topbar selectionbar" role="toolbar" aria-label="Selected photos">
      <div className="topbar-titles">
        <button
          className="icon-button"
          onClick={onClear}
          aria-label="Clear selection"
          title="Clear selection (Esc)"
        >
          <Icon name="close" />
        </button>
        <span className="selection-count">{count.toLocaleString()} selected</span>
      </div>
      <div className="topbar-actions">{children}</div>
    </header>
  );
}
