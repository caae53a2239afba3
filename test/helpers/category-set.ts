// The labelled set for the category classifiers, built by the tests from corpus photos and
// generated images and cached in the temp directory (never in the project: it holds copies of
// face photos). Rebuilt when SET_VERSION changes or the cache is gone. See category-set/*.ts for
// each kind of photo and how its labels were decided.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDocuments } from './category-set/documents.js';
import { exifWriter, type ExifWriter } from './category-set/exif.js';
import { buildFacePhotos } from './category-set/faces.js';
import { buildScenes } from './category-set/scenes.js';
import { buildScreenshots } from './category-set/screens.js';
import type { LabelledPhoto } from './category-set/types.js';
import { corpusPath } from './corpus.js';

export type { LabelledPhoto } from './category-set/types.js';

/** Bump when a generator changes: the cached set is rebuilt. */
const SET_VERSION = 1;

export const categorySetDir = path.join(
  process.env.PICTO_CATEGORY_SET_CACHE ?? os.tmpdir(),
  `picto-category-set-v${SET_VERSION}`,
);

let building: Promise<LabelledPhoto[]> | null = null;

/** The labelled set (built on first use, then read from the cache). */
export function categorySet(): Promise<LabelledPhoto[]> {
  building ??= load();
  return building;
}

async function load(): Promise<LabelledPhoto[]> {
  mkdirSync(categorySetDir, { recursive: true });
  const exif = exifWriter();
  try {
    const photos: LabelledPhoto[] = [];
    for (const [name, build] of PARTS) {
      // Each part is kept once built, so an interrupted build resumes where it stopped.
      const manifest = path.join(categorySetDir, `${name}.json`);
      if (existsSync(manifest)) {
        const part = JSON.parse(readFileSync(manifest, 'utf8')) as LabelledPhoto[];
        if (part.every((p) => existsSync(p.file))) {
          photos.push(...part);
          continue;
        }
      }
      const dir = path.join(categorySetDir, name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      const part = await build(dir, exif);
      writeFileSync(manifest, JSON.stringify(part, null, 1));
      photos.push(...part);
    }
    return photos;
  } finally {
    await exif.close();
  }
}

const PARTS: [string, (dir: string, exif: ExifWriter) => Promise<LabelledPhoto[]>][] = [
  ['screens', buildScreenshots],
  ['documents', buildDocuments],
  ['faces', buildFacePhotos],
  ['scenes', buildScenes],
];

/** A corpus/objects photo and its COCO ground-truth boxes (pixels), for the object groups. */
export interface ObjectsPhoto {
  file: string;
  width: number;
  height: number;
  /** Every class present, boxed or not (ultralytics/ has image-level counts only). */
  classes: string[];
  objects: { cls: string; box: [number, number, number, number] }[];
}

/** Every photo of corpus/objects with its ground truth (ordinary photos: the negatives). */
export function objectsCorpus(): ObjectsPhoto[] {
  const gt = JSON.parse(readFileSync(corpusPath('objects', 'ground_truth.json'), 'utf8')) as {
    images: Record<
      string,
      {
        width: number;
        height: number;
        classes?: string[];
        objects: { cls: string; bbox_xywh?: number[] }[];
      }
    >;
  };
  return Object.entries(gt.images).map(([rel, v]) => ({
    file: corpusPath('objects', rel),
    width: v.width,
    height: v.height,
    classes: [...new Set([...(v.classes ?? []), ...v.objects.map((o) => o.cls)])],
    objects: v.objects
      .filter((o) => o.bbox_xywh)
      .map((o) => ({ cls: o.cls, box: o.bbox_xywh as [number, number, number, number] })),
  }));
}
