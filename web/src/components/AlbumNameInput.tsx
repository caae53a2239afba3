/**
 * The name field of a new album (the new-album dialog, "Add to album"). A refusal is said in an
 * element with id `errorId` next to it: the field points to it and reads as invalid while it shows.
 */
export function AlbumNameInput({
  label,
  value,
  error,
  errorId,
  onChange,
}: {
  label: string;
  value: string;
  error: string | null;
  errorId: string;
  onChange: (name: string) => void;
}) {
  return (
    <input
      className="input"
      placeholder={label}
      aria-label={label}
      value={value}
      maxLength={200}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error !== null}
      aria-describedby={error ? errorId : undefined}
      autoFocus
    />
  );
}
