import { searchRoutes as r } from '../../shared/routes/search.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function suggestRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.suggestSearch, async (req) => ({
    suggestions: await picto.discovery.suggest.suggest(req.query.q ?? '', req.query.limit ?? 8),
  }));
}
