import { useState } from 'react';
import type { Likeness, SimilarPerson } from '../../../src/shared/people-review-api.js';
import { plural } from '../app/format.js';
import { Dialog } from '../components/Dialog.js';
import { toast, toastError } from '../components/toasts.js';
import { displayName, peopleApi, type Person } from './api.js';
import { FaceImage, usePeopleAnswer } from './PeoplePage.js';

const GROUPS: { likeness: Likeness; title: string }[] = [
  { likeness: 'likely', title: 'Probably the same person' },
  { likeness: 'maybe', title: 'Maybe' },
  { likeness: 'unlikely', title: 'Everyone else' },
];

/** Every other person by likeness (the server's order: likeliest first), fresh after changes. */
const useSimilar = (id: number): SimilarPerson[] | null =>
  usePeopleAnswer(id, () => peopleApi.similar(id).then((r) => r.people));

/** "Merge": pick the people who are this person, the likeliest shown first. */
export function MergeDialog({
  person,
  onClose,
  onMerged,
}: {
  person: Person;
  onClose: () => void;
  onMerged: (p: Person) => void;
}) {
  const similar = useSimilar(person.id);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    setBusy(true);
    try {
      const p = await peopleApi.merge(person.id, [...picked]);
      toast(`${plural(picked.size, 'person', 'people')} merged into ${displayName(p)}`);
      onMerged(p);
      onClose();
    } catch (err) {
      toastError(err);
      setBusy(false);
    }
  };
  const toggle = (id: number) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const groups = GROUPS.map((g) => ({
    ...g,
    people: similar?.filter((s) => s.likeness === g.likeness) ?? [],
  })).filter((g) => g.people.length > 0);

  return (
    <Dialog
      title={`Who else is ${person.name ?? 'this person'}?`}
      wide
      onClose={onClose}
      confirm={{
        label: `Merge ${picked.size ? plural(picked.size, 'person', 'people') : ''}`,
        disabled: busy || !picked.size,
        onConfirm: () => void merge(),
      }}
    >
      <p className="dialog-text">
        Pick the people that are the same person. Their photos join this one; their names go.
      </p>
      <div className="merge-groups">
        {similar === null && <p className="muted">Comparing faces…</p>}
        {similar?.length === 0 && <p className="muted">There is nobody else yet.</p>}
        {groups.map((g) => (
          <section key={g.likeness} aria-label={g.title}>
            {groups.length > 1 && <h3 className="merge-group-title">{g.title}</h3>}
            <ul className="merge-grid">
              {g.people.map(({ person: p }) => (
                <li key={p.id}>
                  <button
                    className={`merge-pick${picked.has(p.id) ? ' merge-picked' : ''}`}
                    aria-pressed={picked.has(p.id)}
                    onClick={() => toggle(p.id)}
                  >
                    <FaceImage url={p.coverUrl} size={72} />
                    <span className="person-name">{displayName(p)}</span>
                    <span className="person-count">{plural(p.photoCount, 'photo')}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
