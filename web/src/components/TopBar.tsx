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

/**
 * Replaces the top bar while photos are selected. The page keeps its heading (for screen readers
 * and the outline); on phones the actions move to a bar at the bottom, within thumb's reach.
 */
export function SelectionBar({
  heading,
  count,
  onClear,
  children,
}: {
  heading: string;
  count: number;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <header className="topbar selectionbar">
      <div className="topbar-titles">
        <h1 className="visually-hidden">{heading}</h1>
        <button
          className="icon-button"
          onClick={onClear}
          aria-label="Clear selection"
          title="Clear selection (Esc)"
        >
          <Icon name="close" />
        </button>
        <span className="selection-count" aria-live="polite">
          {count.toLocaleString()} selected
        </span>
      </div>
      <div className="topbar-actions selection-actions" role="toolbar" aria-label="Selected photos">
        {children}
      </div>
    </header>
  );
}
