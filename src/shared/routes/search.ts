import { SearchQuery, SearchResult, SearchSettings, UpdateSearchSettings } from '../search-api.js';
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
});
