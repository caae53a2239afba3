// The things page: what the objects model found across the library, as tags (COCO labels) and the
// broader groups users think in ("animal", "vehicle"), each with a count, a cover and the search
// query that lists its photos.

import type { Repos } from '../db/index.js';
import { GROUP_TAGS, labelsForGroup } from '../ml/index.js';

export interface Thing {
  name: string;
  photos: number;
  cover: { id: string; hash: string; hasThumb: boolean };
  /** The search (explicit syntax) that lists these photos. */
  query: string;
  /** For a group: its tags present in the library, most frequent first. */
  labels?: string[];
}

const quote = (v: string) => (/[\s,:]/.test(v) ? `"${v}"` : v);

export class ThingsService {
  constructor(private readonly repos: Repos) {}

  list(): { tags: Thing[]; groups: Thing[] } {
    const counts = this.repos.objects.labelCounts();
    const tags: Thing[] = counts.map((c) => ({
      name: c.label,
      photos: c.photos,
      cover: { id: c.cover_id, hash: c.cover_hash, hasThumb: c.cover_thumb !== null },
      query: `tag:${quote(c.label)}`,
    }));
    const byName = new Map(tags.map((t) => [t.name, t]));
    const groups: Thing[] = [];
    for (const group of GROUP_TAGS) {
      const members = labelsForGroup(group);
      // A group of one label ("people" = person) would only repeat that tag.
      if (members.length < 2) continue;
      const present = members.flatMap((m) => byName.get(m) ?? []);
      if (!present.length) continue;
      present.sort((a, b) => b.photos - a.photos);
      groups.push({
        name: group,
        photos: this.repos.objects.countWithAny(present.map((t) => t.name)),
        cover: present[0].cover,
        query: `tag:${group}`,
        labels: present.map((t) => t.name),
      });
    }
    groups.sort((a, b) => b.photos - a.photos || a.name.localeCompare(b.name));
    return { tags, groups };
  }
}
