import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoDetails } from '../../src/shared/api.js';
import { parseRange, parseRangeStart } from '../../src/server/files/range.js';
import { thumbnailPaths } from '../../src/media/index.js';
import { hasCorpus } from '../helpers/corpus.js';
import { indexLibrary, json, raw, startGallery, type Gallery } from './harness.js';

describe('byte ranges', () => {
  it('parses the forms browsers send', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=50-5000', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    // Ignored (whole file): several ranges, other units, nonsense, reversed.
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange('bytes=x-y', 100)).toBeNull();
    expect(parseRange('bytes=9-1', 100)).toBeNull();
  });

  it('reads where a range starts and ends without the size (a file still growing)', () => {
    expect(parseRangeStart(undefined)).toBeNull();
    expect(parseRangeStart('bytes=0-')).toEqual({ start: 0, end: null });
    expect(parseRangeStart('bytes=0-0')).toEqual({ start: 0, end: 0 });
    expect(parseRangeStart('bytes=500-999')).toEqual({ start: 500, end: 999 });
    // The last N bytes of a file whose end is unknown, several ranges, nonsense: ignored.
    expect(parseRangeStart('bytes=-10')).toBeNull();
    expect(parseRangeStart('bytes=0-1,5-6')).toBeNull();
    expect(parseRangeStart('bytes=9-1')).toBeNull();
  });
});

describe.skipIf(!hasCorpus)('gallery API: files', () => {
  let g: Gallery;
  let photo: PhotoDetails;
  let file: string;

  beforeAll(async () => {
    g = await startGallery({
      photos: ['exif/gps/DSCN0010.jpg', 'exif/orientation/recurser/Portrait_6.jpg'],
    });
    await indexLibrary(g);
    file = path.join(g.lib, 'DSCN0010.jpg');
    const id = g.picto.repos.locations.byPath(file)!.photo_id;
    photo = await json(await fetch(`${g.url}/api/photos/${id}`));
  });
  afterAll(async () => g?.close());

  it('serves JPEG thumbnails and previews, cached for good under their content version', async () => {
    for (const [url, mime] of [
      [photo.thumbUrl!, 'image/jpeg'],
      [photo.previewUrl!, 'image/jpeg'],
    ]) {
      const res = await fetch(`${g.url}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(mime);
      expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{16}-[tp]"$/);
      const body = Buffer.from(await res.arrayBuffer());
      expect([...body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      const again = await fetch(`${g.url}${url}`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    }
    // Without the version (or with a stale one) the browser must revalidate.
    const bare = await fetch(`${g.url}/api/photos/${photo.id}/thumbnail?v=0000000000000000`);
    expect(bare.status).toBe(200);
    expect(bare.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('serves the original at the preview URL of a JPEG (no preview file is made)', async () => {
    const files = thumbnailPaths(g.picto.layout.thumbs, photo.contentHash);
    expect(existsSync(files.preview)).toBe(false);
    const res = await fetch(`${g.url}${photo.previewUrl}`);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(file))).toBe(true);
  });

  it('still serves the WebP preview an older catalogue made', async () => {
    // A catalogue from before visible first made a preview for every photo and recorded its size.
    const files = thumbnailPaths(g.picto.layout.thumbs, photo.contentHash);
    const webp = await sharp(file).resize(1440, 1440, { fit: 'inside' }).webp().toBuffer();
    writeFileSync(files.legacyPreview, webp);
    const setPreview = g.picto.repos.db.prepare(
      'UPDATE photos SET preview_width = ?, preview_height = ? WHERE id = ?',
    );
    setPreview.run(1440, 1080, photo.id);
    try {
      const res = await fetch(`${g.url}${photo.previewUrl}`);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(Buffer.from(await res.arrayBuffer()).equals(webp)).toBe(true);
    } finally {
      setPreview.run(null, null, photo.id);
      rmSync(files.legacyPreview);
    }
  });

  it('still serves the WebP thumbnail an older catalogue made', async () => {
    const files = thumbnailPaths(g.picto.layout.thumbs, photo.contentHash);
    const made = readFileSync(files.thumb);
    const webp = await sharp(made).webp().toBuffer();
    rmSync(files.thumb);
    writeFileSync(files.legacyThumb, webp);
    try {
      const res = await fetch(`${g.url}${photo.thumbUrl}`);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(Buffer.from(await res.arrayBuffer()).equals(webp)).toBe(true);
    } finally {
      rmSync(files.legacyThumb);
      writeFileSync(files.thumb, made);
    }
  });

  it('streams the original with its type, length and a download name on request', async () => {
    const bytes = readFileSync(file);
    const res = await fetch(`${g.url}${photo.originalUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('last-modified')).toBe(statSync(file).mtime.toUTCString());
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="DSCN0010.jpg"/);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const dl = await fetch(`${g.url}${photo.originalUrl}?download=true`);
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="DSCN0010.jpg"/);
    await dl.arrayBuffer();
  });

  it('answers byte ranges with 206 and out-of-range requests with 416', async () => {
    const bytes = readFileSync(file);
    const first = await fetch(`${g.url}${photo.originalUrl}`, { headers: { range: 'bytes=0-99' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${bytes.length}`);
    expect(first.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await first.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

    const tail = await fetch(`${g.url}${photo.originalUrl}`, { headers: { range: 'bytes=-50' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 50))).toBe(
      true,
    );

    const open = await fetch(`${g.url}${photo.originalUrl}`, {
      headers: { range: `bytes=${bytes.length - 10}-` },
    });
    expect(open.status).toBe(206);
    expect((await open.arrayBuffer()).byteLength).toBe(10);

    const beyond = await fetch(`${g.url}${photo.originalUrl}`, {
      headers: { range: `bytes=${bytes.length}-` },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect(await json(beyond)).toMatchObject({ statusCode: 416 });

    // A range for an older version of the file (If-Range mismatch) gets the whole current file.
    const stale = await fetch(`${g.url}${photo.originalUrl}`, {
      headers: { range: 'bytes=0-9', 'if-range': '"old"' },
    });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('answers HEAD with headers only', async () => {
    const res = await raw(g.url, photo.originalUrl, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(statSync(file).size));
    expect(res.body.length).toBe(0);
  });

  it('never serves a path from the client', async () => {
    const attempts = [
      '/api/photos/../../../../etc/passwd',
      '/api/photos/..%2F..%2F..%2F..%2Fetc%2Fpasswd/original',
      '/api/photos/%2e%2e%2f%2e%2e%2fetc%2fpasswd/original',
      '/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/assets/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      `/api/photos/${photo.id}/original/../../../../etc/passwd`,
      `/api/photos/${photo.id}/original?path=/etc/passwd`,
      `/api/photos/${photo.id}%00/original`,
    ];
    for (const p of attempts) {
      const res = await raw(g.url, p);
      expect(res.body.toString('latin1'), p).not.toContain('root:');
      if (p.includes('?path=')) {
        // The query is ignored: the photo's own file comes back.
        expect(res.status).toBe(200);
        expect(res.body.equals(readFileSync(file))).toBe(true);
      } else {
        expect([400, 403, 404], `${p} → ${res.status}`).toContain(res.status);
      }
    }
  });

  it('says so when the original is gone from disk', async () => {
    const portrait = g.picto.repos.locations.byPath(path.join(g.lib, 'Portrait_6.jpg'))!;
    const { rmSync } = await import('node:fs');
    rmSync(portrait.path);
    const res = await fetch(`${g.url}/api/photos/${portrait.photo_id}/original`);
    expect(res.status).toBe(404);
    expect((await json(res)).message).toMatch(/missing/);
  });
});
