import {
  SearchQuery,
  SearchResult,
  SearchSettings,
  UpdateSearchSettings,
} from '../../shared/search-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

export function searchRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search photos with one query: people, tags, places, dates, words…',
        description:
          'The query is parsed into filters (see `q`), run as one indexed SQL statement, ranked ' +
          '(relevance when words matched text, else newest first) and keyset-paginated: pass `nextCursor` ' +
          'back as `cursor` with the same `q` and `sort`. `understood` tells how the query was read, one ' +
          'removable chip per filter. Any text is a valid query: nonsense finds nothing, it never fails.',
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errors },
      },
    },
    async (req) => {
      const page = await picto.discovery.search.searchAsync({
        q: req.query.q ?? '',
        cursor: req.query.cursor,
        limit: req.query.limit,
        sort: req.query.sort,
        count: true,
      });
      return {
        items: picto.gallery.items(page.rows),
        nextCursor: page.nextCursor,
        total: page.total,
        totalCapped: page.totalCapped,
        sort: page.sort,
        understood: page.understood,
        ms: Math.round(page.ms * 10) / 10,
      };
    },
  );

  const settings = () => {
    const semantic = picto.discovery.semantic.status();
    return {
      ocr: picto.discovery.ocr.status(),
      semantic: { available: semantic.available, name: semantic.name, reason: semantic.reason },
    };
  };

  app.get(
    '/search/settings',
    {
      schema: {
        tags: ['search'],
        summary: 'Text in photos (OCR) and the optional semantic model',
        description:
          'No image–text model ships with Picto: `semantic.available` is true only when one was put in ' +
          '<data>/models/semantic (see the README).',
        response: { 200: SearchSettings },
      },
    },
    async () => settings(),
  );

  app.put(
    '/search/settings',
    {
      schema: {
        tags: ['search'],
        summary: 'Switch reading text in photos on or off',
        description: 'Off drops the reading still queued; text already found stays searchable.',
        body: UpdateSearchSettings,
        response: { 200: SearchSettings, ...errors },
      },
    },
    async (req) => {
      picto.discovery.ocr.setEnabled(req.body.ocr);
      return settings();
    },
  );
}
