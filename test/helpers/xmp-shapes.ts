// XMP in the shapes digiKam, Lightroom and Picasa write, written by ExifTool into copies of corpus
// photos in temporary folders, with face regions placed on the photo's real faces.
//
// Face boxes come from test/ml/fixtures/face-boxes.json (displayed-photo fractions, checked by
// eye). Rotated copies store their pixels turned so that the EXIF orientation shows them upright;
// the stored position of a face is found by turning a mask of its box the same way with sharp, so
// the tests do not lean on the geometry code they check.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { ExifTool } from 'exiftool-vendored';
import type { NormRect } from '../../src/interchange/geometry.js';
import { repoRoot } from './corpus.js';

export interface FixtureFaces {
  width: number;
  height: number;
  faces: NormRect[];
}

/** Face boxes of a corpus/faces photo ("face_recognition/two_people.jpg"), displayed fractions. */
export function fixtureFaces(file: string): FixtureFaces {
  const data = JSON.parse(
    readFileSync(path.join(repoRoot, 'test/ml/fixtures/face-boxes.json'), 'utf8'),
  ) as { photos: Record<string, { width: number; height: number; faces: { box: NormRect }[] }> };
  const p = data.photos[file];
  if (!p) throw new Error(`no face boxes for ${file}`);
  return { width: p.width, height: p.height, faces: p.faces.map((f) => f.box) };
}

export type Turn = 1 | 3 | 6 | 8;

/** What turns an upright image into the stored pixels of a file with this orientation. */
function store(img: Sharp, orientation: Turn): Sharp {
  if (orientation === 6) return img.rotate(270);
  if (orientation === 8) return img.rotate(90);
  if (orientation === 3) return img.rotate(180);
  return img;
}

/** A copy of `src` whose pixels are stored turned, with the EXIF orientation that shows it upright. */
export async function orientedCopy(src: string, dest: string, orientation: Turn): Promise<void> {
  const upright = await sharp(src).rotate().toBuffer();
  await store(sharp(upright), orientation)
    .withMetadata({ orientation })
    .jpeg({ quality: 90 })
    .toFile(dest);
}

/** Where a displayed rectangle lies in the stored pixels, found by turning a mask with sharp. */
export async function storedRect(displayed: NormRect, orientation: Turn): Promise<NormRect> {
  const W = 400;
  const H = 300;
  const px = Buffer.alloc(W * H);
  const [x0, y0] = [Math.round(displayed[0] * W), Math.round(displayed[1] * H)];
  const [x1, y1] = [
    Math.round((displayed[0] + displayed[2]) * W),
    Math.round((displayed[1] + displayed[3]) * H),
  ];
  for (let y = y0; y < y1; y++) px.fill(255, y * W + x0, y * W + x1);
  const { data, info } = await store(
    sharp(px, { raw: { width: W, height: H, channels: 1 } }),
    orientation,
  )
    .raw()
    .toBuffer({ resolveWithObject: true });
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[(y * info.width + x) * info.channels] < 128) continue;
      [minX, minY] = [Math.min(minX, x), Math.min(minY, y)];
      [maxX, maxY] = [Math.max(maxX, x), Math.max(maxY, y)];
    }
  }
  return [
    minX / info.width,
    minY / info.height,
    (maxX + 1 - minX) / info.width,
    (maxY + 1 - minY) / info.height,
  ];
}

export interface ShapeFace {
  name: string | null;
  /** Normalised top-left rectangle of the stored pixels. */
  stored: NormRect;
}

const mwgRegionInfo = (faces: ShapeFace[], storedW: number, storedH: number) => ({
  AppliedToDimensions: { W: storedW, H: storedH, Unit: 'pixel' },
  RegionList: faces.map((f) => {
    const [l, t, w, h] = f.stored;
    const Area = { X: l + w / 2, Y: t + h / 2, W: w, H: h, Unit: 'normalized' };
    return f.name ? { Area, Name: f.name, Type: 'Face' } : { Area, Type: 'Face' };
  }),
});

const mpRegionInfo = (faces: ShapeFace[]) => ({
  Regions: faces.map((f) => ({
    Rectangle: f.stored.map((v) => v.toFixed(6)).join(', '),
    ...(f.name ? { PersonDisplayName: f.name } : {}),
  })),
});

