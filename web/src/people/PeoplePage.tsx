import { useRef, useState } from 'react';
import type { FoundFaces } from '../../../src/shared/people-api.js';
import { useFollowLibrary } from '../app/follow-library.js';
import { plural } from '../app/format.js';
import { Dialog } from '../components/Dialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { Link } from '../components/Sidebar.js';
import { Switch } from '../components/Switch.js';
import { toast, toastError } from '../components/toasts.js';
import { ActionButton } from '../components/ActionButton.js';
import { TopBar } from '../components/TopBar.js';
import { peopleApi, type Person } from './api.js';
import './people.css';

/**
 * What `fetch` answers about people (again when `id` changes), fetched anew whenever clustering or a
 * correction changes the people, and after a reconnect.
 */
export function usePeopleAnswer<T>(id: number | boolean, fetch: () => Promise<T>): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  useFollowLibrary(
    id,
    (alive) => fetch().then((a) => alive() && setAnswer(a), toastError),
    (e, reload) => {
      if (e.type === 'people.changed' || e.type === 'reconnected') reload();
    },
  );
  return answer;
}

/** The people list (with the hidden ones or without), fresh after every change. */
export function usePeople(hidden = false): Person[] | null {
  return usePeopleAnswer(hidden, () => peopleApi.list(hidden).then((r) => r.people));
}

export function FaceImage({
  url,
  size = 160,
  label = '',
}: {
  url: string | null;
  size?: number;
  label?: string;
}) {
  return url ? (
    <img
      className="face-img"
      src={url}
      alt={label}
      width={size}
      height={size}
      loading="lazy"
      draggable={false}
    />
  ) : (
    <span className="face-img face-img-empty" aria-hidden="true">
      <Icon name="people" size={Math.round(size / 3)} />
    </span>
  );
}

function FoundDialog({ found, onClose }: { found: FoundFaces; onClose: () => void }) {
  return (
    <Dialog
      title={
        found.faces.length ? plural(found.faces.length, 'face') + ' in this photo' : 'No face found'
      }
      onClose={onClose}
    >
      {!found.faces.length && (
        <p>Picto found no face in this photo. Try one where faces are larger or sharper.</p>
      )}
      <ul className="found-list">
        {found.faces.map((f, i) => (
          <li key={i} className="found-item">
            {f.person ? (
              <Link to={`/people/${f.person.id}`} className="found-link">
                <strong>{f.person.name ?? 'Unnamed person'}</strong>
                <span>{plural(f.photoIds.length, 'photo')}</span>
              </Link>
            ) : (
              <span className="found-link">
                <strong>Nobody you know yet</strong>
                <span>
                  {f.photoIds.length
                    ? `looks like faces in ${plural(f.photoIds.length, 'photo')}`
                    : 'no match in your photos'}
                </span>
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="dialog-actions dialog-actions-inline">
        <button className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/**
 * A person in the grid: the face and count open the person; someone without a name gets "Add a
 * name" right here, as in Google Photos (typing a name is the one thing asked of the user).
 */
function PersonCard({ person: p }: { person: Person }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const clean = name.trim();
    if (!clean) return;
    try {
      await peopleApi.update(p.id, { name: clean });
      toast(`Named ${clean}`);
      setNaming(false);
    } catch (err) {
      toastError(err);
    }
  };
  return (
    <li className={`person-item${p.hidden ? ' person-hidden' : ''}`}>
      <Link to={`/people/${p.id}`} className="person-card">
        <FaceImage url={p.coverUrl} />
        {p.name ? (
          <span className="person-name">{p.name}</span>
        ) : (
          <span className="visually-hidden">Unnamed person</span>
        )}
      </Link>
      {!p.name &&
        (naming ? (
          <form className="person-name-inline" onSubmit={save}>
            <input
              className="input"
              aria-label="Name"
              placeholder="Name"
              value={name}
              maxLength={200}
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setNaming(false)}
              onBlur={() => !name.trim() && setNaming(false)}
            />
          </form>
        ) : (
          <button className="person-add-name" onClick={() => setNaming(true)}>
            Add a name
          </button>
        ))}
      <span className="person-count">
        {plural(p.photoCount, 'photo')}
        {p.hidden ? ' · hidden' : ''}
      </span>
    </li>
  );
}

export function PeoplePage() {
  const [showHidden, setShowHidden] = useState(false);
  const people = usePeople(showHidden);
  const [found, setFound] = useState<FoundFaces | null>(null);
  const [searching, setSearching] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const findByFace = async (file: File | undefined) => {
    if (!file) return;
    setSearching(true);
    try {
      setFound(await peopleApi.findByUpload(file));
    } catch (err) {
      toastError(err);
    } finally {
      setSearching(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const named = people?.filter((p) => p.name !== null).length ?? 0;
  return (
    <div className="page">
      <TopBar
        title="People"
        subtitle={
          people && people.length
            ? `${plural(people.length, 'person', 'people')}, ${named} named`
            : undefined
        }
        actions={
          <>
            <label className="people-toggle">
              <Switch checked={showHidden} onChange={setShowHidden} />
              <span>Show hidden</span>
            </label>
            <ActionButton
              icon="search"
              label={searching ? 'Looking…' : 'Find by face'}
              className="button"
              onClick={() => fileInput.current?.click()}
              disabled={searching}
            />
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              hidden
              onChange={(e) => void findByFace(e.target.files?.[0])}
            />
          </>
        }
      />
      <div className="scroller">
        {people && people.length === 0 && (
          <EmptyState icon="people" title="No people yet">
            <p>
              Picto groups the faces in your photos into people as it indexes them (with AI on for
              the folder). Name someone once and every photo of them is a click away.
            </p>
          </EmptyState>
        )}
        <ul className="people-grid">
          {people?.map((p) => (
            <PersonCard key={p.id} person={p} />
          ))}
        </ul>
      </div>
      {found && <FoundDialog found={found} onClose={() => setFound(null)} />}
    </div>
  );
}
