import { useEffect, useState } from 'react';
import type { CategorySummary } from '../../../src/shared/categories-api.js';
import type { ThingList, ThingSummary } from '../../../src/shared/search-api.js';
import { onLibraryEvent } from '../api/events.js';
import { plural } from '../app/format.js';
import { EmptyState } from '../components/EmptyState.js';
import { Link } from '../components/Sidebar.js';
import { toastError } from '../components/toasts.js';
import { TopBar } from '../components/TopBar.js';
import { searchApi, searchHref } from './api.js';
import './search.css';

const title = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

type Card = Pick<ThingSummary, 'name' | 'photos' | 'coverUrl' | 'query' | 'labels'> & {
  label?: string;
};

function ThingCard({ thing }: { thing: Card }) {
  return (
    <li>
      <Link to={searchHref(thing.query)} className="thing-card">
        {thing.coverUrl ? (
          <img src={thing.coverUrl} alt="" loading="lazy" draggable={false} />
        ) : (
          <span className="thing-card-empty" />
        )}
        <span className="memory-text">
          <span className="memory-title">
            {thing.label ?? title(thing.name)}
            <span className="visually-hidden">,</span>
          </span>
          <span className="memory-sub">
            {plural(thing.photos, 'photo')}
            {thing.labels && ` · ${thing.labels.slice(0, 3).join(', ')}`}
          </span>
        </span>
      </Link>
    </li>
  );
}

function ThingSection({ title, things }: { title: string; things: Card[] }) {
  if (!things.length) return null;
  return (
    <section aria-label={title}>
      <h2 className="section-title">{title}</h2>
      <ul className="things-grid">
        {things.map((t) => (
          <ThingCard key={t.name} thing={t} />
        ))}
      </ul>
    </section>
  );
}

/**
 * The categories shown in their own section: all but those that repeat a kind already on the
 * page (the food category follows the food tags with a stricter score: one card is enough).
 */
function ownCategories(things: ThingList): CategorySummary[] {
  const kinds = new Set(things.groups.map((g) => g.name));
  return things.categories.filter((c) => !c.tagGroup || !kinds.has(c.tagGroup));
}

/**
 * What kind of photos the library holds (categories), and everything the objects model found,
 * as groups and tags: a click lists the photos.
 */
export function ThingsPage() {
  const [things, setThings] = useState<ThingList | null>(null);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => searchApi.things().then((t) => alive && setThings(t), toastError);
    void load();
    // Indexing adds tags photo by photo: refresh at most every few seconds while it runs.
    const off = onLibraryEvent((e) => {
      if (e.type === 'photos.changed' || e.type === 'jobs.idle' || e.type === 'reconnected') {
        timer ??= setTimeout(() => {
          timer = undefined;
          void load();
        }, 3000);
      }
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      off();
    };
  }, []);

  return (
    <div className="page">
      <TopBar
        title="Things"
        subtitle={things && things.tags.length ? plural(things.tags.length, 'tag') : undefined}
      />
      <div className="scroller">
        {things && things.tags.length === 0 && things.categories.length === 0 && (
          <EmptyState icon="tag" title="No things found yet">
            <p>
              As Picto indexes your photos it sorts out screenshots, documents, selfies, panoramas
              and night photos, and (with AI on for the folder) recognises everyday things — people,
              animals, vehicles, food, furniture — and lists them here.
            </p>
          </EmptyState>
        )}
        {things && <ThingSection title="Categories" things={ownCategories(things)} />}
        {things && <ThingSection title="Kinds" things={things.groups} />}
        {things && <ThingSection title="Tags" things={things.tags} />}
      </div>
    </div>
  );
}
