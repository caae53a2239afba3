import { useEffect, useState } from 'react';
import { useFollowLibrary } from '../app/follow-library.js';
import { plural } from '../app/format.js';
import { navigate } from '../app/router.js';
import { EmptyState } from '../components/EmptyState.js';
import { ActionButton } from '../components/ActionButton.js';
import { Icon } from '../components/Icon.js';
import { Link } from '../components/Sidebar.js';
import { toast, toastError } from '../components/toasts.js';
import { AddToAlbumAction, FavouriteAction, TrashAction } from '../pages/actions.js';
import { GalleryPage, type SelectionContext } from '../pages/GalleryPage.js';
import { personSource } from '../timeline/source.js';
import { storeFor } from '../timeline/store.js';
import { displayName, peopleApi, type Person } from './api.js';
import { MergeDialog } from './MergeDialog.js';
import { FaceImage } from './PeoplePage.js';
import { Suggestions } from './Suggestions.js';
import './people.css';

function PersonHeader({ person, onChanged }: { person: Person; onChanged: (p: Person) => void }) {
  const [editing, setEditing] = useState(!person.name);
  const [name, setName] = useState(person.name ?? '');
  useEffect(() => {
    setName(person.name ?? '');
    setEditing(!person.name);
  }, [person.id, person.name]);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onChanged(await peopleApi.update(person.id, { name: name.trim() || null }));
      setEditing(false);
    } catch (err) {
      toastError(err);
    }
  };
  return (
    <div className="person-head">
      <FaceImage url={person.coverUrl} size={96} label={person.name ?? ''} />
      <div className="person-head-text">
        {editing ? (
          <form className="person-name-form" onSubmit={save}>
            <input
              className="input input-title"
              aria-label="Name"
              placeholder="Who is this?"
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              autoFocus={!!person.name}
            />
            <button className="button button-primary" disabled={!name.trim() && !person.name}>
              Save
            </button>
            {person.name && (
              <button type="button" className="button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            )}
          </form>
        ) : (
          <button className="album-title-button" onClick={() => setEditing(true)} title="Rename">
            <h2 className="album-title">{person.name}</h2>
            <Icon name="pencil" size={18} />
          </button>
        )}
        <p className="person-head-meta">
          {plural(person.photoCount, 'photo')} · {plural(person.faceCount, 'face')}
          {person.hidden ? ' · hidden from People' : ''}
        </p>
      </div>
    </div>
  );
}

/**
 * "Not Alice": the person's faces in the selected photos leave the person, for good. Undo takes
 * the "not" back exactly (each face returns, confirmed only if it was).
 */
function NotThisPersonAction({ ids, store, done, person }: SelectionContext & { person: Person }) {
  return (
    <ActionButton
      icon="close"
      label={`Not ${person.name ?? 'this person'}`}
      onClick={async () => {
        try {
          const rejected: string[] = [];
          for (const photoId of ids) {
            const { faces } = await peopleApi.facesInPhoto(photoId);
            for (const f of faces) {
              if (f.personId !== person.id) continue;
              await peopleApi.rejectFace(f.id);
              rejected.push(f.id);
            }
          }
          store.remove(ids);
          done();
          toast(`${plural(ids.length, 'photo')} removed from ${displayName(person)}`, {
            action: {
              label: 'Undo',
              run: () =>
                void Promise.all(rejected.map((f) => peopleApi.undoReject(f, person.id))).then(
                  () => store.invalidate(),
                  toastError,
                ),
            },
          });
        } catch (err) {
          toastError(err);
        }
      }}
    />
  );
}

/** The person's face in the one selected photo becomes the cover. */
function CoverAction({
  ids,
  done,
  person,
  onChanged,
}: SelectionContext & { person: Person; onChanged: (p: Person) => void }) {
  if (ids.length !== 1) return null;
  return (
    <ActionButton
      icon="image"
      label="Use as cover"
      onClick={async () => {
        try {
          const { faces } = await peopleApi.facesInPhoto(ids[0]);
          const mine = faces.find((f) => f.personId === person.id);
          if (!mine) return;
          onChanged(await peopleApi.update(person.id, { coverFaceId: mine.id }));
          toast('Cover changed');
          done();
        } catch (err) {
          toastError(err);
        }
      }}
    />
  );
}

export function PersonPage({ id }: { id: number }) {
  const [person, setPerson] = useState<Person | null>(null);
  const [missing, setMissing] = useState(false);
  const [merging, setMerging] = useState(false);
  const source = personSource(person?.id ?? id);

  useFollowLibrary(
    id,
    (alive) =>
      peopleApi.get(id).then(
        (p) => {
          if (!alive()) return;
          // A merged person's old id resolves to the person it joined: show that address.
          if (p.id !== id) navigate(`/people/${p.id}`, { replace: true });
          setPerson(p);
        },
        () => alive() && setMissing(true),
      ),
    (e, reload) => {
      if (e.type === 'people.changed') {
        reload();
        storeFor(personSource(id)).invalidate();
      }
    },
  );

  if (missing) {
    return (
      <div className="page">
        <EmptyState
          icon="people"
          title="This person is not here any more"
          action={<Link to="/people">See everyone</Link>}
        />
      </div>
    );
  }

  const toggleHidden = async () => {
    if (!person) return;
    try {
      const p = await peopleApi.update(person.id, { hidden: !person.hidden });
      setPerson(p);
      const who = p.name ?? 'This person';
      toast(p.hidden ? `${who} is hidden from People` : `${who} is back in People`);
    } catch (err) {
      toastError(err);
    }
  };

  return (
    <>
      <GalleryPage
        source={source}
        heading={person ? displayName(person) : 'Person'}
        title={
          <span className="crumbs">
            <Link to="/people">People</Link>
            <Icon name="right" size={16} />
            <span>{person ? displayName(person) : ''}</span>
          </span>
        }
        topActions={
          person && (
            <>
              <ActionButton
                icon="people"
                label="Merge"
                className="button"
                onClick={() => setMerging(true)}
              />
              <ActionButton
                icon={person.hidden ? 'eye' : 'eyeOff'}
                label={person.hidden ? 'Show in People' : 'Hide'}
                className="button"
                onClick={() => void toggleHidden()}
              />
            </>
          )
        }
        header={
          person && (
            <>
              <PersonHeader person={person} onChanged={setPerson} />
              <Suggestions person={person} />
            </>
          )
        }
        empty={<EmptyState icon="people" title="No photos of this person" />}
        selectionActions={(ctx) =>
          person && (
            <>
              <CoverAction {...ctx} person={person} onChanged={setPerson} />
              <NotThisPersonAction {...ctx} person={person} />
              <AddToAlbumAction {...ctx} />
              <FavouriteAction {...ctx} />
              <TrashAction {...ctx} />
            </>
          )
        }
      />
      {merging && person && (
        <MergeDialog person={person} onClose={() => setMerging(false)} onMerged={setPerson} />
      )}
    </>
  );
}
