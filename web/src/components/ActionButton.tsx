import type { MouseEventHandler } from 'react';
import { Icon, type IconName } from './Icon.js';

/**
 * A button with an icon and a label. The label can be hidden on small screens (the phone's
 * selection bar, narrow top bars): the button keeps the same name, so what is read, what is shown
 * and the tooltip always agree.
 */
export function ActionButton({
  icon,
  label,
  onClick,
  className = 'button button-ghost',
  filled,
  disabled,
  pressed,
}: {
  icon: IconName;
  label: string;
  onClick: MouseEventHandler<HTMLButtonElement>;
  className?: string;
  filled?: boolean;
  disabled?: boolean;
  pressed?: boolean;
}) {
  return (
    <button
      className={`${className} action`}
      aria-label={label}
      aria-pressed={pressed}
      title={label}
      onClick={onClick}
      disabled={disabled}
    >
      <Icon name={icon} size={18} filled={filled} />
      <span className="action-label">{label}</span>
    </button>
  );
}
