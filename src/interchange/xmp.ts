// XMP sidecars: what Picto knows about a photo, written next to the original only when the user
// asks, in the shapes other tools read:
//
// - `dc:subject`: flat keywords (everyone): object tags, their groups, people, keyword leaves.
// - `digiKam:TagsList`: `People/NAME`, object tags under `Picto/GROUP/LABEL`, keyword paths.
// - `lr:hierarchicalSubject`: the same paths with `|` (Lightroom, and digiKam reads it too).
// - `Iptc4xmpExt:PersonInImage`: the names.
// - `mwg-rs:Regions`: every face, named or not (MWG allows unnamed face regions): Lightroom,
//   digiKam, Picasa, Apple read these.
// - `MP:RegionInfo`: the same faces as Windows Photo Gallery / Photos and digiKam read them.
// - `xmp:Rating` and `dc:description` when known.
//
// The original file is never opened for writing; see sidecars.ts for whose files are replaced.

import { displayedToStored, swapsAxes, boxToRect, type Box, type NormRect } from './geometry.js';
import { markPlaceholder, stampSidecar } from './ownership.js';

export { toStored, toDisplayed } from './geometry.js';

export interface SidecarFace {
  /** The person's name; null for a face nobody has named (written as an unnamed region). */
  name: string | null;
  /** x, y, w, h in displayed-photo pixels (EXIF orientation applied). */
  box: Box;
}

export interface SidecarObject {
  label: string;
  /** Picto's groups for the label ("animal" for "dog"). */
  groups: string[];
}

export interface SidecarInput {
  objects: SidecarObject[];
  faces: SidecarFace[];
  /** User keywords as paths (["Places", "Seoul"]); from the catalogue once it stores them. */
  keywords?: string[][];
  description?: string | null;
  /** 1–5 stars; 0 or null writes no rating. */
  rating?: number | null;
  /** Displayed size. */
  width: number;
  height: number;
  /** EXIF orientation of the original (1–8, null = 1). */
  orientation: number | null;
}

/** What a sidecar says, independent of serialisation: rendered fresh, or merged by ExifTool. */
export interface SidecarModel {
  subject: string[];
  tagsList: string[];
  hierarchy: string[];
  persons: string[];
  description: string | null;
  rating: number | null;
  /** Size of the stored pixels, which the regions are relative to. */
  stored: { width: number; height: number };
  /** Faces as normalised top-left rectangles of the stored pixels. */
  regions: { name: string | null; rect: NormRect }[];
}

