import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/server.js';
import { hasCorpus } from '../helpers/corpus.js';
import { json, raw, send, startGallery, type Gallery } from './harness.js';

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address;

describe.skipIf(!hasCorpus)('gallery API: security', () => {
  let g: Gallery;
  let token: string;

  beforeAll(async () => {
    g = await startGallery({ photos: ['exif/gps/DSCN0010.jpg'], indexing: false });
    token = g.server.token;
  });
  afterAll(async () => g?.close());

  const remote = (
    url: string,
    headers: Record<string, string> = {},
    method: 'GET' | 'POST' = 'GET',
  ) =>
    g.server.app.inject({
      method,
      url,
      remoteAddress: '192.168.1.20',
      headers: { host: '192.168.1.5:4790', ...headers },
    });

  it('keeps one random token per install', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(g.picto.accessToken()).toBe(token);
  });

  it('lets loopback in without a token, and nobody else', async () => {
    expect((await fetch(`${g.url}/api/system`)).status).toBe(200);
    const denied = await remote('/api/system');
    expect(denied.statusCode).toBe(401);
    expect(denied.json()).toMatchObject({ statusCode: 401, error: 'unauthorised' });
    expect(denied.headers['www-authenticate']).toMatch(/Bearer/);
    expect((await remote('/api/system', { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await remote('/api/system', { authorization: `Bearer ${token}` })).statusCode).toBe(
      200,
    );
    expect((await remote('/api/photos/0123456789abcdef/original')).statusCode).toBe(401);
    expect((await remote('/api/events')).statusCode).toBe(401);
    const page = await remote('/');
    expect(page.statusCode).toBe(401);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('signs a browser in with ?token= (cookie, then a clean URL)', async () => {
    const wrong = await remote('/?token=nope');
    expect(wrong.statusCode).toBe(401);
    const signIn = await remote(`/albums?token=${token}`);
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/albums');
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/^picto_token=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
    const withCookie = await remote('/api/system', { cookie: cookie.split(';')[0] });
    expect(withCookie.statusCode).toBe(200);
  });

  it('does not trust loopback traffic that names another host (DNS rebinding)', async () => {
    const rebound = await raw(g.url, '/api/system', { headers: { host: 'evil.example:80' } });
    expect(rebound.status).toBe(401);
    const localhost = await raw(g.url, '/api/system', {
      headers: { host: `localhost:${g.server.port}` },
    });
    expect(localhost.status).toBe(200);
  });

  it('refuses state changes sent from other sites (CSRF)', async () => {
    const crossOrigin = await send(`${g.url}/api/jobs/pause`, 'POST', undefined, {
      origin: 'http://evil.example',
    });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await send(`${g.url}/api/jobs/pause`, 'POST', undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await send(`${g.url}/api/jobs/resume`, 'POST', undefined, {
      origin: g.url,
      'sec-fetch-site': 'same-origin',
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('sends no CORS headers, ever', async () => {
    const withOrigin = await fetch(`${g.url}/api/system`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(withOrigin.status).toBe(200);
    for (const [k] of withOrigin.headers) expect(k).not.toMatch(/^access-control-/);
    const preflight = await raw(g.url, '/api/favourites', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(Object.keys(preflight.headers).filter((k) => k.startsWith('access-control-'))).toEqual(
      [],
    );
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it('sets security headers on the app and the API', async () => {
    for (const p of ['/', '/api/system']) {
      const res = await fetch(`${g.url}${p}`);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    }
  });

  it('limits request bodies', async () => {
    const huge = JSON.stringify({
      ids: Array.from({ length: 150_000 }, (_, i) => i.toString(16).padStart(16, '0')),
    });
    const res = await fetch(`${g.url}/api/favourites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ statusCode: 413 });
    const many = await send(`${g.url}/api/favourites`, 'POST', {
      ids: Array.from({ length: 10_001 }, (_, i) => i.toString(16).padStart(16, '0')),
    });
    expect(many.status).toBe(400);
  });

  it('publishes OpenAPI and human docs, offline', async () => {
    const spec = await json(await fetch(`${g.url}/api/openapi.json`));
    expect(spec.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/timeline',
      '/api/timeline/buckets',
      '/api/photos/{id}',
      '/api/photos/{id}/original',
      '/api/photos/{id}/thumbnail',
      '/api/favourites',
      '/api/albums/{id}/photos',
      '/api/trash/empty',
      '/api/folders/{id}/rescan',
      '/api/jobs/retry',
      '/api/events',
      '/api/system',
    ]) {
      expect(spec.paths[p], p).toBeDefined();
    }
    expect(
      spec.paths['/api/trash/empty'].post.requestBody.content['application/json'].schema.required,
    ).toContain('confirm');
    const docs = await fetch(`${g.url}/api/docs/`);
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toMatch(/swagger/i);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const js = await fetch(`${g.url}/api/docs/static/swagger-ui-bundle.js`);
    expect(js.status).toBe(200);
  });

  it('streams events with a hello, library changes and heartbeats', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${g.url}/api/events`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-security-policy')).toBeTruthy();
    const reader = res.body!.getReader();
    let text = '';
    const until = async (pred: (t: string) => boolean) => {
      const deadline = Date.now() + 15_000;
      while (!pred(text) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return pred(text);
    };
    expect(await until((t) => t.includes('event: hello'))).toBe(true);
    g.picto.events.emit({ type: 'albums.changed' });
    expect(
      await until((t) => t.includes('event: albums.changed\ndata: {"type":"albums.changed"}')),
    ).toBe(true);
    expect(await until((t) => /\n: \d+\n/.test(t))).toBe(true);
    ctrl.abort();
  });

  it('limits other machines: wrong tokens lock an address out, floods get 429', async () => {
    const server = await createServer(g.picto, {
      port: 0,
      indexing: false,
      rateLimits: { perSecond: 1, burst: 20, failures: 3, failureWindowMs: 60_000 },
    });
    const from = (address: string, headers: Record<string, string> = {}) =>
      server.app.inject({
        url: '/api/system',
        remoteAddress: address,
        headers: { host: '192.168.1.5:4790', ...headers },
      });
    try {
      const good = { authorization: `Bearer ${server.token}` };
      // A browser that has not signed in yet is not punished for it.
      for (let i = 0; i < 5; i++) expect((await from('10.0.0.1')).statusCode).toBe(401);
      expect((await from('10.0.0.1', good)).statusCode).toBe(200);
      // Three wrong tokens: the address is refused, even with the right one, and told when to retry.
      for (let i = 0; i < 3; i++) {
        expect((await from('10.0.0.2', { authorization: `Bearer guess${i}` })).statusCode).toBe(
          401,
        );
      }
      const locked = await from('10.0.0.2', good);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ error: 'rate-limited' });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
      expect((await from('10.0.0.3', good)).statusCode).toBe(200);
      // More than the burst at once.
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) codes.push((await from('10.0.0.4', good)).statusCode);
      expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(19);
      expect(codes.at(-1)).toBe(429);
      // This computer is never limited.
      for (let i = 0; i < 30; i++) {
        expect((await fetch(`${server.url}/api/system`)).status).toBe(200);
      }
    } finally {
      await server.close();
    }
  });

  it.skipIf(!lanAddress)('requires the token on a real non-loopback interface', async () => {
    const server = await createServer(g.picto, { host: lanAddress, port: 0, indexing: false });
    try {
      expect(server.exposed).toBe(true);
      const denied = await fetch(`${server.url}/api/system`);
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${server.url}/api/system`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(allowed.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