export interface ShapeOptions {
  faces: ShapeFace[];
  storedW: number;
  storedH: number;
  orientation: Turn;
}

const write = (et: ExifTool, file: string, tags: Record<string, unknown>) =>
  et.write(file, tags as never, { writeArgs: ['-overwrite_original'] });

/**
 * digiKam's sidecar `NAME.jpg.xmp`: TagsList and its mirrors (hierarchicalSubject, Microsoft
 * LastKeywordXMP, mediapro CatalogSets), leaves in dc:subject, faces in both MWG and Microsoft
 * regions, rating twice (xmp and Microsoft percent), caption, and the orientation.
 */
export async function writeDigikamSidecar(
  et: ExifTool,
  photo: string,
  o: ShapeOptions,
): Promise<string> {
  const names = o.faces.map((f) => f.name).filter((n): n is string => !!n);
  const tags = [...names.map((n) => `People/${n}`), 'Places/Korea/Seoul', 'Events/Wedding'];
  const sidecar = `${photo}.xmp`;
  await write(et, sidecar, {
    'XMP-digiKam:TagsList': tags,
    'XMP-lr:HierarchicalSubject': tags.map((t) => t.replace(/\//g, '|')),
    'XMP-microsoft:LastKeywordXMP': tags,
    'XMP-mediapro:CatalogSets': tags.map((t) => t.replace(/\//g, '|')),
    'XMP-dc:Subject': [...names, 'Seoul', 'Wedding'],
    'XMP-mwg-rs:RegionInfo': mwgRegionInfo(o.faces, o.storedW, o.storedH),
    'XMP-MP:RegionInfoMP': mpRegionInfo(o.faces),
    'XMP-xmp:Rating': 4,
    'XMP-microsoft:RatingPercent': 75,
    'XMP-dc:Description': 'The wedding in Seoul',
    'XMP-tiff:Orientation': o.orientation,
  });
  return sidecar;
}

/**
 * Lightroom Classic's XMP (embedded in a JPEG, or `NAME.xmp` beside a RAW): dc:subject with every
 * level of each keyword path, lr:hierarchicalSubject, MWG face regions, rating, caption, and
 * develop settings (crs:) that readers must ignore.
 */
export async function writeLightroom(
  et: ExifTool,
  target: string,
  o: ShapeOptions & { rating: number },
): Promise<void> {
  const names = o.faces.map((f) => f.name).filter((n): n is string => !!n);
  await write(et, target, {
    'XMP-dc:Subject': ['Places', 'Korea', 'Seoul', 'People', ...names],
    'XMP-lr:HierarchicalSubject': ['Places|Korea|Seoul', ...names.map((n) => `People|${n}`)],
    'XMP-mwg-rs:RegionInfo': mwgRegionInfo(o.faces, o.storedW, o.storedH),
    'XMP-xmp:Rating': o.rating,
    'XMP-dc:Description': 'Dinner in Seoul',
    'XMP-crs:Exposure2012': 0.35,
    'XMP-xmp:CreatorTool': 'Adobe Photoshop Lightroom Classic 13.0 (Windows)',
  });
}

/**
 * Picasa 3.9's embedded metadata: MWG face regions (names only for faces the user named; an
 * unnamed one shows Picasa's placeholder), IPTC keywords and caption, and the camera's
 * boilerplate left in EXIF ImageDescription.
 */
export async function writePicasaEmbedded(
  et: ExifTool,
  photo: string,
  o: ShapeOptions,
): Promise<void> {
  await write(et, photo, {
    'XMP-mwg-rs:RegionInfo': mwgRegionInfo(
      o.faces.map((f) => ({ ...f, name: f.name ?? 'ffffffffffffffff' })),
      o.storedW,
      o.storedH,
    ),
    'IPTC:Keywords': ['beach', 'family'],
    'IPTC:Caption-Abstract': 'At the beach',
    'IFD0:ImageDescription': 'OLYMPUS DIGITAL CAMERA',
  });
}

/** An XMP sidecar as Lightroom leaves one: stars, a caption, a keyword hierarchy. */
export const LIGHTROOM_XMP = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmp:Rating="4">
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Harbour at dusk</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag><rdf:li>Seoul</rdf:li></rdf:Bag></dc:subject>
   <lr:hierarchicalSubject><rdf:Bag><rdf:li>Places|Korea|Seoul</rdf:li></rdf:Bag></lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
