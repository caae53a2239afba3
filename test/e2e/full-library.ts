import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../helpers/corpus.js';
import { testVideos } from '../helpers/videos.js';
import {
  GALLERY_PHOTOS,
  getOk,
  indexLibrary,
  send,
  startGallery,
  type Gallery,
} from '../server/harness.js';

/**
 * A library with something on every page: GPS photos (places, map), faces of two people (People,
 * a person page), COCO photos (Things), a crop of another photo (Duplicates), an album, a
 * favourite and a photo in the trash; an HEVC video (transcoded for the browser) and a Live Photo
 * made by the tests (test/helpers/videos.ts). AI is on, so the indexing takes a while (~1 min).
 */
/** Faces of two people: four of Obama (one partly hidden), two of Biden. */
export const TWO_PEOPLE_PHOTOS = [
  'faces/face_recognition/obama.jpg',
  'faces/face_recognition/obama2.jpg',
  'faces/face_recognition/obama3.jpg',
  'faces/face_recognition/obama_partial_face.jpg',
  'faces/face_recognition/biden.jpg',
  'faces/face_recognition/biden2.jpg',
];

export const FULL_PHOTOS = [
  ...GALLERY_PHOTOS,
  ...TWO_PEOPLE_PHOTOS,
  'objects/coco128/images/000000000307.jpg',
  'objects/ultralytics/bus.jpg',
];

export interface FullLibrary {
  g: Gallery;
  /** Photo id by file name. */
  id: (file: string) => string;
  albumId: number;
  personId: number;
}

/** Adds the gallery's folder with AI on and waits until it is indexed and its faces grouped. */
export async function indexWithPeople(g: Gallery): Promise<void> {
  const clustered = g.picto.events.once(
    (e) => e.type === 'people.changed' && e.reason === 'clustered',
  );
  await indexLibrary(g, true);
  await clustered;
}

export async function startFullLibrary(): Promise<FullLibrary> {
  const g = await startGallery({ photos: FULL_PHOTOS });
  const v = await testVideos();
  for (const f of [v.faceHevc, v.liveStill, v.liveMov])
    copyFileSync(f, path.join(g.lib, path.basename(f)));
  await indexWithPeople(g);
  const id = (file: string) => g.picto.repos.locations.byPath(path.join(g.lib, file))!.photo_id;

  const album = (await (
    await send(`${g.url}/api/albums`, 'POST', {
      name: 'Garda',
      photoIds: [id('DSCN0010.jpg'), id('DSCN0012.jpg'), id('DSCN0021.jpg')],
    })
  ).json()) as { id: number };
  await send(`${g.url}/api/favourites`, 'POST', { ids: [id('DSCN0025.jpg')] });
  await send(`${g.url}/api/trash`, 'POST', { ids: [id('Landscape_3.jpg')] });
  const { people } = await getOk<{ people: { id: number; faceCount: number }[] }>(g, '/api/people');
  const top = people[0];
  await send(`${g.url}/api/people/${top.id}`, 'PATCH', { name: 'Barack' });
  return { g, id, albumId: album.id, personId: top.id };
}

const AXE = readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Makes axe-core available on every page the browser opens. An init script runs before the page's
 * own scripts and is not subject to its Content-Security-Policy (which rightly refuses inline
 * scripts), so the app under test is the one users get.
 */
export async function withAxe(page: Page): Promise<void> {
  await page.addInitScript({ content: AXE });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Best-practice rules the issue named, held to whatever their impact (axe calls them moderate). */
const ALWAYS = ['page-has-heading-one', 'aria-allowed-role', 'landmark-one-main', 'region'];

/**
 * Runs axe-core over the page for WCAG 2.1 A and AA and its best practices; returns the serious
 * and critical violations, and any of the rules in ALWAYS.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const found = await page.evaluate(async () => {
    // Colours are judged as drawn: a panel still fading or sliding in blends with what is behind
    // it (a loaded machine makes that window long), so finite animations finish first.
    const running = (globalThis as any).document
      .getAnimations()
      .filter((a: any) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(running.map((a: any) => a.finished.catch(() => undefined)));
    const axe = (globalThis as any).axe;
    const r = await axe.run((globalThis as any).document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({
        target: n.target,
        html: String(n.html).slice(0, 200),
        failureSummary: n.failureSummary,
      })),
    }));
  });
  return (found as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS.includes(v.id),
  );
}
