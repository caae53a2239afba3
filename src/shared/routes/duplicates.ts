import {
  DismissResult,
  DuplicatesReport,
  GroupParams,
  ResolveBody,
  ResolveResult,
} from '../search-api.js';
import { declareRoutes } from './declare.js';

export const duplicateRoutes = declareRoutes({
  getDuplicates: {
    method: 'GET',
    path: '/api/duplicates',
    tag: 'duplicates',
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
  resolveDuplicates: {
    method: 'POST',
    path: '/api/duplicates/:id/resolve',
    tag: 'duplicates',
    summary: 'Keep one photo of a group, move the others to the trash',
    description:
      'The photo kept becomes a favourite if any of the group was, and joins their albums.',
    params: GroupParams,
    body: ResolveBody,
    response: { 200: ResolveResult },
    errors: [404, 409],
  },
  dismissDuplicates: {
    method: 'POST',
    path: '/api/duplicates/:id/dismiss',
    tag: 'duplicates',
    summary: 'Not duplicates: never propose this group again',
    params: GroupParams,
    response: { 200: DismissResult },
    errors: [404],
  },
});
