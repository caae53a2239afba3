import { useEffect, useState } from 'react';
import type { Memory } from '../../../src/shared/search-api.js';
import { previewOf } from '../api/client.js';
import { navigate } from '../app/router.js';
import { whenFirstScreen } from '../timeline/Timeline.js';
import { searchApi, searchHref } from './api.js';
import './search.css';

/** "On this day" and trip anniversaries, as a row of cards above the timeline. */
export function Memories() {
  const [memories, setMemories] = useState<Memory[]>([]);
  useEffect(() => {
    // After the timeline's first screen: memories must not slow the photos down.
    void whenFirstScreen()
      .then(() => searchApi.memories())
      .then(
        (r) => setMemories(r.memories),
        () => undefined, // memories are a nicety: the home screen works without them
      );
  }, []);
  if (!memories.length) return null;
  return (
    <section className="memories" aria-label="Memories">
      {memories.map((m) => {
        const cover = m.photos.find((p) => p.thumbUrl);
        return (
          <button key={m.id} className="memory-card" onClick={() => navigate(searchHref(m.query))}>
            {cover?.thumbUrl && (
              <img src={previewOf(cover.id, cover.thumbUrl) ?? ''} alt="" loading="lazy" />
            )}
            <span className="memory-text">
              <span className="memory-title">{m.title}</span>
              <span className="memory-sub">
                {m.subtitle} · {m.count} photo{m.count === 1 ? '' : 's'}
              </span>
            </span>
          </button>
        );
      })}
    </section>
  );
}
