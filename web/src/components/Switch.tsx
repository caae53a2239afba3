export function Switch({
  checked,
  onChange,
  label,
  disabled,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  /** Its name; leave it out inside a <label> whose visible text names it (names match what shows). */
  label?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      title={label}
      disabled={disabled}
      className={`switch${checked ? ' switch-on' : ''}`}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-knob" />
    </button>
  );
}

export function ProgressBar({
  value,
  indeterminate,
  label,
}: {
  value: number;
  indeterminate?: boolean;
  /** What is progressing, for screen readers ("Photos ready"). */
  label: string;
}) {
  return (
    <div
      className={`progress${indeterminate ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : Math.round(value * 100)}
    >
      <div
        className="progress-fill"
        style={indeterminate ? undefined : { width: `${Math.min(100, value * 100)}%` }}
      />
    </div>
  );
}
