import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PhotoDetails } from '../../../src/shared/api.js';
import type { FoundPlace } from '../../../src/shared/edit-api.js';
import { api } from '../api/client.js';
import { fullDate, offsetLabel, timeOf } from '../app/format.js';
import { errorMessage, toast } from '../components/toasts.js';
import { EditButton, Section } from './InfoSection.js';
import '../search/suggest.css';

// [Note: dates and places set in the gallery] The info panel edits what the catalogue says about
// a photo, never the file: the server keeps the user's value over rescans and re-reading, and
// "Use the file's date/place" goes back to what the file says (shown beside the edit).

const SOURCES: Record<string, string> = {
  exif: 'from the camera',
  xmp: 'from XMP metadata',
  quicktime: 'from the video metadata',
  filename: 'from the file name',
  'file-mtime': 'from the file date (no capture date in the file)',
  takeout: 'from Google Photos (Takeout)',
  user: 'set in Picto',
};

/** A stored time as the local wall clock a datetime-local input takes ("2019-06-14T12:00:05"). */
export const wallClock = (iso: string) => iso.slice(0, 19);

const placeName = (p: { city: string | null; region: string | null; country: string | null }) =>
  [p.city, p.region, p.country].filter((x, i, all) => x && all.indexOf(x) === i).join(', ');

function coord(v: number, pos: string, neg: string): string {
  return `${Math.abs(v).toFixed(5)}° ${v >= 0 ? pos : neg}`;
}

/**
 * One editor of the panel: open or closed (closed again on another photo), and its edit run: busy
 * while it runs, closed when done, the server's words in the form when it is refused.
 */
function useEdit(photoId: string, onEdited: () => void) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setEditing(false), [photoId]);
  const run = async (edit: () => Promise<unknown>, said: string) => {
    setBusy(true);
    setError(null);
    try {
      await edit();
      toast(said);
      setEditing(false);
      onEdited();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  /** The section's Edit button while the editor is closed: `fill` sets the form, then it opens. */
  const button = (label: string, fill: () => void) =>
    !editing && (
      <EditButton
        label={label}
        onClick={() => {
          fill();
          setError(null);
          setEditing(true);
        }}
      />
    );
  /** Esc closes the editor without closing the viewer; true when it did. */
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return false;
    e.stopPropagation();
    setEditing(false);
    return true;
  };
  return { editing, setEditing, busy, error, run, setError, button, escape };
}

/** The server's words when an edit is refused (`id`: the field it describes points at it). */
function EditError({ error, id }: { error: string | null; id?: string }) {
  return (
    error && (
      <p className="form-error" id={id} role="alert">
        {error}
      </p>
    )
  );
}

/** The end of an edit form: what saving does, Cancel, and the form's own buttons. */
function EditFooter({ onCancel, children }: { onCancel: () => void; children?: ReactNode }) {
  return (
    <>
      <p className="info-sub">Saved in Picto only: the file is not changed.</p>
      <div className="info-edit-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {children}
      </div>
    </>
  );
}

export function DateInfo({ photo, onEdited }: { photo: PhotoDetails; onEdited: () => void }) {
  const taken = photo.takenAt ?? photo.sortAt;
  const [value, setValue] = useState(wallClock(taken));
  const edit = useEdit(photo.id, onEdited);
  const { editing, setEditing } = edit;
  const errorId = useId();
  const file = photo.edits?.date ? photo.edits.file : null;
  const offset =
    photo.takenAt && photo.takenAtSource !== 'file-mtime' && offsetLabel(photo.takenAt);

  return (
    <Section
      icon="calendar"
      title="Date"
      action={edit.button('Edit date', () => setValue(wallClock(taken)))}
    >
      {editing ? (
        <form
          className="info-edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (!value) return;
            void edit.run(() => api.editDate({ ids: [photo.id], set: value }), 'Date changed');
          }}
          onKeyDown={edit.escape}
        >
          <input
            className="input"
            type="datetime-local"
            step={1}
            aria-label="Date and time taken"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={edit.error !== null}
            aria-describedby={edit.error ? errorId : undefined}
            required
            autoFocus
          />
          <EditError error={edit.error} id={errorId} />
          <EditFooter onCancel={() => setEditing(false)}>
            <button className="button button-primary" disabled={edit.busy || !value}>
              Save
            </button>
          </EditFooter>
        </form>
      ) : (
        <>
          <p className="info-main">{fullDate(taken)}</p>
          <p className="info-sub">
            {timeOf(taken)}
            {offset ? ` · ${offset}` : ''}
            {' · '}
            {SOURCES[photo.takenAtSource ?? 'file-mtime'] ?? photo.takenAtSource}
          </p>
          {file && (
            <p className="info-sub">
              The file says{' '}
              {file.takenAt ? `${fullDate(file.takenAt)}, ${timeOf(file.takenAt)}` : 'no date'}{' '}
              <button
                className="link-button"
                disabled={edit.busy}
                onClick={() =>
                  void edit.run(
                    () => api.editDate({ ids: [photo.id], reset: true }),
                    'Back to the date in the file',
                  )
                }
              >
                Use the file’s date
              </button>
            </p>
          )}
          <EditError error={edit.error} />
        </>
      )}
    </Section>
  );
}

