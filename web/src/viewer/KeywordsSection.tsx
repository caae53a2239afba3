import { useEffect, useId, useState } from 'react';
import type { PhotoDetails } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { navigate } from '../app/router.js';
import { Icon } from '../components/Icon.js';
import { errorMessage, toast } from '../components/toasts.js';
import { Section } from './InfoSection.js';

type Keyword = PhotoDetails['keywords'][number];

/**
 * Keyword paths as chips; each searches for its last level (`keyword:Seoul`). The user's own can
 * be taken off (`onRemove`); one another program wrote is changed in that program, so it has no
 * remove button (the server would refuse it: Picto reads the sidecar again).
 */
export function KeywordChips({
  keywords,
  onRemove,
}: {
  keywords: Keyword[];
  onRemove?: ((path: string) => void) | null;
}) {
  return (
    <div className="chips">
      {keywords.map(({ path, source }) => {
        const leaf = path.split('/').pop() ?? path;
        const term = /[\s,:"]/.test(leaf) ? `"${leaf.replace(/"/g, '')}"` : leaf;
        return (
          <span key={path} className="keyword-chip">
            <button
              type="button"
              className="chip"
              title={`Search for ${leaf}`}
              onClick={() => navigate(`/search?q=${encodeURIComponent(`keyword:${term}`)}`)}
            >
              {path}
            </button>
            {onRemove && source === 'user' && (
              <button
                type="button"
                className="icon-button keyword-remove"
                aria-label={`Remove keyword ${path}`}
                title={`Remove keyword ${path}`}
                onClick={() => onRemove(path)}
              >
                <Icon name="close" size={14} />
              </button>
            )}
          </span>
        );
      })}
    </div>
  );
}

/**
 * The info panel's keywords: the photo's, from other programs and the user's; `editable` (not in
 * the trash) adds and takes off the user's own. The photo is read again after each change.
 */
export function KeywordsSection({
  photo,
  editable,
  onEdited,
}: {
  photo: PhotoDetails;
  editable: boolean;
  onEdited: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  useEffect(() => {
    setAdding(false);
    setError(null);
  }, [photo.id]);
  if (!editable && photo.keywords.length === 0) return null;

  const change = async (keyword: string, on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api.keyword(photo.id, keyword, on);
      toast(on ? 'Keyword added' : `Keyword ${keyword} removed`);
      if (on) {
        setText('');
        setAdding(false);
      }
      onEdited();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      icon="tag"
      title="Keywords"
      action={
        editable &&
        !adding && (
          <button
            className="icon-button info-edit-button"
            aria-label="Add a keyword"
            title="Add a keyword"
            onClick={() => {
              setText('');
              setError(null);
              setAdding(true);
            }}
          >
            <Icon name="plus" size={16} />
          </button>
        )
      }
    >
      {photo.keywords.length > 0 && (
        <KeywordChips
          keywords={photo.keywords}
          onRemove={editable && !busy ? (k) => void change(k, false) : null}
        />
      )}
      {photo.keywords.length === 0 && !adding && <p className="info-sub">No keywords</p>}
      {adding && (
        <form
          className="info-edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void change(text, true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setAdding(false);
            }
          }}
        >
          <input
            className="input"
            aria-label="New keyword"
            placeholder="hiking, or Places/Korea/Seoul"
            maxLength={800}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            autoFocus
          />
          {error && (
            <p className="form-error" id={errorId} role="alert">
              {error}
            </p>
          )}
          <p className="info-sub">Levels joined by “/” each find the photo. Saved in Picto only.</p>
          <div className="info-edit-actions">
            <button type="button" className="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <button className="button button-primary" disabled={busy || !text.trim()}>
              Add
            </button>
          </div>
        </form>
      )}
      {!adding && error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
