import { SearchQuery, SearchResult, SearchSettings, UpdateSearchSettings } from '../search-api.js';
import { SuggestQuery, SuggestResult } from '../suggest-api.js';
import { declareRoutes } from './declare.js';

export const searchRoutes = declareRoutes({
  searchPhotos: {
    method: 'GET',
    path: '/api/search',
    tag: 'search',
    summary: 'Search photos with one query: people, tags, places, dates, words…',
    description:
      'The query is parsed into filters (see `q`), run as one indexed SQL statement, ranked ' +
      '(relevance when words matched text, else newest first) and keyset-paginated: pass `nextCursor` ' +
      'back as `cursor` with the same `q` and `sort`. `understood` tells how the query was read, one ' +
      'removable chip per filter. Any text is a valid query: nonsense finds nothing, it never fails.',
    query: SearchQuery,
    response: { 200: SearchResult },
    errors: [404],
  },
  getSearchSettings: {
    method: 'GET',
    path: '/api/search/settings',
    tag: 'search',
    summary: 'Text in photos (OCR) and the optional semantic model',
    description:
      'No image–text model ships with Picto: `semantic.available` is true only when one was put in ' +
      '<data>/models/semantic (see the README).',
    response: { 200: SearchSettings },
  },
  updateSearchSettings: {
    method: 'PUT',
    path: '/api/search/settings',
    tag: 'search',
    summary: 'Switch reading text in photos on or off',
    description: 'Off drops the reading still queued; text already found stays searchable.',
    body: UpdateSearchSettings,
    response: { 200: SearchSettings },
    errors: [404],
  },
  suggestSearch: {
    method: 'GET',
    path: '/api/search/suggest',
    tag: 'search',
    summary: 'Suggestions while typing: people, places, tags, albums, cameras, dates',
    description:
      'Completes the last words of `q` ("alice be" → "alice beach"), whole-name matches first, then ' +
      'by photos. Each suggestion carries the whole search text to run when it is picked (plain words ' +
      'when they read back as that one thing, else explicit syntax) and the photos it alone matches. ' +
      'Counts are made in the background and kept, so an answer takes well under a millisecond; ' +
      'the first request of a large library waits for them once.',
    query: SuggestQuery,
    response: { 200: SuggestResult },
  },
});
