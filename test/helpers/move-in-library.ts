// A library to move in from, built by the tests in a temporary folder: a Google Takeout tree
// (test/helpers/takeout-tree.ts: every naming quirk, an album, 0/0 places, stripped EXIF, edited
// copies) and, in `tools/`, XMP written by ExifTool in the shapes digiKam, Lightroom and Picasa
// write, on real face photos stored upright and turned (test/helpers/xmp-shapes.ts).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { ExifTool } from 'exiftool-vendored';
import { corpusPath } from './corpus.js';
import { makeTakeoutTree, sidecarJson, type TakeoutTree } from './takeout-tree.js';
import {
  fixtureFaces,
  orientedCopy,
  storedRect,
  writeDigikamSidecar,
  writeLightroom,
  writePicasaEmbedded,
  type ShapeFace,
  type Turn,
} from './xmp-shapes.js';

export interface MoveInLibrary {
  root: string;
  tree: TakeoutTree;
  /** Photos with other programs' XMP. */
  tools: string;
  /** The digiKam photo's faces (stored coordinates) and size, to write its sidecar again. */
  digikam: { photo: string; faces: ShapeFace[]; storedW: number; storedH: number };
}

/** A face photo stored turned, with its faces in stored coordinates. */
async function faceCopy(tools: string, file: string, turn: Turn, name: string) {
  const photo = path.join(tools, name);
  await orientedCopy(corpusPath('faces', file), photo, turn);
  const meta = await sharp(photo).metadata();
  const fx = fixtureFaces(file);
  const stored = await Promise.all(fx.faces.map((f) => storedRect(f, turn)));
  return { photo, stored, storedW: meta.width!, storedH: meta.height! };
}

/**
 * Builds the library under `root`:
 * - digiKam (`tools/digikam.jpg`, orientation 6): a sidecar naming both faces "Ana Lima" and
 *   "Ben Ode", keywords Places/Korea/Seoul and Events/Wedding, 4 stars, a caption;
 * - Lightroom embedded (`tools/lightroom.jpg`, orientation 8): "Cleo Park" and "Dev Rao" on two
 *   of three faces, 5 stars; Lightroom `tools/DSC_0001.xmp` beside a photo: "Eve Moss", rejected;
 * - Picasa embedded (`tools/picasa.jpg`, orientation 3): "Ana Lima" and an unnamed face, IPTC
 *   keywords beach and family, a caption, and "OLYMPUS DIGITAL CAMERA" in EXIF;
 * - `tools/deleted.jpg.xmp`, whose photo is gone;
 * - in the Takeout year folder, `group.jpg` (two faces) whose sidecar names "Barack Obama" and
 *   "Joe Biden" without boxes.
 */
export async function makeMoveInLibrary(root: string, et: ExifTool): Promise<MoveInLibrary> {
  const tree = await makeTakeoutTree(root);
  const tools = path.join(root, 'tools');
  mkdirSync(tools, { recursive: true });
  // digiKam: a sidecar naming both faces of a photo stored turned (orientation 6).
  const dk = await faceCopy(tools, 'face_recognition/two_people.jpg', 6, 'digikam.jpg');
  const dkFaces: ShapeFace[] = dk.stored.map((s, i) => ({
    name: ['Ana Lima', 'Ben Ode'][i],
    stored: s,
  }));
  await writeDigikamSidecar(et, dk.photo, { ...dk, faces: dkFaces, orientation: 6 });
  // Lightroom, embedded in the JPEG (orientation 8), rating 5.
  const lr = await faceCopy(tools, 'face_recognition/obama_and_biden.jpg', 8, 'lightroom.jpg');
  const lrFaces = lr.stored
    .slice(0, 2)
    .map((s, i) => ({ name: ['Cleo Park', 'Dev Rao'][i], stored: s }));
  await writeLightroom(et, lr.photo, { ...lr, faces: lrFaces, orientation: 8, rating: 5 });
  // Lightroom's NAME.xmp beside a file, "rejected" (−1): no rating.
  const rej = await faceCopy(tools, 'face_recognition/kit_with_rose.jpg', 1, 'DSC_0001.jpg');
  await writeLightroom(et, path.join(tools, 'DSC_0001.xmp'), {
    ...rej,
    faces: [{ name: 'Eve Moss', stored: rej.stored[0] }],
    orientation: 1,
    rating: -1,
  });
  // Picasa, embedded (orientation 3): one named face, one Picasa left unnamed.
  const pc = await faceCopy(tools, 'deepface/couple.jpg', 3, 'picasa.jpg');
  await writePicasaEmbedded(et, pc.photo, {
    ...pc,
    faces: [
      { name: 'Ana Lima', stored: pc.stored[0] },
      { name: null, stored: pc.stored[1] },
    ],
    orientation: 3,
  });
  // An XMP sidecar whose photo is gone.
  writeFileSync(path.join(tools, 'deleted.jpg.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
  // A Takeout group photo naming two people without boxes: not placed, suggested.
  writeFileSync(
    path.join(tree.year, 'group.jpg.json'),
    sidecarJson({
      title: 'group.jpg',
      taken: '2019-11-11T11:00:00Z',
      people: ['Barack Obama', 'Joe Biden'],
    }),
  );
  await sharp(corpusPath('faces/face_recognition/obama_and_biden.jpg'))
    .jpeg()
    .toFile(path.join(tree.year, 'group.jpg'));

  return {
    root,
    tree,
    tools,
    digikam: { photo: dk.photo, faces: dkFaces, storedW: dk.storedW, storedH: dk.storedH },
  };
}
