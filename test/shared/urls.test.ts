import { describe, expect, it } from 'vitest';
import { routes, urlOf } from '../../src/shared/routes/index.js';
import {
  contentVersion,
  faceCropUrl,
  originalUrl,
  previewUrl,
  thumbUrl,
} from '../../src/shared/routes/urls.js';

describe('urlOf', () => {
  it('fills path params in, encoded', () => {
    expect(urlOf(routes.getAlbum, { params: { id: 12 } })).toBe('/api/albums/12');
    expect(urlOf(routes.resolveDuplicates, { params: { id: 'a/b c' } })).toBe(
      '/api/duplicates/a%2Fb%20c/resolve',
    );
    expect(urlOf(routes.listAlbums)).toBe('/api/albums');
  });

  it('writes the query in the order given, without undefined values', () => {
    expect(urlOf(routes.listTimeline, { query: { month: '2021-06', cursor: undefined } })).toBe(
      '/api/timeline?month=2021-06',
    );
    expect(urlOf(routes.searchPhotos, { query: { q: 'dog & cat', limit: 5 } })).toBe(
      '/api/search?q=dog%20%26%20cat&limit=5',
    );
    expect(urlOf(routes.getOriginal, { params: { id: 'ab' }, query: { download: true } })).toBe(
      '/api/photos/ab/original?download=true',
    );
  });

  it('refuses a path param left empty', () => {
    expect(() => urlOf(routes.getPhoto, { params: { id: '' } })).toThrow(/:id/);
  });

  it('makes the image URLs the API hands out (unchanged shapes)', () => {
    const hash = '0123456789abcdef0123456789abcdef';
    expect(contentVersion(hash)).toBe('0123456789abcdef');
    expect(thumbUrl('ff00', hash)).toBe('/api/photos/ff00/thumbnail?v=0123456789abcdef');
    expect(previewUrl('ff00', hash)).toBe('/api/photos/ff00/preview?v=0123456789abcdef');
    expect(originalUrl('ff00')).toBe('/api/photos/ff00/original');
    expect(faceCropUrl('abcd1234', 'v1')).toBe('/api/faces/abcd1234/crop?v=v1');
  });
});
