import type { Term } from '../../src/shared/search-query.js';

/** A term reduced to what the parse tests compare: its kind and the values it matches. */
export function short(t: Term): string {
  switch (t.kind) {
    case 'tag':
      return `tag:${t.labels.join('|')}`;
    case 'person':
    case 'album':
      return `${t.kind}:${t.ids.join('|')}`;
    case 'date':
      return `date:${t.spans.map((s) => `${s.from ?? ''}..${s.to ?? ''}`).join('|')}${t.yearly.map((y) => `~${y.from}..${y.to}`).join('|')}`;
    case 'place':
      return `place:${t.field}=${t.key}`;
    case 'camera':
      return `camera:${[...t.makes, ...t.models].join('|')}`;
    case 'type':
      return `type:${t.formats.join('|')}`;
    case 'folder':
      return `folder:${t.dirs.join('|')}`;
    case 'favourite':
      return 'favourite';
    case 'text':
      return `text(${t.in}):${t.words.join(' ')}`;
    case 'area':
      return `area:${t.south},${t.west},${t.north},${t.east}`;
    case 'has':
      return `has:${t.what}`;
    case 'keyword':
      return `keyword:${t.keys.join('|')}`;
    case 'rating':
      return `rating:${t.min}-${t.max}`;
    case 'media':
      return `media:${t.kinds.join('|')}`;
    case 'duration':
      return `duration:${t.minMs ?? ''}..${t.maxMs ?? ''}`;
    case 'category':
      return `category:${t.category}${t.subtype ? `/${t.subtype}` : ''}`;
  }
}
