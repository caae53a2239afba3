import { searchRoutes as r } from '../../shared/routes/search.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function searchRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.searchPhotos, async (req) => {
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
  });

  const settings = () => {
    const semantic = picto.discovery.semantic.status();
    return {
      ocr: picto.discovery.ocr.status(),
      semantic: { available: semantic.available, name: semantic.name, reason: semantic.reason },
    };
  };

  route(app, r.getSearchSettings, async () => settings());

  route(app, r.updateSearchSettings, async (req) => {
    picto.discovery.ocr.setEnabled(req.body.ocr);
    return settings();
  });
}
