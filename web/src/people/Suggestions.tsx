import { useEffect, useState } from 'react';
import type { Suggestion } from '../../../src/shared/people-api.js';
import { onLibraryEvent } from '../api/events.js';
import { plural } from '../app/format.js';
import { Icon } from '../components/Icon.js';
import { toast, toastError } from '../components/toasts.js';
import { peopleApi, type Person } from './api.js';
import { FaceImage } from './PeoplePage.js';

const key = (s: Suggestion) => (s.kind === 'person' ? `p${s.personId}` : `f${s.faceId}`);

/**
 * "Is this also Alice?": unnamed people and lone faces nearest to the person. Nothing is
 * answered for the user (beyond the threshold most candidates are look-alikes): a tap says yes,
 * a second tap no, a third clears; "All are Alice" / "None of them" answer those not answered
 * yet; "Save answers" sends them in one go. A no is remembered and never asked again.
 */
export function Suggestions({ person }: { person: Person }) {
  const [list, setList] = useState<Suggestion[] | null>(null);
  const [answers, setAnswers] = useState<Map<string, 'yes' | 'no'>>(new Map());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    const load = () =>
      peopleApi.suggestions(person.id).then((r) => alive && setList(r.suggestions), toastError);
    void load();
    const off = onLibraryEvent((e) => {
      if (e.type === 'people.changed') void load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [person.id]);

  if (!list?.length || !person.name) return null;

  const split = (items: Suggestion[]) => ({
    personIds: items.flatMap((s) =>
      s.personId !== null && s.kind === 'person' ? [s.personId] : [],
    ),
    faceIds: items.flatMap((s) => (s.faceId !== null && s.kind === 'face' ? [s.faceId] : [])),
  });
  const answer = async () => {
    const yes = list.filter((s) => answers.get(key(s)) === 'yes');
    const nope = list.filter((s) => answers.get(key(s)) === 'no');
    setBusy(true);
    try {
      if (yes.length) await peopleApi.decide(person.id, 'confirm', split(yes));
      if (nope.length) await peopleApi.decide(person.id, 'reject', split(nope));
      const parts = [];
      if (yes.length) parts.push(`${yes.length} added to ${person.name}`);
      if (nope.length) parts.push(`${nope.length} remembered as someone else`);
      toast(`Saved: ${parts.join(', ')}`);
      setAnswers(new Map());
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(false);
    }
  };
  // Answers the ones not answered yet.
  const all = (a: 'yes' | 'no') =>
    setAnswers((prev) => new Map(list.map((s) => [key(s), prev.get(key(s)) ?? a] as const)));
  const next = (a: 'yes' | 'no' | undefined) =>
    a === undefined ? 'yes' : a === 'yes' ? 'no' : undefined;
  const yesCount = [...answers.values()].filter((a) => a === 'yes').length;
  const noCount = answers.size - yesCount;
  const unanswered = list.length - answers.size;

  return (
    <section className="suggestions" aria-label={`Is this also ${person.name}?`}>
      <div className="suggestions-head">
        <h3>Is this also {person.name}?</h3>
        <span className="suggestions-hint">
          {answers.size
            ? `${yesCount} yes, ${noCount} no${unanswered ? `, ${unanswered} not answered` : ''}`
            : 'Tap a face once if it is them, twice if it is not.'}
        </span>
        <div className="row-gap">
          <button className="button button-ghost" onClick={() => all('yes')} disabled={!unanswered}>
            {answers.size ? 'The others are too' : `All are ${person.name}`}
          </button>
          <button className="button button-ghost" onClick={() => all('no')} disabled={!unanswered}>
            {answers.size ? 'The others are not' : 'None of them'}
          </button>
          <button
            className="button button-primary"
            disabled={busy || !answers.size}
            onClick={() => void answer()}
          >
            <Icon name="check" size={18} /> Save answers
          </button>
        </div>
      </div>
      <ul className="suggestion-grid">
        {list.map((s) => {
          const k = key(s);
          const a = answers.get(k);
          return (
            <li key={k}>
              <button
                className={`suggestion${a ? ` suggestion-${a}` : ''}`}
                aria-label={`${s.kind === 'person' ? plural(s.faceCount, 'face') : 'One face'}: ${a === 'yes' ? `is ${person.name}` : a === 'no' ? `is not ${person.name}` : 'not answered'}`}
                title={
                  s.kind === 'person'
                    ? `${plural(s.faceCount, 'face')} that look alike`
                    : 'One face'
                }
                onClick={() =>
                  setAnswers((prev) => {
                    const m = new Map(prev);
                    const n = next(m.get(k));
                    if (n) m.set(k, n);
                    else m.delete(k);
                    return m;
                  })
                }
              >
                <FaceImage url={s.cropUrl} size={96} />
                {a && (
                  <span className="suggestion-mark">
                    <Icon name={a === 'no' ? 'close' : 'check'} size={16} />
                  </span>
                )}
                {s.kind === 'person' && s.faceCount > 1 && (
                  <span className="suggestion-count">{s.faceCount}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
