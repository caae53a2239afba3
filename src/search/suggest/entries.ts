// What the search box can complete, built from the catalogue's counts (SuggestRepo, run in a
// worker) and the things page's tags and groups. Pure: counts in, entries out.

import type { SuggestCounts } from '../../db/repos/suggest.js';
import { labelsForGroup, type GroupTag } from '../../ml/index.js';
import type { Term } from '../../shared/search-query.js';
import { MONTH_NAMES, parseDateValue } from '../dates.js';
import { withAliases } from '../places/service.js';
import { fold } from '../text.js';
import type { ThingList } from '../things.js';
import { cameraMakeName } from '../vocabulary.js';
import type { SuggestEntry } from './rank.js';

export function buildEntries(counts: SuggestCounts, things: ThingList, now: Date): SuggestEntry[] {
  const out: SuggestEntry[] = [];
  const add = (e: Omit<SuggestEntry, 'keys'> & { keys?: string[] }) => {
    const keys = [...new Set([fold(e.label), ...(e.keys ?? []).map(fold)])].filter(Boolean);
    if (keys.length && e.count > 0) out.push({ ...e, keys });
  };

  for (const p of counts.people) {
    const name = p.name.trim();
    add({
      kind: 'person',
      label: name,
      count: p.photos,
      term: { kind: 'person', ids: [p.id], name },
      phrase: name,
      cover: p.cover ? { face: p.cover } : undefined,
    });
  }

  const places = withAliases(
    counts.places.map((p) => ({ field: p.field, key: p.key, name: p.name })),
  );
  counts.places.forEach((p, i) => {
    add({
      kind: 'place',
      label: p.name,
      // A city and a region may share a name (New York): the second line tells them apart.
      detail:
        p.field === 'city'
          ? (p.country ?? undefined)
          : p.field === 'region'
            ? `region${p.country ? ` of ${p.country}` : ''}`
            : p.field,
      keys: places[i].aliases,
      count: p.photos,
      term: { kind: 'place', field: p.field, key: p.key, name: p.name },
      phrase: p.name,
      cover: p.cover ? { photo: p.cover } : undefined,
    });
  });

  const thingCover = (c: ThingList['tags'][number]['cover']) =>
    c.hasThumb ? { photo: c.id } : undefined;
  for (const t of things.tags) {
    add({
      kind: 'tag',
      label: t.name,
      count: t.photos,
      term: { kind: 'tag', labels: [t.name], name: t.name },
      phrase: t.name,
      cover: thingCover(t.cover),
    });
  }
  for (const g of things.groups) {
    const labels = g.labels ?? labelsForGroup(g.name as GroupTag);
    add({
      kind: 'tag',
      label: g.name,
      detail: labels.length > 3 ? `${labels.slice(0, 3).join(', ')}…` : labels.join(', '),
      count: g.photos,
      term: { kind: 'tag', labels: labelsForGroup(g.name as GroupTag), name: g.name },
      phrase: g.name,
      cover: thingCover(g.cover),
    });
  }

  for (const a of counts.albums) {
    add({
      kind: 'album',
      label: a.name,
      count: a.photos,
      term: { kind: 'album', ids: [a.id], name: a.name },
      phrase: a.name,
      cover: a.cover ? { photo: a.cover } : undefined,
    });
  }

  // One entry per make ("Nikon": every model of it) and one per model.
  const makes = new Map<string, { make: string; name: string; photos: number }>();
  for (const c of counts.makes) {
    const name = cameraMakeName(c.make);
    if (!name) continue;
    // "NIKON" and "NIKON CORPORATION" are one make for the search box.
    const m = makes.get(name) ?? { make: c.make, name, photos: 0 };
    m.photos += c.photos;
    makes.set(name, m);
  }
  for (const m of makes.values()) {
    add({
      kind: 'camera',
      label: m.name,
      detail: 'every camera of this make',
      count: m.photos,
      term: { kind: 'camera', makes: [m.make], models: [], name: m.name },
      phrase: m.name,
    });
  }
  for (const c of counts.models) {
    const model = c.model.trim();
    const makeName = cameraMakeName(c.make);
    // Models often repeat the make ("Canon EOS 80D"): typing "eos" finds it too.
    const bare = makeName !== null && fold(model).startsWith(`${fold(makeName)} `);
    add({
      kind: 'camera',
      label: model,
      detail: makeName && !bare ? makeName : undefined,
      keys: bare ? [fold(model).slice(fold(makeName).length + 1)] : [],
      count: c.photos,
      term: { kind: 'camera', makes: [], models: [c.model], name: model },
      phrase: model,
    });
  }

  // Years, months of the year, and months of a year, as the parser reads them.
  const years = new Map<string, number>();
  const monthsOfYear = new Map<number, number>();
  const date = (label: string, count: number, detail?: string) => {
    const term: Term | null = parseDateValue(label.toLowerCase(), now);
    if (term) add({ kind: 'date', label, detail, count, term, phrase: label.toLowerCase() });
  };
  for (const m of counts.months) {
    const [y, mm] = m.month.split('-');
    years.set(y, (years.get(y) ?? 0) + m.photos);
    const i = Number(mm);
    monthsOfYear.set(i, (monthsOfYear.get(i) ?? 0) + m.photos);
    if (MONTH_NAMES[i]) date(`${MONTH_NAMES[i]} ${y}`, m.photos);
  }
  for (const [y, n] of years) date(y, n);
  for (const [i, n] of monthsOfYear) if (MONTH_NAMES[i]) date(MONTH_NAMES[i], n, 'every year');
  return out;
}
