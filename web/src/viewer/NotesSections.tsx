import { useEffect, useRef, useState } from 'react';
import type { PhotoDetails } from '../../../src/shared/api.js';
import type { UpdatePhotoBody } from '../../../src/shared/interchange-api.js';
import { MAX_DESCRIPTION } from '../../../src/shared/names.js';

// The info panel's notes: stars, the description and keywords, whether a person set them here or
// they came from another program's XMP or a Google Takeout sidecar. Editing them makes them the
// user's, and imports leave them alone from then on.

const FROM: Record<string, string> = {
  xmp: 'from another program’s metadata',
  takeout: 'from Google Photos (Takeout)',
};

/** The details as they will be once the change is saved (shown at once, replaced by the answer). */
export function withNotes(d: PhotoDetails, body: UpdatePhotoBody): PhotoDetails {
  const next = { ...d };
  if (body.rating !== undefined) Object.assign(next, { rating: body.rating, ratingSource: 'user' });
  if (body.description !== undefined) {
    const text = body.description?.trim() || null;
    Object.assign(next, { description: text, descriptionSource: 'user' });
  }
  return next;
}

/** Five stars; the one already set clears the rating. Keys 1–5 in the viewer do the same. */
export function RatingStars({
  rating,
  source,
  onRate,
}: {
  rating: number | null;
  source: PhotoDetails['ratingSource'];
  onRate: (rating: number | null) => void;
}) {
  return (
    <div className="info-rating">
      <div className="stars" role="group" aria-label="Rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className={`star${rating !== null && n <= rating ? ' star-on' : ''}`}
            aria-pressed={rating === n}
            aria-label={
              rating === n ? `${n} stars (press to clear)` : `${n} star${n > 1 ? 's' : ''}`
            }
            title={rating === n ? 'Clear the rating' : `${n} (key ${n})`}
            onClick={() => onRate(rating === n ? null : n)}
          >
            ★
          </button>
        ))}
      </div>
      <p className="info-sub">
        {rating === null ? 'Not rated' : `${rating} of 5`}
        {rating !== null && source && FROM[source] ? ` · ${FROM[source]}` : ''}
      </p>
    </div>
  );
}

/** The description as text; a click (or Enter) edits it, Ctrl+Enter or leaving saves, Esc cancels. */
export function DescriptionEditor({
  photoId,
  description,
  source,
  onSave,
}: {
  photoId: string;
  description: string | null;
  source: PhotoDetails['descriptionSource'];
  onSave: (body: UpdatePhotoBody) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(description ?? '');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setEditing(false);
    setText(description ?? '');
  }, [photoId, description]);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);

  const save = () => {
    setEditing(false);
    const next = text.trim();
    if (next !== (description ?? '')) onSave({ description: next || null });
  };

  if (editing) {
    return (
      <textarea
        ref={area}
        className="info-description-edit"
        aria-label="Description"
        value={text}
        maxLength={MAX_DESCRIPTION}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setText(description ?? '');
            setEditing(false);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
      />
    );
  }
  return (
    <>
      <button
        type="button"
        className={`info-description${description ? '' : ' info-description-empty'}`}
        onClick={() => setEditing(true)}
        title="Edit the description"
      >
        {description ?? 'Add a description'}
      </button>
      {description && source && FROM[source] && <p className="info-sub">{FROM[source]}</p>}
    </>
  );
}