/** Cities by the start of their name, for the latest text typed. */
function usePlaces(text: string): FoundPlace[] {
  const [found, setFound] = useState<FoundPlace[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setFound([]);
      return;
    }
    let alive = true;
    const timer = window.setTimeout(() => {
      api.findPlaces(q).then(
        (r) => alive && setFound(r.places),
        () => alive && setFound([]),
      );
    }, 80);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [text]);
  return found;
}

export function PlaceInfo({ photo, onEdited }: { photo: PhotoDetails; onEdited: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const edit = useEdit(photo.id, onEdited);
  const { editing, setEditing } = edit;
  const found = usePlaces(editing ? text : '');
  const listId = useId();
  const optionId = (i: number) => `${listId}-${i}`;
  useEffect(() => setActive(0), [found]);
  const file = photo.edits?.place ? photo.edits.file : null;

  const pick = (p: FoundPlace) =>
    void edit.run(
      () => api.editPlace({ ids: [photo.id], lat: p.lat, lon: p.lon }),
      `Place set to ${p.city}`,
    );

  return (
    <Section
      icon="pin"
      title="Place"
      action={edit.button(photo.gps ? 'Edit place' : 'Add a place', () => setText(''))}
    >
      {editing ? (
        <form
          className="info-edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (found[active]) pick(found[active]);
            else if (text.trim()) edit.setError(`No place called “${text.trim()}” is known`);
          }}
          onKeyDown={(e) => {
            if (edit.escape(e)) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const n = found.length;
              if (n) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
            }
          }}
        >
          <input
            className="input"
            role="combobox"
            aria-label="City"
            placeholder="A city: Lisbon, Kyoto…"
            aria-expanded={found.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={found.length ? optionId(active) : undefined}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              edit.setError(null);
            }}
            spellCheck={false}
            autoComplete="off"
            autoFocus
          />
          {found.length > 0 && (
            <ul
              className="suggest-list suggest-inline"
              id={listId}
              role="listbox"
              aria-label="Places"
            >
              {found.map((p, i) => (
                <li
                  key={`${p.lat},${p.lon}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={`suggest-item${i === active ? ' suggest-active' : ''}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => i !== active && setActive(i)}
                  onClick={() => pick(p)}
                >
                  <span className="suggest-text">
                    <span className="suggest-label">{p.city}</span>
                    <span className="suggest-detail">
                      {[p.region, p.country].filter(Boolean).join(', ')}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <EditError error={edit.error} />
          <EditFooter onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <>
          {!photo.gps && <p className="info-sub">No place in the file</p>}
          {photo.gps && photo.place && <p className="info-main">{placeName(photo.place)}</p>}
          {photo.gps && (
            <p className={photo.place ? 'info-sub' : 'info-main'}>
              {coord(photo.gps.lat, 'N', 'S')}, {coord(photo.gps.lon, 'E', 'W')}
            </p>
          )}
          {photo.gps?.alt != null && (
            <p className="info-sub">{Math.round(photo.gps.alt)} m altitude</p>
          )}
          {photo.gps && !file && photo.placeSource === 'takeout' && (
            <p className="info-sub">from Google Photos (Takeout)</p>
          )}
          {file && (
            <p className="info-sub">
              Set in Picto. {file.gps ? 'The file has another place.' : 'The file has no place.'}{' '}
              <button
                className="link-button"
                disabled={edit.busy}
                onClick={() =>
                  void edit.run(
                    () => api.editPlace({ ids: [photo.id], reset: true }),
                    file.gps ? 'Back to the place in the file' : 'Place removed',
                  )
                }
              >
                {file.gps ? 'Use the file’s place' : 'Remove the place'}
              </button>
            </p>
          )}
          <EditError error={edit.error} />
        </>
      )}
    </Section>
  );
}
