import type { DuplicateGroup as Group } from '../../search/duplicates/service.js';
import {
  DismissResult,
  DuplicatesReport,
  GroupParams,
  ResolveBody,
  ResolveResult,
} from '../../shared/search-api.js';
import type { Picto } from '../../app/picto.js';
import type { Api, ServerContext } from '../context.js';
import { thumbUrl } from '../../shared/urls.js';
import { errors, errors409 } from './common.js';

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
  app.get(
    '/duplicates',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Groups of photos showing the same picture, for review',
        description:
          'Kinds: identical (same decoded pixels, different files), near (recompressed or resized), mirror, ' +
          'rotated, crop (one is cut from the other). Found from perceptual hashes of the whole picture, its ' +
          'mirror and quarter turns, and 70 sub-windows, with a multi-index hash lookup (no all-pairs ' +
          'comparison). `keep` is a suggestion and `reason` says why: a favourite first, then the one in more ' +
          'albums, then the one with named people, then the original file (not named like a copy, in the ' +
          'library first, written first), then most pixels, largest file and a capture date. `copies` lists ' +
          'photos stored in several files (identical bytes are one photo for Picto).',
        response: { 200: DuplicatesReport },
      },
    },
    async () => {
      const r = await picto.discovery.duplicates.report();
      return { ...r, groups: r.groups.map((g) => groupView(picto, g)) };
    },
  );

  app.post(
    '/duplicates/:id/resolve',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Keep one photo of a group, move the others to the trash',
        description:
          'The photo kept becomes a favourite if any of the group was, and joins their albums.',
        params: GroupParams,
        body: ResolveBody,
        response: { 200: ResolveResult, ...errors409 },
      },
    },
    async (req) => picto.discovery.duplicates.resolve(req.params.id, req.body.keep),
  );

  app.post(
    '/duplicates/:id/dismiss',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Not duplicates: never propose this group again',
        params: GroupParams,
        response: { 200: DismissResult, ...errors },
      },
    },
    async (req) => ({ dismissed: await picto.discovery.duplicates.dismiss(req.params.id) }),
  );
}
