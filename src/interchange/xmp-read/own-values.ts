// A sidecar Picto wrote that another tool has since rewritten holds two kinds of values: what
// Picto put there (recorded in `picto:Wrote`) and what the user added in the other tool. Only the
// second kind is news for the catalogue: re-reading Picto's own values would bring back names and
// tags the user has changed in Picto since. See [Note: sidecar ownership mark].

import { iou } from '../../ml/index.js';
import { storedToDisplayed } from '../geometry.js';
import { parseWroteRegion } from '../xmp.js';
import type { InterchangeMetadata } from './map.js';

const lower = (s: string) => s.toLowerCase();

/** The metadata minus everything Picto recorded writing. Pure. */
export function withoutPictoValues(
  meta: InterchangeMetadata,
  orientation: number | null,
): InterchangeMetadata {
  const by = new Map<string, string[]>();
  for (const entry of meta.pictoWrote) {
    const colon = entry.indexOf(':');
    if (colon > 0)
      by.set(entry.slice(0, colon), [
        ...(by.get(entry.slice(0, colon)) ?? []),
        entry.slice(colon + 1),
      ]);
  }
  const set = (kind: string) => new Set((by.get(kind) ?? []).map(lower));
  const tags = set('tag');
  const pipes = set('lr');
  const subjects = set('subject');
  const persons = set('person');
  const regions = (by.get('region') ?? [])
    .map(parseWroteRegion)
    .filter((r) => r !== null)
    .map((r) => ({
      rect: storedToDisplayed(r.rect, orientation),
      name: r.name?.toLowerCase() ?? null,
    }));
  const rating = by.get('rating')?.[0];
  const description = by.get('description')?.[0];
  return {
    ...meta,
    keywords: meta.keywords.filter((k) => {
      const key = lower(k.text);
      if (k.path.length === 1) return !subjects.has(key) && !tags.has(key);
      return !tags.has(key) && !pipes.has(lower(k.path.join('|')));
    }),
    people: meta.people.filter((p) => !persons.has(lower(p))),
    regions: meta.regions.filter(
      (r) =>
        !regions.some(
          (w) => iou(w.rect, r.rect) > 0.9 && w.name === (r.name ? r.name.toLowerCase() : null),
        ),
    ),
    rating: rating !== undefined && String(meta.rating) === rating ? null : meta.rating,
    description:
      description !== undefined && meta.description === description ? null : meta.description,
  };
}
