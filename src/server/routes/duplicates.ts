import type { DuplicateGroup as Group } from '../../search/duplicates/service.js';
import { duplicateRoutes as r } from '../../shared/routes/duplicates.js';
import type { Picto } from '../../app/picto.js';
import type { Api, ServerContext } from '../context.js';
import { thumbUrl } from '../../shared/routes/urls.js';
import { route } from '../route.js';

function groupView(picto: Picto, g: Group) {
  return {
    id: g.id,
    keep: g.keep,
    reason: g.reason,
    pairs: g.pairs,
    photos: g.photos.map((p) => ({
      id: p.id,
      width: p.width,
      height: p.height,
      size: p.size,
      format: p.format,
      takenAt: p.sortAt,
      favourite: p.favourite,
      albums: p.albums,
      thumbUrl: p.hasThumb ? thumbUrl(p.id, p.contentHash) : null,
      path: picto.gallery.firstPath(p.id),
    })),
  };
}

export function duplicateRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.getDuplicates, async () => {
    const report = await picto.discovery.duplicates.report();
    return { ...report, groups: report.groups.map((g) => groupView(picto, g)) };
  });

  route(app, r.resolveDuplicates, async (req) =>
    picto.discovery.duplicates.resolve(req.params.id, req.body.keep),
  );

  route(app, r.dismissDuplicates, async (req) => ({
    dismissed: await picto.discovery.duplicates.dismiss(req.params.id),
  }));
}
