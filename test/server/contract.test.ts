// The HTTP contract, checked: every route fastify has is declared in src/shared/routes and every
// declaration is a route; the declarations agree with themselves; the OpenAPI document generated
// from them is valid OpenAPI 3.0.3 (swagger-parser) and clean under Redocly's recommended rules.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { registerApi } from '../../src/server/api-routes.js';
import { installValidation } from '../../src/server/validation.js';
import { SseHub } from '../../src/server/sse.js';
import { TimelinePages } from '../../src/server/timeline-pages.js';
import {
  ALL_ROUTES,
  routes,
  TAGS,
  type PathParams,
  type RouteDecl,
  urlOf,
} from '../../src/shared/routes/index.js';
import { repoRoot } from '../helpers/corpus.js';
import { startGallery, type Gallery } from './harness.js';

const key = (method: string, url: string) => `${method} ${url}`;
const pathParams = (p: string) => [...p.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();

describe('route declarations', () => {
  it('give every route a unique operationId, a known tag and a success reply', () => {
    const ids = ALL_ROUTES.map((d) => d.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(routes).sort()).toEqual([...ids].sort());
    const endpoints = ALL_ROUTES.map((d) => key(d.method, d.path));
    expect(new Set(endpoints).size).toBe(endpoints.length);
    for (const d of ALL_ROUTES) {
      expect(Object.keys(TAGS), d.operationId).toContain(d.tag);
      expect(Object.keys(d.response).length, d.operationId).toBeGreaterThan(0);
      expect(d.operationId).toMatch(/^[a-z][A-Za-z]+$/);
    }
  });

  it('declare exactly the params their paths name', () => {
    for (const d of ALL_ROUTES) {
      const declared = Object.keys(d.params?.properties ?? {}).sort();
      expect(declared, d.operationId).toEqual(pathParams(d.path));
    }
    // The same rule at the type level (declareRoutes refuses a mismatch at build time).
    const names: PathParams<'/api/people/:id/faces/:faceId'>[] = ['id', 'faceId'];
    expect(names).toHaveLength(2);
  });

  it('add the errors every route may answer', () => {
    const d = routes.getAlbum as RouteDecl;
    expect(d.errors).toEqual([400, 401, 404, 429]);
    expect(routes.createAlbum.errors).toEqual([400, 401, 403, 404, 409, 429]);
    expect(routes.getSystem.errors).toEqual([401, 429]);
  });

  it('match the one URL written by hand: the preload in web/index.html', () => {
    const html = readFileSync(path.join(repoRoot, 'web', 'index.html'), 'utf8');
    const preload = /<link rel="preload" href="([^"]+)"/.exec(html)?.[1];
    expect(preload).toBe(urlOf(routes.getTimelineBuckets));
  });
});

describe('routes and declarations', () => {
  let picto: Picto;
  let tmp: string;
  const registered: RouteOptions[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-contract-'));
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 1 });
    const app = Fastify();
    installValidation(app);
    app.addHook('onRoute', (r) => void registered.push(r));
    await registerApi(app, {
      picto,
      pages: new TimelinePages(picto.gallery),
      sse: new SseHub(picto.events, 60_000, () => picto.indexing.status()),
      token: picto.accessToken(),
    });
    await app.ready();
    await app.close();
  });
  afterAll(async () => {
    await picto?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  // Fastify adds a HEAD route for every GET by itself.
  const own = () =>
    registered.filter(
      (r) =>
        !(r.method === 'HEAD' && registered.some((g) => g.method === 'GET' && g.url === r.url)),
    );

  it('registers no route without a declaration', () => {
    const declared = new Set(ALL_ROUTES.map((d) => key(d.method, d.path)));
    const undeclared = own()
      .map((r) => key(String(r.method), r.url))
      .filter((k) => !declared.has(k));
    expect(undeclared).toEqual([]);
  });

  it('registers every declaration, with that declaration', () => {
    const byEndpoint = new Map(own().map((r) => [key(String(r.method), r.url), r]));
    const missing: string[] = [];
    for (const d of ALL_ROUTES) {
      const r = byEndpoint.get(key(d.method, d.path));
      if (!r) missing.push(`${d.operationId}: ${d.method} ${d.path}`);
      else expect((r.config as { operationId?: string })?.operationId).toBe(d.operationId);
    }
    expect(missing).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  let g: Gallery;
  let text: string;

  beforeAll(async () => {
    g = await startGallery({ photos: [], indexing: false });
    text = await (await fetch(`${g.url}/api/openapi.json`)).text();
  });
  afterAll(async () => g?.close());

  it('is valid OpenAPI 3.0.3 (swagger-parser)', async () => {
    const doc = JSON.parse(text);
    expect(doc.openapi).toBe('3.0.3');
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
  });

  it("passes Redocly's recommended rules with no error or warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: text, absoluteRef: '/openapi.json', config });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`),
    ).toEqual([]);
  });

  it('has every declared operation, with its id, tag and replies', () => {
    const doc = JSON.parse(text);
    for (const d of ALL_ROUTES) {
      const url = d.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[url]?.[d.method.toLowerCase()];
      expect(op, `${d.method} ${url}`).toBeDefined();
      expect(op.operationId).toBe(d.operationId);
      expect(op.tags).toEqual([d.tag]);
      const statuses = Object.keys(op.responses).map(Number);
      expect(statuses.filter((s) => s >= 200 && s < 300).length, d.operationId).toBeGreaterThan(0);
      for (const e of d.errors) expect(statuses, d.operationId).toContain(e);
    }
  });

  it('describes bytes as bytes: images, files, the event stream and the upload', () => {
    const doc = JSON.parse(text);
    const thumb = doc.paths['/api/photos/{id}/thumbnail'].get.responses;
    expect(thumb['200'].content['image/webp'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(thumb['404'].content['application/json']).toBeDefined();
    const original = doc.paths['/api/photos/{id}/original'].get.responses['200'].content;
    expect(Object.keys(original)).toContain('application/octet-stream');
    expect(
      doc.paths['/api/events'].get.responses['200'].content['text/event-stream'],
    ).toBeDefined();
    const upload = doc.paths['/api/people/find/upload'].post.requestBody.content;
    expect(upload['image/jpeg'].schema).toEqual({ type: 'string', format: 'binary' });
    const box =
      doc.paths['/api/photos/{id}/faces'].get.responses['200'].content['application/json'].schema
        .properties.faces.items.properties.box;
    expect(box).toMatchObject({ type: 'array', items: { type: 'number' }, minItems: 4 });
  });
});
