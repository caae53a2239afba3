import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { onLibraryEvent } from '../api/events.js';
import { navigate } from '../app/router.js';
import { Icon } from '../components/Icon.js';
import { toast, toastError } from '../components/toasts.js';
import { displayName, peopleApi, type Face, type Person } from './api.js';
import './people.css';

/**
 * Face boxes over the photo in the viewer, each with its person's name. The layer has the same
 * size and transform as the image, so boxes (fractions of the photo) follow zoom and pan. Click a
 * box to say who it is: pick a person, create one by name, "not <name>", or "not a face".
 * Faces without a name are boxed only when asked (`showUnnamed`), as in Google Photos: a photo is
 * for looking at, not a form to fill in.
 */
export function FaceBoxes({
  photoId,
  style,
  showUnnamed,
  onUnnamed,
}: {
  photoId: string;
  style: CSSProperties;
  showUnnamed: boolean;
  /** Told how many faces in the photo have no name (the viewer offers to show them). */
  onUnnamed: (n: number) => void;
}) {
  const [faces, setFaces] = useState<Face[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const unnamed = faces.filter((f) => f.personName === null).length;
  useEffect(() => onUnnamed(unnamed), [unnamed, onUnnamed]);
  const shown = faces.filter((f) => showUnnamed || f.personName !== null || f.id === open);

  useEffect(() => {
    let alive = true;
    setOpen(null);
    const load = () =>
      peopleApi.facesInPhoto(photoId).then(
        (r) => alive && setFaces(r.faces),
        () => alive && setFaces([]),
      );
    void load();
    const off = onLibraryEvent((e) => {
      if (e.type === 'people.changed' || (e.type === 'photos.changed' && e.ids.includes(photoId)))
        void load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [photoId]);

  if (!shown.length) return null;
  return (
    <div className="face-layer" style={style} onPointerDown={(e) => e.stopPropagation()}>
      {shown.map((f) => (
        <div
          key={f.id}
          className={`face-box${open === f.id ? ' face-box-open' : ''}${f.personId === null ? ' face-box-unknown' : ''}`}
          style={{
            left: `${f.box[0] * 100}%`,
            top: `${f.box[1] * 100}%`,
            width: `${f.box[2] * 100}%`,
            height: `${f.box[3] * 100}%`,
          }}
        >
          <button
            className="face-box-hit"
            aria-label={
              f.personId === null ? 'Who is this?' : `${f.personName ?? 'Unnamed person'}: change`
            }
            onClick={(e) => {
              e.stopPropagation();
              setOpen(open === f.id ? null : f.id);
            }}
            onDoubleClick={(e) => e.stopPropagation()}
          />
          <span className="face-label">
            {f.personId === null ? 'Who?' : (f.personName ?? 'Unnamed')}
          </span>
          {open === f.id && (
            <FaceMenu face={f} up={f.box[1] + f.box[3] > 0.55} onDone={() => setOpen(null)} />
          )}
        </div>
      ))}
    </div>
  );
}

function FaceMenu({ face, up, onDone }: { face: Face; up: boolean; onDone: () => void }) {
  const [people, setPeople] = useState<Person[]>([]);
  const [query, setQuery] = useState('');
  useEffect(() => {
    peopleApi.list().then((r) => setPeople(r.people), toastError);
  }, []);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return people
      .filter((p) => p.id !== face.personId && p.name && (!q || p.name.toLowerCase().includes(q)))
      .slice(0, 6);
  }, [people, query, face.personId]);
  const run = async (
    what: () => Promise<unknown>,
    message: string,
    undo?: () => Promise<unknown>,
  ) => {
    try {
      await what();
      toast(
        message,
        undo ? { action: { label: 'Undo', run: () => void undo().catch(toastError) } } : {},
      );
      onDone();
    } catch (err) {
      toastError(err);
    }
  };
  const current = face.personName ?? (face.personId !== null ? 'this person' : null);
  const typed = query.trim();
  const exact = people.find((p) => p.name?.toLowerCase() === typed.toLowerCase());
  const create = () =>
    void run(() => peopleApi.moveFace(face.id, { name: typed }), `This is ${typed}`);
  return (
    <div
      className={`face-menu${up ? ' face-menu-up' : ''}`}
      role="dialog"
      aria-label="Who is this?"
      onClick={(e) => e.stopPropagation()}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (exact)
            void run(
              () => peopleApi.moveFace(face.id, { personId: exact.id }),
              `This is ${exact.name}`,
            );
          else if (typed) create();
        }}
      >
        <input
          className="input"
          placeholder="Who is this? Type a name"
          aria-label="Name"
          value={query}
          maxLength={200}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
          autoFocus
        />
      </form>
      <ul className="face-menu-list">
        {typed && !exact && (
          <li>
            <button className="face-menu-create" onClick={create}>
              <span className="face-menu-plus" aria-hidden="true">
                <Icon name="plus" size={16} />
              </span>
              Create “{typed}”
            </button>
          </li>
        )}
        {matches.map((p) => (
          <li key={p.id}>
            <button
              onClick={() =>
                void run(() => peopleApi.moveFace(face.id, { personId: p.id }), `This is ${p.name}`)
              }
            >
              {p.coverUrl && <img src={p.coverUrl} alt="" width={28} height={28} />}
              {displayName(p)}
            </button>
          </li>
        ))}
      </ul>
      <div className="face-menu-actions">
        {face.personId !== null && (
          <button onClick={() => navigate(`/people/${face.personId}`)}>Open {current}</button>
        )}
        {face.personId !== null && (
          <button
            onClick={() => {
              const was = face.personId!;
              // Undo takes the "not" back exactly: the face returns as it was (confirmed only if it was).
              void run(
                () => peopleApi.rejectFace(face.id),
                `Not ${current}: remembered`,
                () =>
                  peopleApi.undoReject(face.id, was).then((r) => {
                    if (!r.back) toast('Someone else has this face now: it stays there');
                  }),
              );
            }}
          >
            Not {current}
          </button>
        )}
        <button
          onClick={() =>
            void run(
              () => peopleApi.removeFace(face.id),
              'Not a face: it will be left out',
              () => peopleApi.restoreFace(face.id),
            )
          }
        >
          Not a face
        </button>
      </div>
    </div>
  );
}
