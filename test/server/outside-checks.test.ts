// What validators and a probe of the running server found, each fixed at its depth: links that
// lead outside the library or to non-images, coerced JSON bodies, uploads that crashed the
// find-by-face endpoint, a malformed token cookie, and names with control characters.

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Album, EmptyTrashResult } from '../../src/shared/api.js';
import { isPictoError } from '../../src/shared/errors.js';
import { mulberry32 } from '../../src/shared/random.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { indexLibrary, json, raw, send, startGallery, type Gallery } from './harness.js';

/** A PNG that says it is 20000×20000 px: header, a few compressed bytes, end. */
function hugePngHeader(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.skipIf(!hasCorpus)('outside checks', () => {
  let g: Gallery;
  let outside: string;
  const url = (p: string) => `${g.url}${p}`;
  const idAt = async (name: string) =>
    (await g.picto.collection.photoIdAt(path.join(g.lib, name)))!;

  beforeAll(async () => {
    g = await startGallery({ photos: ['exif/gps/DSCN0010.jpg'] });
    outside = path.join(g.tmp, 'outside');
    mkdirSync(outside);
    // A link named like a photo that leads to a text file outside the library.
    writeFileSync(path.join(outside, 'secret.txt'), 'not a photo: a secret\n');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(g.lib, 'notes.jpg'));
    // A real photo outside the library, linked in.
    copyFileSync(corpusPath('exif/gps/DSCN0038.jpg'), path.join(outside, 'far.jpg'));
    symlinkSync(path.join(outside, 'far.jpg'), path.join(g.lib, 'far.jpg'));
    // A link to a photo inside the library, in a hidden folder the scanner does not enter.
    mkdirSync(path.join(g.lib, '.kept'));
    copyFileSync(corpusPath('exif/gps/DSCN0040.jpg'), path.join(g.lib, '.kept', 'near.jpg'));
    symlinkSync(path.join(g.lib, '.kept', 'near.jpg'), path.join(g.lib, 'near.jpg'));
    // And a link inside the library to a text file inside it.
    writeFileSync(path.join(g.lib, '.kept', 'readme.txt'), 'a note, not a photo\n');
    symlinkSync(path.join(g.lib, '.kept', 'readme.txt'), path.join(g.lib, 'readme.jpg'));
    await indexLibrary(g);
  });
  afterAll(async () => g?.close());

  it('serves an original only when its content is a photo, wherever its link leads', async () => {
    const notes = await fetch(url(`/api/photos/${await idAt('notes.jpg')}/original`));
    expect(notes.status).toBe(404);
    const body = await json(notes);
    expect(body).toMatchObject({ statusCode: 404, error: 'not-found' });
    expect(body.message).toMatch(/not a photo Picto recognises.*secret\.txt/);

    const far = await fetch(url(`/api/photos/${await idAt('far.jpg')}/original`));
    expect(far.status).toBe(200);
    expect(far.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await far.arrayBuffer())).toEqual(
      readFileSync(corpusPath('exif/gps/DSCN0038.jpg')),
    );
  });

  it('empties the trash only inside the library, and says what it kept and why', async () => {
    const ids = await Promise.all(['notes.jpg', 'far.jpg', 'near.jpg', 'readme.jpg'].map(idAt));
    expect((await send(url('/api/trash'), 'POST', { ids })).status).toBe(200);
    const res = await send(url('/api/trash/empty'), 'POST', { confirm: true, ids });
    expect(res.status).toBe(200);
    const out = await json<EmptyTrashResult>(res);
    const why = new Map(out.kept.map((k) => [path.basename(k.path), k.reason]));
    expect(why.get('far.jpg')).toMatch(/real location .*outside.*far\.jpg is outside the library/);
    expect(why.get('notes.jpg')).toMatch(/secret\.txt is outside the library/);
    expect(why.get('readme.jpg')).toMatch(/not a photo Picto recognises/);
    expect(out).toMatchObject({ deletedPhotos: 1, deletedFiles: 1 });
    // Nothing outside the library was touched; inside, the file and the link to it are gone.
    expect(existsSync(path.join(outside, 'far.jpg'))).toBe(true);
    expect(existsSync(path.join(outside, 'secret.txt'))).toBe(true);
    expect(existsSync(path.join(g.lib, '.kept', 'near.jpg'))).toBe(false);
    expect(existsSync(path.join(g.lib, 'near.jpg'))).toBe(false);
    expect(existsSync(path.join(g.lib, 'far.jpg'))).toBe(true);
    expect(existsSync(path.join(g.lib, '.kept', 'readme.txt'))).toBe(true);
  });

  it('takes only a JSON true as the confirmation that deletes files', async () => {
    const before = (await json(await fetch(url('/api/trash/buckets')))).total;
    expect(before).toBeGreaterThan(0);
    for (const confirm of ['true', 1, [true], 'yes', null]) {
      const res = await send(url('/api/trash/empty'), 'POST', { confirm });
      expect(res.status, JSON.stringify(confirm)).toBe(400);
      expect(await json(res)).toMatchObject({ error: 'validation', field: 'body/confirm' });
    }
    expect((await json(await fetch(url('/api/trash/buckets')))).total).toBe(before);
    // Query strings are text and still become numbers and booleans.
    expect((await fetch(url('/api/timeline?limit=2'))).status).toBe(200);
    expect((await fetch(url('/api/people?hidden=true'))).status).toBe(200);
  });

  it('answers find-by-face uploads it cannot use with a 4xx that says why', async () => {
    const upload = (body: Buffer, type = 'image/jpeg') =>
      fetch(url('/api/people/find/upload'), {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const text = await upload(Buffer.from('hello, this is not an image\n'), 'image/png');
    expect(text.status).toBe(415);
    expect(await json(text)).toMatchObject({ error: 'unsupported-media-type' });

    const rand = mulberry32(7);
    const noise = Buffer.from(Array.from({ length: 50_000 }, () => Math.floor(rand() * 256)));
    const random = await upload(noise, 'application/octet-stream');
    expect(random.status).toBe(415);

    const huge = await upload(hugePngHeader(), 'image/png');
    expect(huge.status).toBe(413);
    expect((await json(huge)).message).toMatch(/20000×20000|pixel/);

    const jpeg = readFileSync(corpusPath('exif/gps/DSCN0010.jpg'));
    const truncated = await upload(jpeg.subarray(0, 3000));
    expect(truncated.status).toBe(422);
    expect(await json(truncated)).toMatchObject({ error: 'unprocessable' });

    const empty = await upload(Buffer.alloc(0));
    expect(empty.status).toBe(400);
  });

  it('treats a malformed token cookie as a wrong token, not a crash', async () => {
    const res = await raw(g.url, '/api/system', {
      headers: { host: '192.168.1.5:4790', cookie: 'picto_token=%zz%' },
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: 'unauthorised' });
  });

  it('refuses control and bidi-override characters in names, and tidies white space', async () => {
    for (const name of ['a\u0000b', 'Trip\u001b[2J', 'photos\u202egnp.exe', 'x\u2066y']) {
      const res = await send(url('/api/albums'), 'POST', { name });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect((await json(res)).message).toMatch(/album name contains a (control|bidirectional)/);
    }
    const ok = await send(url('/api/albums'), 'POST', { name: ' Summer\t\n 2019\u00a0 ' });
    expect(ok.status).toBe(201);
    const album = await json<Album>(ok);
    expect(album.name).toBe('Summer 2019');
    const renamed = await send(url(`/api/albums/${album.id}`), 'PATCH', { name: 'R\u202eL' });
    expect(renamed.status).toBe(400);

    const person = g.picto.repos.people.insert(null, new Date().toISOString());
    const rename = (n: string) => {
      try {
        return g.picto.people.corrections.rename(person, n).name;
      } catch (e) {
        return isPictoError(e, 'invalid') ? `refused: ${e.message}` : e;
      }
    };
    expect(rename('Ada\u202e')).toMatch(/refused: .*bidirectional text control \(U\+202E\)/);
    expect(rename('Ada\u0007')).toMatch(/refused: .*control character \(U\+0007\)/);
    expect(rename('  Ada \n Lovelace ')).toBe('Ada Lovelace');
  });
});
