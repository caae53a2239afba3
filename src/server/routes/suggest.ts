import { SuggestQuery, SuggestResult } from '../../shared/suggest-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

export function suggestRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Suggestions while typing: people, places, tags, albums, cameras, dates',
        description:
          'Completes the last words of `q` ("alice be" → "alice beach"), whole-name matches first, then ' +
          'by photos. Each suggestion carries the whole search text to run when it is picked (plain words ' +
          'when they read back as that one thing, else explicit syntax) and the photos it alone matches. ' +
          'Counts are made in the background and kept, so an answer takes well under a millisecond; ' +
          'the first request of a large library waits for them once.',
        querystring: SuggestQuery,
        response: { 200: SuggestResult, ...errors },
      },
    },
    async (req) => ({
      suggestions: await picto.discovery.suggest.suggest(req.query.q ?? '', req.query.limit ?? 8),
    }),
  );
}
