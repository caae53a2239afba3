import type { ReactNode } from 'react';
import { Icon, type IconName } from '../components/Icon.js';

/** One part of the info panel: an icon, a small heading (with an optional action) and its lines. */
export function Section({
  icon,
  title,
  action,
  children,
}: {
  icon: IconName;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="info-section">
      <Icon name={icon} size={20} className="info-icon" />
      <div className="info-body">
        <div className="info-heading-row">
          <h3 className="info-heading">{title}</h3>
          {action}
        </div>
        {children}
      </div>
    </section>
  );
}

/** The small pencil next to a heading. */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      className="icon-button info-edit-button"
      onClick={onClick}
      aria-label={label}
      title={label}
    >
      <Icon name="pencil" size={16} />
    </button>
  );
}