export const PICTO_ROOT = 'Picto';
export const PEOPLE_ROOT = 'People';

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
// A level may not contain its path separator: digiKam and Lightroom have no escape for it.
const slashLevel = (s: string) => clean(s).replace(/\//g, '∕');
const pipeLevel = (s: string) => clean(s).replace(/\|/g, '¦');

function uniqueSorted(items: string[]): string[] {
  return [...new Set(items.filter(Boolean))].sort();
}

export function sidecarModel(input: SidecarInput): SidecarModel {
  const names = uniqueSorted(
    input.faces.map((f) => (f.name ? clean(f.name) : '')).filter((n) => n !== ''),
  );
  const objectPaths = input.objects.flatMap((o) =>
    o.groups.length ? o.groups.map((g) => [PICTO_ROOT, g, o.label]) : [[PICTO_ROOT, o.label]],
  );
  const keywordPaths = (input.keywords ?? [])
    .map((p) => p.map(clean).filter(Boolean))
    .filter((p) => p.length);
  const paths = [...names.map((n) => [PEOPLE_ROOT, n]), ...objectPaths, ...keywordPaths];
  const swap = swapsAxes(input.orientation);
  const rating = input.rating && input.rating >= 1 ? Math.min(5, Math.round(input.rating)) : null;
  return {
    subject: uniqueSorted([
      ...input.objects.flatMap((o) => [o.label, ...o.groups]),
      ...names,
      ...keywordPaths.map((p) => p[p.length - 1]),
    ]),
    tagsList: uniqueSorted(paths.map((p) => p.map(slashLevel).join('/'))),
    hierarchy: uniqueSorted(paths.map((p) => p.map(pipeLevel).join('|'))),
    persons: names,
    description: input.description?.trim() || null,
    rating,
    stored: swap
      ? { width: input.height, height: input.width }
      : { width: input.width, height: input.height },
    regions: input.faces.map((f) => ({
      name: f.name ? clean(f.name) || null : null,
      rect: displayedToStored(boxToRect(f.box, input.width, input.height), input.orientation),
    })),
  };
}

function esc(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 forbids most control characters even escaped; matching them is the point here.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

export function r6(v: number): string {
  return (Math.round(v * 1e6) / 1e6).toString();
}

function list(kind: 'Bag' | 'Seq', items: string[]): string {
  return `<rdf:${kind}>${items.map((i) => `<rdf:li>${esc(i)}</rdf:li>`).join('')}</rdf:${kind}>`;
}

function mwgRegion(r: SidecarModel['regions'][number]): string {
  const [l, t, w, h] = r.rect;
  const name = r.name ? `<mwg-rs:Name>${esc(r.name)}</mwg-rs:Name>` : '';
  return (
    `<rdf:li rdf:parseType="Resource">${name}<mwg-rs:Type>Face</mwg-rs:Type>` +
    `<mwg-rs:Area stArea:x="${r6(l + w / 2)}" stArea:y="${r6(t + h / 2)}" ` +
    `stArea:w="${r6(w)}" stArea:h="${r6(h)}" stArea:unit="normalized"/></rdf:li>`
  );
}

function mpRegion(r: SidecarModel['regions'][number]): string {
  const name = r.name ? `<MPReg:PersonDisplayName>${esc(r.name)}</MPReg:PersonDisplayName>` : '';
  return (
    `<rdf:li rdf:parseType="Resource"><MPReg:Rectangle>${r.rect.map(r6).join(', ')}</MPReg:Rectangle>` +
    `${name}</rdf:li>`
  );
}

/**
 * What Picto put in a sidecar, kept in it as `picto:Wrote` so a later merge can take back what
 * Picto no longer says (a renamed person, a removed face) without touching what others added.
 */
export function wroteList(m: SidecarModel): string[] {
  return [
    ...m.subject.map((v) => `subject:${v}`),
    ...m.tagsList.map((v) => `tag:${v}`),
    ...m.hierarchy.map((v) => `lr:${v}`),
    ...m.persons.map((v) => `person:${v}`),
    // Stored rectangle, then the name if any: "region:0.1,0.2,0.3,0.4|Ana".
    ...m.regions.map((r) => `region:${r.rect.map(r6).join(',')}${r.name ? `|${r.name}` : ''}`),
    ...(m.rating !== null ? [`rating:${m.rating}`] : []),
    ...(m.description ? [`description:${m.description}`] : []),
  ];
}

/** A `region:` entry of wroteList(), read back. */
export function parseWroteRegion(entry: string): { rect: NormRect; name: string | null } | null {
  const bar = entry.indexOf('|');
  const rect = (bar < 0 ? entry : entry.slice(0, bar)).split(',').map(Number);
  if (rect.length !== 4 || !rect.every(Number.isFinite)) return null;
  return { rect: rect as NormRect, name: bar < 0 ? null : entry.slice(bar + 1) || null };
}

/** The sidecar document for a model, stamped with Picto's ownership mark. */
export function renderSidecar(m: SidecarModel): string {
  const attrs = [' xmp:CreatorTool="Picto"'];
  if (m.rating !== null) attrs.push(` xmp:Rating="${m.rating}"`);
  attrs.push(` picto:Sidecar="${markPlaceholder()}"`);
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Picto">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    ' xmlns:digiKam="http://www.digikam.org/ns/1.0/"',
    ' xmlns:lr="http://ns.adobe.com/lightroom/1.0/"',
    ' xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"',
    ' xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"',
    ' xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"',
    ' xmlns:MP="http://ns.microsoft.com/photo/1.2/"',
    ' xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"',
    ' xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#"',
    ' xmlns:picto="https://picto.local/ns/1.0/"',
    attrs.join('\n') + '>',
  ];
  if (m.subject.length) lines.push(`<dc:subject>${list('Bag', m.subject)}</dc:subject>`);
  if (m.description) {
    lines.push(
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(m.description)}</rdf:li></rdf:Alt></dc:description>`,
    );
  }
  if (m.persons.length) {
    lines.push(`<Iptc4xmpExt:PersonInImage>${list('Bag', m.persons)}</Iptc4xmpExt:PersonInImage>`);
  }
  if (m.tagsList.length)
    lines.push(`<digiKam:TagsList>${list('Seq', m.tagsList)}</digiKam:TagsList>`);
  if (m.hierarchy.length) {
    lines.push(`<lr:hierarchicalSubject>${list('Bag', m.hierarchy)}</lr:hierarchicalSubject>`);
  }
  if (m.regions.length) {
    lines.push(
      '<mwg-rs:Regions rdf:parseType="Resource">',
      `<mwg-rs:AppliedToDimensions stDim:w="${m.stored.width}" stDim:h="${m.stored.height}" stDim:unit="pixel"/>`,
      `<mwg-rs:RegionList><rdf:Bag>${m.regions.map(mwgRegion).join('')}</rdf:Bag></mwg-rs:RegionList>`,
      '</mwg-rs:Regions>',
      '<MP:RegionInfo rdf:parseType="Resource">',
      `<MPRI:Regions><rdf:Bag>${m.regions.map(mpRegion).join('')}</rdf:Bag></MPRI:Regions>`,
      '</MP:RegionInfo>',
    );
  }
  const wrote = wroteList(m);
  if (wrote.length) lines.push(`<picto:Wrote>${list('Bag', wrote)}</picto:Wrote>`);
  lines.push('</rdf:Description>', '</rdf:RDF>', '</x:xmpmeta>', '<?xpacket end="w"?>', '');
  return stampSidecar(lines.join('\n'));
}

/** Builds the sidecar document for a photo. */
export function buildSidecar(input: SidecarInput): string {
  return renderSidecar(sidecarModel(input));
}
