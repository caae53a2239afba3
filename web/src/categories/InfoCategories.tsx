import { useEffect, useState } from 'react';
import type { PhotoCategory, RemovedCategory } from '../../../src/shared/categories.js';
import { Icon } from '../components/Icon.js';
import { toast, toastError } from '../components/toasts.js';
import { categoriesApi } from './api.js';
import './categories.css';

/** "a selfie", "a night photo", "food": what "not …" says of a photo. */
function aPhotoOf(label: string): string {
  const word = label.toLowerCase();
  if (word === 'food' || word === 'sports') return word;
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/**
 * The info panel's list of what kind of photo this is, each with its reason ("Selfie — front
 * camera") and a way to take the photo out of it; what the user took it out of can be undone.
 */
export function InfoCategories({
  photoId,
  categories,
  removed,
}: {
  photoId: string;
  categories: PhotoCategory[];
  removed: RemovedCategory[];
}) {
  // Hidden at once on a click; the details follow with the server's event.
  const [gone, setGone] = useState<Set<string>>(() => new Set());
  useEffect(() => setGone(new Set()), [photoId, categories]);
  const shown = categories.filter((c) => !gone.has(c.name));
  if (!shown.length && !removed.length) return null;

  const remove = async (c: PhotoCategory) => {
    setGone((g) => new Set([...g, c.name]));
    try {
      await categoriesApi.remove(c.name, [photoId]);
      toast(`Marked as not ${aPhotoOf(c.label)}`, {
        action: {
          label: 'Undo',
          run: () => void categoriesApi.restore(c.name, [photoId]).catch(toastError),
        },
      });
    } catch (err) {
      setGone((g) => new Set([...g].filter((n) => n !== c.name)));
      toastError(err);
    }
  };

  return (
    <section className="info-section">
      <Icon name="layers" size={20} className="info-icon" />
      <div className="info-body">
        <h3 className="info-heading">Categories</h3>
        <ul className="info-categories">
          {shown.map((c) => (
            <li key={c.name} className="info-category">
              <span className="info-category-text">
                <span className="info-category-name">{c.label}</span>
                <span className="info-category-reason"> — {c.reason}</span>
              </span>
              <button
                className="icon-button info-category-x"
                aria-label={`Not ${aPhotoOf(c.label)}: remove from this category`}
                title={`Not ${aPhotoOf(c.label)}`}
                onClick={() => void remove(c)}
              >
                <Icon name="close" size={16} />
              </button>
            </li>
          ))}
        </ul>
        {removed.map((r) => (
          <p key={r.name} className="info-sub">
            Not {aPhotoOf(r.label)} (your choice) ·{' '}
            <button
              className="link-button"
              onClick={() => void categoriesApi.restore(r.name, [photoId]).catch(toastError)}
            >
              Undo
            </button>
          </p>
        ))}
      </div>
    </section>
  );
}
